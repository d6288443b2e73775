/// A member of the state file's `responses`: which call's answers it holds.
public enum SnapshotMember: String, CaseIterable, Hashable, Sendable {
    case describeStacks
    case getTemplate
    case describeStackResources
    case getAccountSettings
    case getFunction
    case getLayerVersionByArn
    case getLayerVersionPolicy
    case listVersionsByFunction
    case listAliases
    case listProvisionedConcurrencyConfigs
    case listEventSourceMappings
    case listLayerVersions

    /// Whether the member is an object of responses by key (function name, layer version ARN)
    /// rather than one response.
    public var isKeyed: Bool {
        switch self {
        case .describeStacks, .getTemplate, .describeStackResources, .getAccountSettings: return false
        default: return true
        }
    }

    /// Whether without this response there is no snapshot: the stack's own CloudFormation calls.
    public var isStackLevel: Bool {
        switch self {
        case .describeStacks, .getTemplate, .describeStackResources: return true
        default: return false
        }
    }

    /// Whether the state needs this response to describe the stack's functions at all: without a
    /// function's `get-function` the plan and drift do not know it. The other keyed calls add what
    /// plan and storage can do without (versions, aliases, policies).
    public var isRequired: Bool { isStackLevel || self == .getFunction }

    /// The position in the order of the calls (the order of the cases).
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
