import CFNLoader

extension ResourcePlanner {
    /// An `UpdatePolicy` added, changed or removed on a resource the deployment updates anyway.
    /// The policy says how CloudFormation performs the update (an alias's
    /// `CodeDeployLambdaAliasUpdate`: CodeDeploy shifts traffic to the new version through the
    /// deployment group; CloudFormation's UpdatePolicy attribute reference). HEAD's policy governs the
    /// update it comes with; on its own it changes nothing deployed, so it is not a change by itself.
    func updatePolicyDetail(_ before: Resource, _ after: Resource, base: ResolvedTemplate) -> ChangeDetail? {
        let old = before[.updatePolicy]
        let new = after[.updatePolicy]
        if old == nil, new == nil { return nil }
        if let old, let new, base.tree.isEquivalent(old, to: new, in: head.tree) { return nil }
        let path = "UpdatePolicy"
        return ChangeDetail(path: path, before: old.flatMap { PlanValue(base.resolver.resolve($0), path: path) },
                            after: new.flatMap { PlanValue(head.resolver.resolve($0), path: path) },
                            reason: .direct, requiresReplacement: .never, range: new.map(head.tree.range))
    }
}
