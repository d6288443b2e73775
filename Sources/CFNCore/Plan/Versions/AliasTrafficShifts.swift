import CFNLoader

/// Finds the aliases whose new version CodeDeploy shifts traffic to (`plan.alias-traffic-shift`):
/// under `UpdatePolicy: CodeDeployLambdaAliasUpdate` (what SAM's DeploymentPreference writes),
/// CloudFormation does not update the alias in place but starts a CodeDeploy deployment through
/// the named deployment group and waits for it (CloudFormation UpdatePolicy attribute reference).
struct AliasTrafficShifts {
    let head: ResolvedTemplate
    let changes: [ResourceChange]

    func findings() -> [Finding] {
        var findings: [Finding] = []
        for change in changes where change.type == "AWS::Lambda::Alias" && change.action == .update
            && change.causes.contains("FunctionVersion") {
            guard let alias = head.template.resource(named: change.logicalId), let policy = alias[.updatePolicy],
                  let update = head.tree.value(forKey: "CodeDeployLambdaAliasUpdate", in: policy) else { continue }
            let group = head.tree.value(forKey: "DeploymentGroupName", in: update).flatMap(referencedResource)
            let configuration = group.flatMap { head.properties[$0]?["DeploymentConfigName"]?.text }
            let through = [group.map { "deployment group \($0)" }, configuration].compactMap { $0 }.joined(separator: ", ")
            let message = "alias \(change.logicalId) moves to another version under UpdatePolicy CodeDeployLambdaAliasUpdate: "
                + "CloudFormation hands the traffic shift to CodeDeploy\(through.isEmpty ? "" : " (\(through))"), which moves "
                + "traffic to the new version as the deployment configuration says and rolls back on a failed alarm or hook; "
                + "the stack update waits for it"
            findings.append(head.locatedFinding(PlanVersionRules.aliasTrafficShift, message,
                                                at: head.properties[change.logicalId]?["FunctionVersion"]?.node, in: alias,
                                                fallbackPath: ["Properties", "FunctionVersion"]))
        }
        return findings.sorted(by: Finding.sourceOrder)
    }

    /// The logical ID a `Ref` names.
    func referencedResource(_ node: NodeID) -> String? {
        guard let (function, argument) = head.tree.intrinsic(node), function == .ref else { return nil }
        return head.tree.string(argument)
    }
}
