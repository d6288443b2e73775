import CFNLoader

/// A subnet or security group as a template names it, when the name says which one it is without
/// deploying: a literal ID, a resource of the same template, or a stack export.
///
/// `!Ref Subnet` is the same subnet in BASE and HEAD unless the plan replaces `Subnet` (then it is
/// `replaced`, a new physical ID). `!GetAtt Group.GroupId` and `!GetAtt Subnet.SubnetId` are the
/// resource's ID, as `!Ref` is. `!ImportValue name` is the same value in both: CloudFormation does
/// not let a stack change an export another stack imports. Anything else (a parameter without a
/// value, `Fn::GetAZs`, an attribute of another kind) is not known.
enum NetworkID: Hashable, Comparable, CustomStringConvertible {
    case literal(String)
    case resource(String)
    /// A resource the plan replaces, in HEAD: its ID after the deployment.
    case replaced(String)
    case importValue(String)

    /// Attributes that are the resource's ID, the same as its `Ref`.
    static let idAttributes: Set<String> = ["GroupId", "SubnetId", "Id"]

    init?(_ value: Resolved, in context: ResolvedTemplate) {
        switch value.kind {
        case .scalar(let text, _):
            self = .literal(text)
        case .unknown(let unknown):
            switch unknown.origin {
            case .resource(let name)?:
                self = .resource(name)
            case .attribute(let name, let attribute)? where Self.idAttributes.contains(attribute):
                self = .resource(name)
            case .deployTime?:
                guard let node = value.node, let (function, argument) = context.tree.intrinsic(node), function == .importValue,
                      let name = context.resolver.resolve(argument).text else { return nil }
                self = .importValue(name)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The ID after the deployment, given the resources the plan replaces.
    func afterDeployment(replacing replaced: Set<String>) -> NetworkID {
        if case .resource(let name) = self, replaced.contains(name) { return .replaced(name) }
        return self
    }

    /// A resource of the deployed stack named by its physical ID (`plan --state`).
    func physical(_ physicalIds: [String: String]) -> NetworkID {
        if case .resource(let name) = self, let id = physicalIds[name] { return .literal(id) }
        return self
    }

    var description: String {
        switch self {
        case .literal(let text): text
        case .resource(let name): "!Ref \(name)"
        case .replaced(let name): "!Ref \(name) (replaced)"
        case .importValue(let name): "!ImportValue \(name)"
        }
    }

    static func < (lhs: NetworkID, rhs: NetworkID) -> Bool { lhs.description < rhs.description }
}
