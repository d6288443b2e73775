/// A deployed function as `aws lambda get-function` describes it.
public struct DeployedFunction: Sendable, Hashable {
    /// The layer versions attached, with their code sizes.
    public struct Layer: Sendable, Hashable {
        public var arn: String
        public var codeSize: Int64?

        public init(arn: String, codeSize: Int64?) {
            self.arn = arn
            self.codeSize = codeSize
        }
    }

    public var logicalId: String
    /// The function name (the stack resource's physical ID).
    public var name: String
    public var arn: String?
    public var runtime: String?
    public var handler: String?
    public var memorySize: Int64?
    public var timeout: Int64?
    public var architectures: [String]
    public var role: String?
    public var packageType: String?
    /// Nil when the function is not connected to a VPC (no subnets).
    public var subnetIds: [String]?
    public var securityGroupIds: [String]?
    /// Names only: values are never kept apart from the raw response, and never reported.
    public var environmentVariableNames: [String]
    public var layers: [Layer]
    /// `Configuration.CodeSize`: the deployment package, zipped.
    public var codeSize: Int64?
    public var codeSha256: String?
    public var storage: DeployedStorage
    /// `Pending`, `Active`, `Inactive`, `Failed`.
    public var state: String?
    public var stateReason: String?
    public var stateReasonCode: String?
    /// `Successful`, `Failed`, `InProgress`.
    public var lastUpdateStatus: String?
    public var lastUpdateStatusReason: String?
    public var lastUpdateStatusReasonCode: String?
}
