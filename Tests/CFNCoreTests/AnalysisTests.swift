import CFNCore
import CFNLoader
import Foundation
import Testing

/// The commands' entry points in the library: each goes through the same pipeline and applies the
/// configuration the same way.
@Suite struct AnalysisTests {
    let base = InputFile(path: "base.yaml", bytes: Array(("Resources:\n" + namedFunction("Orders", name: "orders")).utf8))
    let head = InputFile(path: "head.yaml", bytes: Array(("Resources:\n" + namedFunction("Orders", name: "orders", "      PackageType: Zip\n")).utf8))

    func planned(_ configuration: Configuration) throws -> [String] {
        let result = Analysis.plan(head: head, base: .template(name: "base.yaml", bytes: base.bytes),
                                   settings: AnalysisSettings(configuration: configuration))
        return try #require(result.plan).findings.map { "\($0.rule) \($0.severity)" }
    }

    @Test func configurationAppliesToThePlansOwnFindings() throws {
        #expect(try planned(.empty).contains("plan.replace-keeps-name error"))
        #expect(try !planned(Configuration(disabledRules: ["plan.replace-keeps-name"])).contains { $0.hasPrefix("plan.replace-keeps-name") })
        #expect(try planned(Configuration(severityOverrides: ["plan.replace-keeps-name": .warning])).contains("plan.replace-keeps-name warning"))
    }

    @Test func unreadableBaseGivesNoPlanAndSaysWhy() {
        let result = Analysis.plan(head: head, base: .template(name: "base.yaml", bytes: Array("Resources: [".utf8)), settings: AnalysisSettings())
        #expect(result.plan == nil)
        #expect(result.reports.map(\.file) == ["base.yaml", "head.yaml"])
        #expect(result.reports[0].findings.map(\.rule) == ["yaml.syntax"])
    }

    /// Planned as written, a BASE the SAM transform rejects would show every SAM resource replaced.
    @Test func aBaseTheSAMTransformRejectsGivesNoPlanAndItsError() throws {
        let text = "Transform: AWS::Serverless-2016-10-31\nParameters:\n  Alias: {Type: String}\nResources:\n  Fn:\n"
            + "    Type: AWS::Serverless::Function\n"
            + "    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: s3://bkt/k.zip, AutoPublishAlias: !Ref Alias}\n"
        let sam = InputFile(path: "head.yaml", bytes: Array(text.replacingOccurrences(of: "!Ref Alias", with: "live").utf8))
        let result = Analysis.plan(head: sam, base: .template(name: "base.yaml", bytes: Array(text.utf8)), settings: AnalysisSettings())
        #expect(result.plan == nil)
        #expect(result.reports.map(\.file) == ["base.yaml", "head.yaml"])
        let base = try #require(result.reports.first)
        #expect(base.findings.map { "\($0.rule) \($0.severity) \(base.source.lineColumn(at: $0.range.start))" } == ["sam.invalid error 7:78"])
    }

    @Test func unusableBaseGivesNoPlanButHeadsFindings() {
        let result = Analysis.plan(head: head, base: .unusable(name: "stack.state.json"), settings: AnalysisSettings())
        #expect(result.plan == nil)
        #expect(result.reports.map(\.file) == ["head.yaml"])
    }

    @Test func newStackCreatesEveryResource() throws {
        let plan = try #require(Analysis.plan(head: head, base: .newStack, settings: AnalysisSettings()).plan)
        #expect(plan.changes.map { "\($0.logicalId) \($0.action)" } == ["Orders create"])
    }

    @Test func validateKeepsTheFilesOrder() {
        let files = (0..<5).map { InputFile(path: "t\($0).yaml", bytes: Array("Resources: [".utf8)) }
        #expect(Analysis.validate(files, settings: AnalysisSettings()).map(\.file) == files.map(\.path))
    }

    @Test func driftAppliesTheConfiguration() throws {
        var state = StateFixture()
        state.template = "Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
            + "      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/orders-role\n      MemorySize: 512\n      Code: {S3Bucket: code, S3Key: api.zip}\n"
        state.resources = [("Api", "orders-api", "AWS::Lambda::Function")]
        state.functions = ["orders-api": StateFixture.function("orders-api", memory: 1024)]
        let deployed = try #require(DeployedState.parse(state.bytes).state)
        let template = InputFile(path: "stack.yaml", bytes: Array(state.template.utf8))
        func items(_ configuration: Configuration) throws -> [String] {
            let result = Analysis.drift(template: template, state: deployed, settings: AnalysisSettings(configuration: configuration))
            return try #require(result.report).items.map { "\($0.finding.rule) \($0.finding.severity)" }
        }
        #expect(try items(.empty) == ["drift.configuration warning"])
        #expect(try items(Configuration(disabledRules: ["drift.configuration"])) == [])
        #expect(try items(Configuration(severityOverrides: ["drift.configuration": .error])) == ["drift.configuration error"])
    }

    @Test func driftOfAnUnreadableTemplateSaysWhy() throws {
        let deployed = try #require(DeployedState.parse(StateFixture().bytes).state)
        let result = Analysis.drift(template: InputFile(path: "t.yaml", bytes: Array("[1".utf8)), state: deployed, settings: AnalysisSettings())
        #expect(result.report == nil)
        #expect(result.templateReport?.findings.map(\.rule) == ["yaml.syntax"])
    }

    /// A transform given to the pipeline replaces the loaded template before resolution, for every command.
    @Test func aTransformRunsBetweenLoadingAndResolution() throws {
        struct RenameTimeout: TemplateTransform {
            func expand(_ loaded: LoadedTemplate, settings: ValidationSettings) -> LoadedTemplate {
                let text = Array("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Timeout: 9000}\n".utf8)
                let replaced = LoadedTemplate(bytes: text)
                return LoadedTemplate(source: loaded.source, template: replaced.template, findings: loaded.findings)
            }
        }
        let settings = AnalysisSettings(pipeline: TemplatePipeline(transforms: [RenameTimeout()]))
        let report = Analysis.validate([InputFile(path: "t.yaml", bytes: Array("Resources: {}\n".utf8))], settings: settings)[0]
        #expect(report.findings.contains { $0.rule == "lambda.timeout" })
        let plan = try #require(Analysis.plan(head: head, base: .newStack, settings: settings).plan)
        #expect(plan.changes.map(\.logicalId) == ["Fn"])
    }
}

@Suite struct ParallelJobsTests {
    @Test func mapKeepsTheOrderAndCountsProgress() {
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var most = 0
        }
        let count = Count()
        let result = ParallelJobs.map(Array(0..<100), progress: { done in count.lock.withLock { count.most = max(count.most, done) } }) { $0 * 2 }
        #expect(result == (0..<100).map { $0 * 2 })
        #expect(count.most == 100)
    }

    @Test func boundedMapKeepsTheOrder() {
        #expect(ParallelJobs.map(Array(0..<20), width: 3) { $0 + 1 } == Array(1...20))
        #expect(ParallelJobs.run([{ 1 }, { 2 }, { 3 }]) == [1, 2, 3])
    }
}
