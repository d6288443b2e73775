import CFNLoader

extension ResolvedTemplate {
    static let iamRoleType = "AWS::IAM::Role"

    /// What in this template may give the role declared as `role` any of `actions`, each under the
    /// guard where it is present: the role's inline `Policies`, its `ManagedPolicyArns` (AWS managed
    /// policies of `AWSManagedPolicies`, in any partition), and `AWS::IAM::Policy`,
    /// `AWS::IAM::ManagedPolicy` and `AWS::IAM::RolePolicy` resources attached to it by `Ref` or by
    /// its `RoleName`. `Deny` statements give nothing. Whatever is not known (a customer managed
    /// policy ARN, a `NotAction`, a value not known, a policy that may or may not be attached to the
    /// role) may give every action asked about. `attachments` are the template's policy resources
    /// by role (`findPolicyAttachments()`).
    func permissionGrants(toRole role: Resource, actions: [String], attachments: PolicyAttachments) -> [PermissionGrant] {
        var grants: [PermissionGrant] = []
        for (conditions, value) in reachable(role, "Policies") {
            guard let policies = listElements(of: value, under: conditions) else {
                grants.append(PermissionGrant(guardCondition: conditions, actions: Set(actions)))
                continue
            }
            for (policyGuard, policy) in policies {
                if policy.isUnknown {
                    grants.append(PermissionGrant(guardCondition: policyGuard, actions: Set(actions)))
                } else {
                    grants += documentGrants(policy["PolicyDocument"], under: policyGuard, actions: actions)
                }
            }
        }
        for (conditions, value) in reachable(role, "ManagedPolicyArns") {
            guard let arns = listElements(of: value, under: conditions) else {
                grants.append(PermissionGrant(guardCondition: conditions, actions: Set(actions)))
                continue
            }
            for (arnGuard, arn) in arns {
                grants += managedPolicyGrants(arn, under: arnGuard, actions: actions)
            }
        }
        for attachment in attachments.attachments(toRole: role.logicalId, roleName: properties[role.logicalId]?["RoleName"]) {
            grants += attachedGrants(attachment.policy, under: attachment.guardCondition, actions: actions)
        }
        return grants
    }

    /// The grants of the `PolicyDocument` of a policy resource attached under `start`.
    func attachedGrants(_ policy: Resource, under start: Guard, actions: [String]) -> [PermissionGrant] {
        reachable(policy, "PolicyDocument").flatMap { conditions, document -> [PermissionGrant] in
            let both = start.and(conditions)
            guard conditionSet.isSatisfiable(both) else { return [] }
            return documentGrants(document, under: both, actions: actions)
        }
    }

    /// The grants of a policy document. A document given as JSON text is not read (not known).
    func documentGrants(_ document: Resolved?, under start: Guard, actions: [String]) -> [PermissionGrant] {
        var grants: [PermissionGrant] = []
        for (conditions, document) in alternatives(of: document, under: start) {
            guard let document else { continue }
            guard document.entries != nil else {
                grants.append(PermissionGrant(guardCondition: conditions, actions: Set(actions)))
                continue
            }
            for (statementGuard, statements) in alternatives(of: document["Statement"], under: conditions) {
                guard let statements else { continue }
                if let list = listElements(of: statements, under: statementGuard) {
                    for (itemGuard, statement) in list {
                        grants += statementGrants(statement, under: itemGuard, actions: actions)
                    }
                } else {
                    grants += statementGrants(statements, under: statementGuard, actions: actions)
                }
            }
        }
        return grants
    }

    /// The grants of one statement: none for `Deny`; every action asked about for `NotAction` or a
    /// value not known.
    func statementGrants(_ statement: Resolved, under start: Guard, actions: [String]) -> [PermissionGrant] {
        if statement.isUnknown { return [PermissionGrant(guardCondition: start, actions: Set(actions))] }
        guard statement.entries != nil else { return [] }
        var grants: [PermissionGrant] = []
        for (effectGuard, effect) in alternatives(of: statement["Effect"], under: start) {
            guard let effect, effect.isUnknown || effect.text == "Allow" else { continue }
            if statement["NotAction"] != nil {
                grants.append(PermissionGrant(guardCondition: effectGuard, actions: Set(actions)))
                continue
            }
            for (actionGuard, action) in alternatives(of: statement["Action"], under: effectGuard) {
                guard let action else { continue }
                let patterns = listElements(of: action, under: actionGuard) ?? [(actionGuard, action)]
                for (patternGuard, pattern) in patterns {
                    if pattern.isUnknown {
                        grants.append(PermissionGrant(guardCondition: patternGuard, actions: Set(actions)))
                    } else if let text = pattern.text {
                        let matcher = Wildcard(text, ignoringCase: true)
                        let granted = Set(actions.filter(matcher.matches))
                        if !granted.isEmpty { grants.append(PermissionGrant(guardCondition: patternGuard, actions: granted)) }
                    }
                }
            }
        }
        return grants
    }

    /// The grants of one `ManagedPolicyArns` item: the known AWS managed policies' actions, and
    /// every action asked about for any other policy or an ARN not known.
    func managedPolicyGrants(_ arn: Resolved, under conditions: Guard, actions: [String]) -> [PermissionGrant] {
        let everything = [PermissionGrant(guardCondition: conditions, actions: Set(actions))]
        guard let text = partitionFree(arn).text, let name = AWSManagedPolicies.name(ofArn: text),
              let known = AWSManagedPolicies.actions[name] else { return everything }
        let patterns = known.map { Wildcard($0, ignoringCase: true) }
        let granted = Set(actions.filter { action in patterns.contains { $0.matches(action) } })
        return granted.isEmpty ? [] : [PermissionGrant(guardCondition: conditions, actions: granted)]
    }

    /// The value again, resolved with a stand-in partition when `AWS::Partition` is the only thing it
    /// is unknown for (`!Sub arn:${AWS::Partition}:iam::aws:policy/…` without `--region`), so that an
    /// AWS managed policy is recognised in any partition. Other values are returned unchanged.
    func partitionFree(_ value: Resolved) -> Resolved {
        guard case .unknown(let unknown) = value.kind, !unknown.dependsOn.isEmpty,
              unknown.dependsOn.allSatisfy({ $0 == "AWS::Partition" }), let node = value.node else { return value }
        var probe = settings
        probe.region = "partition-probe"  // any region outside China, GovCloud and ISO: partition `aws`
        let resolved = Resolver(template: template, settings: probe, parameters: parameters, conditions: conditionSet).resolve(node)
        return resolved.text == nil ? value : resolved
    }
}
