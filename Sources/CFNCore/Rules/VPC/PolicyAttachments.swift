import CFNLoader

/// The template's `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy` and `AWS::IAM::RolePolicy`
/// resources by the role their `Roles` or `RoleName` attaches them to, read once per run so that
/// finding one role's policies does not read every policy resource again.
struct PolicyAttachments: Sendable {
    /// What a `Roles` item or `RoleName` names.
    enum Target: Hashable, Sendable {
        /// A role of the template, by `Ref`.
        case role(String)
        /// The role whose `RoleName` is this text.
        case name(String)
        /// Any role: a value not known, or a `Ref` to something else than a role.
        case any
    }

    /// One policy resource attached under a guard; `order` is its place in the template's order.
    struct Attachment: Sendable {
        let order: Int
        let policy: Resource
        let guardCondition: Guard
    }

    private var byTarget: [Target: [Attachment]] = [:]
    private var count = 0

    mutating func add(_ policy: Resource, under guardCondition: Guard, to target: Target) {
        byTarget[target, default: []].append(Attachment(order: count, policy: policy, guardCondition: guardCondition))
        count += 1
    }

    /// The policy resources that may be attached to the role `id` whose `RoleName` is `roleName`,
    /// in the template's order. Without a `RoleName`, CloudFormation generates a name no template
    /// can spell; a `RoleName` not known may be any name.
    func attachments(toRole id: String, roleName: Resolved?) -> [Attachment] {
        var found = (byTarget[.role(id)] ?? []) + (byTarget[.any] ?? [])
        if let roleName {
            if let text = roleName.text {
                found += byTarget[.name(text)] ?? []
            } else {
                for (target, attachments) in byTarget {
                    if case .name = target { found += attachments }
                }
            }
        }
        return found.sorted { $0.order < $1.order }
    }
}

extension ResolvedTemplate {
    /// The template's policy resources by what they attach to, in source order.
    func findPolicyAttachments() -> PolicyAttachments {
        var index = PolicyAttachments()
        let attachable = (resources(ofType: "AWS::IAM::Policy") + resources(ofType: "AWS::IAM::ManagedPolicy")
            + resources(ofType: "AWS::IAM::RolePolicy")).sorted { $0.position < $1.position }
        for resource in attachable {
            switch resource.type {
            case "AWS::IAM::Policy"?, "AWS::IAM::ManagedPolicy"?:
                for (conditions, value) in reachable(resource, "Roles") {
                    guard let names = listElements(of: value, under: conditions) else {
                        index.add(resource, under: conditions, to: .any)
                        continue
                    }
                    for (nameGuard, name) in names {
                        if let target = attachmentTarget(name) { index.add(resource, under: nameGuard, to: target) }
                    }
                }
            case "AWS::IAM::RolePolicy"?:
                for (conditions, name) in reachable(resource, "RoleName") {
                    if let target = attachmentTarget(name) { index.add(resource, under: conditions, to: target) }
                }
            default:
                break
            }
        }
        return index
    }

    /// What a `Roles` item or `RoleName` names; nil when it names no role.
    func attachmentTarget(_ name: Resolved?) -> PolicyAttachments.Target? {
        guard let name else { return nil }
        switch name.kind {
        case .scalar(let text, _):
            return .name(text)
        case .unknown(let unknown):
            guard case .resource(let target)? = unknown.origin else { return .any }
            return template.resource(named: target)?.type == Self.iamRoleType ? .role(target) : .any
        default:
            return nil
        }
    }
}

extension RuleContext {
    /// `findPolicyAttachments()`, found once per run.
    var policyAttachments: PolicyAttachments {
        if let known = cache.policyAttachments { return known }
        let found = findPolicyAttachments()
        cache.policyAttachments = found
        return found
    }
}
