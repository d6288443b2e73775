import CFNCore
import Testing

/// A transform is given each template's own values when it runs: in a plan, BASE is expanded with
/// BASE's parameter values (`--base-parameters`, else its defaults), never with HEAD's.
@Suite struct TransformSettingsTests {
    static func samTemplate(alias: String, key: String) -> [UInt8] {
        Array("""
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Alias: {Type: String, Default: \(alias)}
          Key: {Type: String, Default: \(key)}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              AutoPublishAlias: !Ref Alias
              CodeUri: {Bucket: code-bucket, Key: !Ref Key}

        """.utf8)
    }

    /// HEAD is given `Alias=live Key=live.zip`; BASE no values, so its defaults `old`, `old.zip`.
    /// The version logical IDs are aws-sam-translator 1.110's for each template with those values
    /// (`transform(template, {"Alias": "live", "Key": "live.zip"})` and `transform(template, {})`).
    @Test func baseIsExpandedWithItsOwnParameterValues() throws {
        let head = InputFile(path: "head.yaml", bytes: Self.samTemplate(alias: "new", key: "new.zip"))
        let base = PlanBase.template(name: "base.yaml", bytes: Self.samTemplate(alias: "old", key: "old.zip"))
        let settings = AnalysisSettings(settings: ValidationSettings(parameters: ["Alias": "live", "Key": "live.zip"]))
        let plan = try #require(Analysis.plan(head: head, base: base, settings: settings, baseSettings: ValidationSettings()).plan)
        #expect(plan.changes.filter { $0.action != .none }.map(\.logicalId) == ["Fn", "FnAliaslive", "FnAliasold", "FnVersion378e4529a8", "FnVersionf57ca74bf4"])
        let actions = Dictionary(uniqueKeysWithValues: plan.changes.map { ($0.logicalId, $0.action) })
        #expect(actions["FnAliaslive"] == .create)
        #expect(actions["FnAliasold"] == .delete)
        #expect(actions["FnVersionf57ca74bf4"] == .create)
        let code = try #require(plan.changes.first { $0.logicalId == "Fn" }?.details.first { $0.path.hasSuffix("S3Key") })
        #expect(code.before == .string("old.zip"))
        #expect(code.after == .string("live.zip"))
    }

    /// Without BASE values of its own, BASE takes HEAD's, as `plan` documents.
    @Test func baseTakesHeadsValuesByDefault() throws {
        let head = InputFile(path: "head.yaml", bytes: Self.samTemplate(alias: "new", key: "new.zip"))
        let base = PlanBase.template(name: "base.yaml", bytes: Self.samTemplate(alias: "old", key: "old.zip"))
        let settings = AnalysisSettings(settings: ValidationSettings(parameters: ["Alias": "live", "Key": "live.zip"]))
        let plan = try #require(Analysis.plan(head: head, base: base, settings: settings).plan)
        #expect(plan.changes.filter { $0.action != .none }.map(\.logicalId) == [])
    }
}
