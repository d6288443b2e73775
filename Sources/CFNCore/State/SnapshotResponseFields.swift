import CFNLoader

/// The few fields of the responses that decide which calls come next, read with the project's loader.
enum SnapshotResponseFields {
    /// The physical IDs of the stack's functions and layer versions, each sorted and unique.
    /// Resources without a physical ID (not created, or deleted) are left out.
    static func stackResources(_ describeStackResources: [UInt8]) -> (functions: [String], layerVersions: [String]) {
        guard let (tree, root) = load(describeStackResources), let list = tree.value(forKey: "StackResources", in: root)
        else { return ([], []) }
        var functions: Set<String> = []
        var layerVersions: Set<String> = []
        for resource in tree.elements(list) {
            guard let typeNode = tree.value(forKey: "ResourceType", in: resource),
                  let idNode = tree.value(forKey: "PhysicalResourceId", in: resource),
                  let id = tree.string(idNode), !id.isEmpty
            else { continue }
            if tree.scalar(typeNode, equals: "AWS::Lambda::Function") { functions.insert(id) }
            if tree.scalar(typeNode, equals: "AWS::Lambda::LayerVersion") { layerVersions.insert(id) }
        }
        return (functions.sorted(by: SnapshotFileWriter.precedes), layerVersions.sorted(by: SnapshotFileWriter.precedes))
    }

    /// `Stacks[0].StackId` of `describe-stacks`: `arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/ID`.
    static func stackID(_ describeStacks: [UInt8]) -> String? {
        guard let (tree, root) = load(describeStacks), let stacks = tree.value(forKey: "Stacks", in: root),
              let first = tree.elements(stacks).first, let id = tree.value(forKey: "StackId", in: first)
        else { return nil }
        return tree.string(id)
    }

    /// `Configuration.Layers[].Arn` of `get-function`.
    static func layerVersions(ofFunction getFunction: [UInt8]) -> [String] {
        guard let (tree, root) = load(getFunction), let configuration = tree.value(forKey: "Configuration", in: root),
              let layers = tree.value(forKey: "Layers", in: configuration)
        else { return [] }
        return tree.elements(layers).compactMap { layer in tree.value(forKey: "Arn", in: layer).flatMap(tree.string) }
    }

    /// `LayerVersions[].LayerVersionArn` of `list-layer-versions`.
    static func layerVersions(ofList listLayerVersions: [UInt8]) -> [String] {
        guard let (tree, root) = load(listLayerVersions), let list = tree.value(forKey: "LayerVersions", in: root) else { return [] }
        return tree.elements(list).compactMap { item in tree.value(forKey: "LayerVersionArn", in: item).flatMap(tree.string) }
    }

    private static func load(_ bytes: [UInt8]) -> (NodeTree, NodeID)? {
        guard let tree = YAMLLoader.load(bytes).tree, let root = tree.root, tree.kind(root) == .mapping else { return nil }
        return (tree, root)
    }
}
