/// A layer version as `aws lambda get-layer-version-by-arn` describes it, with the statements of
/// its permissions policy (`get-layer-version-policy`) when the snapshot read them.
public struct DeployedLayerVersion: Sendable, Hashable {
    public var arn: String
    public var codeSize: Int64?
    public var codeSha256: String?
    public var compatibleRuntimes: [String]
    public var compatibleArchitectures: [String]
    public var storage: DeployedStorage
    /// Nil when the policy was not read (a layer version of another stack or account); empty when
    /// the layer version has no policy.
    public var policy: [LayerPolicyStatement]?
}

/// One statement of a layer version's permissions policy: who may use the layer version.
public struct LayerPolicyStatement: Sendable, Hashable {
    public var sid: String?
    /// An account ID, or `*` for every account.
    public var principal: String
    /// `aws:PrincipalOrgID` of the statement's condition, when it limits `*` to an organization.
    public var organizationId: String?
    public var action: String?

    public init(sid: String?, principal: String, organizationId: String?, action: String?) {
        self.sid = sid
        self.principal = principal
        self.organizationId = organizationId
        self.action = action
    }
}
