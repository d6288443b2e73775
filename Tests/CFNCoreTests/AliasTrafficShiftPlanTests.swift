import CFNCore
import CFNLoader
import Testing

/// `plan.alias-traffic-shift`: an alias under CodeDeployLambdaAliasUpdate is moved by CodeDeploy.
@Suite struct AliasTrafficShiftPlanTests {
    static let base = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bkt/code-1.zip
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Canary10Percent5Minutes

        """

    @Test func aCodeChangeUnderADeploymentPreferenceShiftsTraffic() throws {
        let head = Self.base.replacingOccurrences(of: "code-1.zip", with: "code-2.zip")
        let validator = Validator()
        let baseResolved = try #require(validator.prepare(file: "base.yaml", bytes: Array(Self.base.utf8)).resolved)
        let prepared = validator.prepare(file: "head.yaml", bytes: Array(head.utf8))
        let plan = Planner().plan(base: baseResolved, head: try #require(prepared.resolved))
        let text = prepared.loaded.source
        #expect(plan.findings.filter { $0.rule == "plan.alias-traffic-shift" }
            .map { "\(text.lineColumn(at: $0.range.start)) \($0.severity) \($0.resource ?? "-"): \($0.message)" } == [
                "9:7 info FnAliaslive: alias FnAliaslive moves to another version under UpdatePolicy CodeDeployLambdaAliasUpdate: "
                    + "CloudFormation hands the traffic shift to CodeDeploy (deployment group FnDeploymentGroup, "
                    + "CodeDeployDefault.LambdaCanary10Percent5Minutes), which moves traffic to the new version as the deployment "
                    + "configuration says and rolls back on a failed alarm or hook; the stack update waits for it",
            ])
        // Without a deployment preference the alias is updated in place: nothing to say.
        let plain = { (text: String) in text.replacingOccurrences(of: "      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n", with: "") }
        let plainPlan = Planner().plan(base: try #require(validator.prepare(file: "base.yaml", bytes: Array(plain(Self.base).utf8)).resolved),
                                       head: try #require(validator.prepare(file: "head.yaml", bytes: Array(plain(head).utf8)).resolved))
        #expect(plainPlan.findings.filter { $0.rule == "plan.alias-traffic-shift" }.isEmpty)
        #expect(plainPlan.changes.first { $0.logicalId == "FnAliaslive" }?.action == .update)
    }
}
