/// Whether CloudFormation keeps the old physical resource when it removes one from the stack:
/// `UpdateReplacePolicy` for a replacement, `DeletionPolicy` for a deletion.
///
/// `Retain` and `RetainExceptOnCreate` keep it; `Delete`, an absent policy, and `Snapshot` (which
/// Lambda resources do not support, so CloudFormation deletes them) do not. A policy that does not
/// resolve to text is `unknown`.
enum PlanRetention: Equatable {
    case retained, deleted, unknown

    init(_ attribute: Resource.Attribute, of resource: Resource, in context: ResolvedTemplate) {
        guard let node = resource[attribute] else {
            self = .deleted
            return
        }
        switch context.resolver.resolve(node).text {
        case "Retain"?, "RetainExceptOnCreate"?: self = .retained
        case nil: self = .unknown
        default: self = .deleted
        }
    }

    /// What happens to the old resource of a replacement: HEAD's `UpdateReplacePolicy` applies.
    static func onReplace(_ logicalId: String, head: ResolvedTemplate) -> PlanRetention {
        guard let resource = head.template.resource(named: logicalId) else { return .deleted }
        return PlanRetention(.updateReplacePolicy, of: resource, in: head)
    }

    /// What happens to a resource HEAD no longer has: BASE's `DeletionPolicy` applies.
    static func onDelete(_ logicalId: String, base: ResolvedTemplate) -> PlanRetention {
        guard let resource = base.template.resource(named: logicalId) else { return .deleted }
        return PlanRetention(.deletionPolicy, of: resource, in: base)
    }
}
