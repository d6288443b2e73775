/// One resource of the deployed stack (`describe-stack-resources`).
public struct StackResourceRecord: Sendable, Hashable {
    public var logicalId: String
    public var physicalId: String?
    public var type: String
    public var status: String?
}

/// A call of the snapshot that failed, as the state file records it.
public struct StateCallError: Sendable, Hashable {
    /// The `responses` member: `getFunction`, `getLayerVersionByArn`, …
    public var call: String
    /// Its key there (a function name, a layer version ARN); nil for the stack-level calls.
    public var key: String?
    public var code: String?
    public var message: String

    public var isNotFound: Bool { code == "ResourceNotFoundException" }
}
