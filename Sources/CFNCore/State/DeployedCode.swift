/// What the deployed state says about one function's or layer version's code: its size as Lambda
/// counts it (`CodeSize`, the bytes `AccountUsage.TotalCodeSize` adds up) and how it is stored.
public struct DeployedCode: Sendable, Hashable {
    public var size: Int64?
    public var storage: DeployedStorage

    public init(size: Int64?, storage: DeployedStorage) {
        self.size = size
        self.storage = storage
    }
}

extension DeployedState {
    /// The deployed code of the stack's functions, function versions and layer versions, by logical ID.
    public var deployedCode: [String: DeployedCode] {
        var result: [String: DeployedCode] = [:]
        for (id, function) in functions {
            result[id] = DeployedCode(size: function.codeSize, storage: function.storage)
        }
        for (id, resource) in resources where resource.type == LambdaLayerVersion.type {
            guard let layer = layerVersion(logicalId: id) else { continue }
            result[id] = DeployedCode(size: layer.codeSize, storage: layer.storage)
        }
        // A stack's AWS::Lambda::Version has the version's ARN as its physical ID; its code is
        // stored as its function's is (list-versions-by-function does not say).
        var versionsByArn: [String: DeployedCode] = [:]
        for (logicalId, deployed) in versions {
            let storage = functions[logicalId]?.storage ?? .unknown
            for version in deployed.versions ?? [] {
                if let arn = version.arn { versionsByArn[arn] = DeployedCode(size: version.codeSize, storage: storage) }
            }
        }
        for (id, resource) in resources where resource.type == "AWS::Lambda::Version" {
            if let arn = resource.physicalId, let code = versionsByArn[arn] { result[id] = code }
        }
        return result
    }

    /// Physical IDs by logical ID, for the resources that have one.
    public var physicalIds: [String: String] {
        resources.compactMapValues(\.physicalId)
    }
}
