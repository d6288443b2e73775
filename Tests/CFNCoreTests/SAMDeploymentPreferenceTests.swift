@testable import CFNCore
import CFNLoader
import Testing

/// `DeploymentPreference`: the CodeDeploy resources the translator makes, where they point, its
/// errors, and what a plan shows when a function starts deploying through CodeDeploy. The
/// resources' values themselves are the translator's (SAMBeyondLambdaTests).
@Suite struct SAMDeploymentPreferenceTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              CodeUri: s3://bucket/v2.zip
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Canary10Percent5Minutes
                Alarms: [!Ref Errors]
                Hooks:
                  PreTraffic: !Ref PreHook
          PreHook:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              CodeUri: s3://bucket/hook.zip
              FunctionName: CodeDeployHook_pre
          Errors:
            Type: AWS::CloudWatch::Alarm
            Properties:
              ComparisonOperator: GreaterThanThreshold
              EvaluationPeriods: 1
              MetricName: Errors
              Namespace: AWS/Lambda
              Period: 60
              Threshold: 1

        """

    @Test func theCodeDeployResourcesComeFromTheFunctionAndPointAtItsPreference() throws {
        let (expansion, source) = expandSAM(Self.template)
        let template = try #require(expansion.template)
        for (id, type) in [("ServerlessDeploymentApplication", "AWS::CodeDeploy::Application"), ("CodeDeployServiceRole", "AWS::IAM::Role"),
                           ("FnDeploymentGroup", "AWS::CodeDeploy::DeploymentGroup")] {
            #expect(template.resource(named: id)?.type == type)
            #expect(expansion.source(of: id) == "Fn")
        }
        #expect(expansion.findings.isEmpty)
        // Made from nothing: the DeploymentPreference key; the alarms and the type from their own keys.
        #expect(place(expansion, source, "ServerlessDeploymentApplication", "Properties", "ComputePlatform") == "10:7")
        #expect(place(expansion, source, "FnDeploymentGroup", "Properties", "AlarmConfiguration", "Alarms") == "12:17")
        #expect(place(expansion, source, "FnDeploymentGroup", "Properties", "DeploymentConfigName") == "11:15")
        #expect(place(expansion, source, "FnAliaslive", "UpdatePolicy", "CodeDeployLambdaAliasUpdate", "BeforeAllowTrafficHook") == "14:23")
        // No partly-expanded warning is left for it.
        #expect(!expansion.findings.contains { $0.rule == SAMRules.partlyExpanded.id })
    }

    @Test func aDisabledPreferenceOrAGivenRoleMakesLess() throws {
        let disabled = expandSAM(Self.template.replacingOccurrences(of: "Type: Canary10Percent5Minutes", with: "Type: Canary10Percent5Minutes\n        Enabled: 'False'")).expansion
        let names = try #require(disabled.template).resources.map(\.logicalId)
        #expect(!names.contains { $0.contains("Deploy") })
        #expect(expandedNode(disabled, "FnAliaslive", "UpdatePolicy") == nil)
        let withRole = expandSAM(Self.template.replacingOccurrences(of: "Type: Canary10Percent5Minutes", with: "Type: Canary10Percent5Minutes\n        Role: arn:aws:iam::123456789012:role/deployer")).expansion
        #expect(try #require(withRole.template).resource(named: "CodeDeployServiceRole") == nil)
        #expect(try #require(withRole.template).resource(named: "ServerlessDeploymentApplication") != nil)
    }

    @Test func theTranslatorsErrorsAreLocatedAtThePreference() {
        func error(_ from: String, _ to: String) -> String {
            let (expansion, source) = expandSAM(Self.template.replacingOccurrences(of: from, with: to))
            return expansion.findings.filter { $0.rule == SAMRules.invalidResource.id }
                .map { "\(source.lineColumn(at: $0.range.start)) \($0.message)" }.joined(separator: "; ")
        }
        #expect(error("Type: Canary10Percent5Minutes", "Alarms: x") == "10:7 Resource with id [Fn] is invalid. 'DeploymentPreference' is missing required Property 'Type'")
        #expect(error("Alarms: [!Ref Errors]", "Alarms: !Ref Errors") == "10:7 Resource with id [Fn] is invalid. Alarms must be a list")
        #expect(error("AutoPublishAlias: live", "Description: x") == "10:7 Resource with id [Fn] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.")
        #expect(error("Type: Canary10Percent5Minutes", "Type: Canary10Percent5Minutes\n        PassthroughCondition: maybe")
                == "10:7 Resource with id [Fn] is invalid. Invalid value for property PassthroughCondition.")
    }

    /// Adding a DeploymentPreference with a code change: the CodeDeploy resources are created, and
    /// the alias moves to the new version through CodeDeploy (its new UpdatePolicy).
    @Test func planShowsTheCodeDeployResourcesAndTheAliasUpdatePolicy() throws {
        let base = Self.template.replacingOccurrences(of: "v2.zip", with: "v1.zip")
            .replacingOccurrences(of: "      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n        Alarms: [!Ref Errors]\n        Hooks:\n          PreTraffic: !Ref PreHook\n", with: "")
        #expect(base != Self.template.replacingOccurrences(of: "v2.zip", with: "v1.zip"))
        let lines = try SAMPlanSourceTests.describe(base, Self.template).filter { !$0.contains(" none ") }
        #expect(lines == [
            // The CodeDeploy resources point at the DeploymentPreference that makes them.
            "CodeDeployServiceRole create Fn AWS::Serverless::Function @10:7",
            "Fn update Fn AWS::Serverless::Function @3:3 | Code/S3Key @8:16",
            "FnAliaslive update Fn AWS::Serverless::Function @3:3 | FunctionVersion @9:7 | UpdatePolicy @10:7",
            "FnDeploymentGroup create Fn AWS::Serverless::Function @10:7",
            "FnVersion5f8b93ece1 delete Fn AWS::Serverless::Function @3:3",
            "FnVersionb3e8643a1c create Fn AWS::Serverless::Function @3:3",
            "ServerlessDeploymentApplication create Fn AWS::Serverless::Function @10:7",
        ])
        let validator = Validator()
        let plan = Planner().plan(base: try #require(validator.prepare(file: "b.yaml", bytes: Array(base.utf8)).resolved),
                                  head: try #require(validator.prepare(file: "h.yaml", bytes: Array(Self.template.utf8)).resolved))
        let policy = plan.changes.first { $0.logicalId == "FnAliaslive" }?.details.first { $0.path == "UpdatePolicy" }
        #expect(policy?.before == nil)
        #expect(policy?.after == .map([.init(key: "CodeDeployLambdaAliasUpdate", value: .map([
            .init(key: "ApplicationName", value: .unknown(dependsOn: ["ServerlessDeploymentApplication"])),
            // `Ref` of a function with a FunctionName is that name.
            .init(key: "BeforeAllowTrafficHook", value: .string("CodeDeployHook_pre")),
            .init(key: "DeploymentGroupName", value: .unknown(dependsOn: ["FnDeploymentGroup"])),
        ]))]))
        // The policy alone changes nothing deployed: the same code with and without it.
        let same = try SAMPlanSourceTests.describe(base.replacingOccurrences(of: "v1.zip", with: "v2.zip"), Self.template)
        #expect(same.contains { $0.hasPrefix("FnAliaslive none") })
    }
}
