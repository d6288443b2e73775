import CFNCore
import CFNLoader
import Testing

/// `plan.version-config-not-published`: a setting a published version snapshots changes while the
/// version stays the same, so its aliases keep serving the old configuration.
@Suite struct VersionConfigurationPlanTests {
    /// Findings of the version rules as `line:column rule resource: message`, in HEAD.
    static func versionFindings(_ base: String, _ head: String, baseParameters: [String: String] = [:],
                                headParameters: [String: String] = [:]) throws -> [String] {
        let baseValidator = Validator(settings: ValidationSettings(parameters: baseParameters))
        let headValidator = Validator(settings: ValidationSettings(parameters: headParameters))
        let baseResolved = try #require(baseValidator.prepare(file: "base.yaml", bytes: Array(base.utf8)).resolved)
        let prepared = headValidator.prepare(file: "head.yaml", bytes: Array(head.utf8))
        let headResolved = try #require(prepared.resolved)
        let text = prepared.loaded.source
        return Planner().plan(base: baseResolved, head: headResolved).findings
            .filter { $0.rule.hasPrefix("plan.version-") }
            .map { "\(text.lineColumn(at: $0.range.start)) \($0.rule) \($0.resource ?? "-"): \($0.message)" }
    }

    static let function = """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {S3Bucket: code, S3Key: fn-1.zip}
              Layers: [!Ref Deps]
          Deps:
            Type: AWS::Lambda::LayerVersion
            Properties:
              Content: {S3Bucket: code, S3Key: deps-1.zip}
          V1:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: !Ref Fn
          Live:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref Fn
              Name: live
              FunctionVersion: !GetAtt V1.Version

        """

    @Test func aSettingChangedUnderAnUnchangedVersion() throws {
        let head = Self.function.replacingOccurrences(of: "      Handler: app.handler\n",
                                                      with: "      Handler: app.handler\n      MemorySize: 512\n      Timeout: 30\n")
        #expect(try Self.versionFindings(Self.function, head) == [
            "19:21 plan.version-config-not-published V1: function Fn's configuration changes (MemorySize, Timeout) but version V1 "
                + "is unchanged: CloudFormation publishes no new version, and a version is an immutable snapshot of code and "
                + "configuration, so V1 keeps the old configuration, and alias Live keeps serving it; give the version a new "
                + "logical ID with each configuration change, or change its Description with it, so that CloudFormation publishes a new one",
        ])
        // Tags and reserved concurrency belong to the function, not to a version.
        let functionLevel = Self.function.replacingOccurrences(
            of: "      Handler: app.handler\n", with: "      Handler: app.handler\n      ReservedConcurrentExecutions: 5\n      Tags: [{Key: a, Value: b}]\n")
        #expect(try Self.versionFindings(Self.function, functionLevel).isEmpty)
        // A new version with the change publishes it: nothing to say.
        let published = head.replacingOccurrences(of: "V1", with: "V2")
        #expect(try Self.versionFindings(Self.function, published).isEmpty)
    }

    @Test func aReplacedLayerUnderAnUnchangedVersion() throws {
        let head = Self.function.replacingOccurrences(of: "deps-1.zip", with: "deps-2.zip")
        #expect(try Self.versionFindings(Self.function, head) == [
            "17:21 plan.version-config-not-published V1: function Fn's configuration changes (Layers by replacing Deps) but "
                + "version V1 is unchanged: CloudFormation publishes no new version, and a version is an immutable snapshot of "
                + "code and configuration, so V1 keeps the old configuration, and alias Live keeps serving it; give the version a "
                + "new logical ID with each configuration change, or change its Description with it, so that CloudFormation publishes a new one",
        ])
    }

    static let sam = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Env: {Type: String, AllowedValues: [dev, prod]}
        Globals:
          Function:
            Runtime: python3.12
            Handler: app.handler
        Resources:
          Layer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: s3://bkt/layer-1.zip
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bkt/code-1.zip
              AutoPublishAlias: live
              Layers: [!Ref Layer]
              Environment: {Variables: {STAGE: !Ref Env}}

        """

    static let samFinding = "plan.version-config-not-published FnVersion"

    /// Version IDs are aws-sam-translator 1.110's, which gives the same ID to BASE and HEAD.
    @Test func samHashesNeitherTheVpcNorTheRuntime() throws {
        let head = Self.sam.replacingOccurrences(of: "python3.12\n", with: "python3.13\n    VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n")
        #expect(try Self.versionFindings(Self.sam, head, baseParameters: ["Env": "dev"], headParameters: ["Env": "dev"]) == [
            "14:3 " + Self.samFinding + "5b48f1bfd9: function Fn's configuration changes (Runtime, VpcConfig) but version FnVersion5b48f1bfd9 is "
                + "unchanged: CloudFormation publishes no new version, and a version is an immutable snapshot of code and configuration, "
                + "so FnVersion5b48f1bfd9 keeps the old configuration, and alias FnAliaslive keeps serving it; set "
                + "AutoPublishAliasAllProperties: true on Fn, so that SAM hashes every property into the version's logical ID",
        ])
        // With AutoPublishAliasAllProperties, SAM publishes a new version: nothing to say.
        let all = { (text: String) in text.replacingOccurrences(of: "AutoPublishAlias: live\n", with: "AutoPublishAlias: live\n      AutoPublishAliasAllProperties: true\n") }
        #expect(try Self.versionFindings(all(Self.sam), all(head), baseParameters: ["Env": "dev"], headParameters: ["Env": "dev"]).isEmpty)
    }

    @Test func samHashesALayerByItsLogicalIdAsWritten() throws {
        let head = Self.sam.replacingOccurrences(of: "layer-1.zip", with: "layer-2.zip")
        let findings = try Self.versionFindings(Self.sam, head, baseParameters: ["Env": "dev"], headParameters: ["Env": "dev"])
        #expect(findings.map { $0.split(separator: ";").dropFirst().joined(separator: ";") } == [
            " for a layer, set AutoPublishAliasAllProperties: true on Fn and PublishLambdaVersion: true on the "
                + "AWS::Serverless::LayerVersion, so that SAM hashes the layer's content into the version's logical ID",
        ])
        #expect(findings.first?.hasPrefix("13:3 " + Self.samFinding + "5b48f1bfd9: function Fn's configuration changes (Layers) but") == true)
    }

    /// The most dangerous case: the same template deployed to prod with the dev version behind the alias.
    @Test func samHashesEnvironmentBeforeParametersAreResolved() throws {
        let findings = try Self.versionFindings(Self.sam, Self.sam, baseParameters: ["Env": "dev"], headParameters: ["Env": "prod"])
        #expect(findings == [
            "13:3 " + Self.samFinding + "5b48f1bfd9: function Fn's configuration changes (Environment/Variables/STAGE by a parameter value) but "
                + "version FnVersion5b48f1bfd9 is unchanged: CloudFormation publishes no new version, and a version is an immutable "
                + "snapshot of code and configuration, so FnVersion5b48f1bfd9 keeps the old configuration, and alias FnAliaslive "
                + "keeps serving it; SAM hashes the properties as written, before parameters are resolved (Environment, MemorySize "
                + "and SnapStart, or every property with AutoPublishAliasAllProperties), so a parameter's new value or a replaced "
                + "resource publishes nothing: pass the value that changes in AutoPublishCodeSha256 too, which SAM resolves before hashing",
        ])
    }
}
