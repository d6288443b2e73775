/// A member of the state file's `responses`: which call's answers it holds.
public enum SnapshotMember: String, CaseIterable, Hashable, Sendable {
    case describeStacks
    case getTemplate
    case describeStackResources
    case getAccountSettings
    case getFunction
    case getLayerVersionByArn
    case getLayerVersionPolicy

    /// Whether the member is an object of responses by key (function name, layer version ARN)
    /// rather than one response.
    public var isKeyed: Bool {
        switch self {
        case .getFunction, .getLayerVersionByArn, .getLayerVersionPolicy: return true
        case .describeStacks, .getTemplate, .describeStackResources, .getAccountSettings: return false
        }
    }

    /// Whether without this response there is no snapshot: the stack's own CloudFormation calls.
    public var isStackLevel: Bool {
        switch self {
        case .describeStacks, .getTemplate, .describeStackResources: return true
        case .getAccountSettings, .getFunction, .getLayerVersionByArn, .getLayerVersionPolicy: return false
        }
    }

    /// The position in the order of the calls (the order of the cases).
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
