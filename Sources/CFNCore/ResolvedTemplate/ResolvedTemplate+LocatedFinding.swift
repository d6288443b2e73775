import CFNLoader

extension ResolvedTemplate {
    /// A finding about a value inside a resource's Properties, with the path of its node as written
    /// (through any `Fn::If`), or `fallbackPath` below the resource when the node is not found there.
    func locatedFinding(_ descriptor: RuleDescriptor, _ message: String, at node: NodeID?, in resource: Resource,
                        fallbackPath: [String]) -> Finding {
        var finding = finding(descriptor, message, at: node, in: resource, path: fallbackPath)
        if let node, let path = path(to: node, in: resource) { finding.path = path }
        return finding
    }

    /// The keys, indexes and function names from the top of the template to a node of a resource's
    /// Properties. Only subtrees whose range holds the node's start are searched; no recursion.
    func path(to target: NodeID, in resource: Resource) -> [String]? {
        guard let root = resource.properties else { return nil }
        let offset = tree.range(target).start
        var stack: [(NodeID, [String])] = [(root, ["Resources", resource.logicalId, Resource.Attribute.properties.rawValue])]
        while let (node, path) = stack.popLast() {
            if node == target { return path }
            let range = tree.range(node)
            guard range.start <= offset, offset <= range.end else { continue }
            switch tree.kind(node) {
            case .scalar:
                break
            case .sequence:
                for (index, element) in tree.elements(node).enumerated() { stack.append((element, path + [String(index)])) }
            case .mapping:
                for entry in tree.entries(node) { stack.append((entry.value, path + [tree.string(entry.key) ?? ""])) }
            case .intrinsic:
                if let (function, argument) = tree.intrinsic(node), argument != node {
                    stack.append((argument, path + [function.longName]))
                }
            }
        }
        return nil
    }
}
