@testable import CFNCore
import Testing

/// SAM functions made by a `Fn::ForEach` (`Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]`):
/// the loop is expanded first, then SAM, in validate and plan alike.
@Suite struct LanguageExtensionsPlanTests {
    static func template(_ names: String) -> [UInt8] {
        Array("""
        Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
        Parameters:
          Names: {Type: CommaDelimitedList, Default: "\(names)"}
        Resources:
          Fn::ForEach::Workers:
            - Name
            - !Ref Names
            - ${Name}Worker:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: !Sub "${Name}-worker"
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://code-bucket/worker.zip
                  MemorySize: 64

        """.utf8)
    }

    /// One more item in the collection: one more function, with the role SAM makes for it.
    @Test func addingAnItemPlansOneNewFunction() throws {
        let base = PlanBase.template(name: "base.yaml", bytes: Self.template("orders,billing"))
        let head = InputFile(path: "head.yaml", bytes: Self.template("orders,billing,refunds"))
        let plan = try #require(Analysis.plan(head: head, base: base, settings: AnalysisSettings()).plan)
        let changed = plan.changes.filter { $0.action != .none }.map { "\($0.action) \($0.logicalId) \($0.type)" }
        #expect(changed == ["create refundsWorker AWS::Lambda::Function", "create refundsWorkerRole AWS::IAM::Role"])
        #expect(plan.changes.filter { $0.action == .none }.map(\.logicalId).sorted()
            == ["billingWorker", "billingWorkerRole", "ordersWorker", "ordersWorkerRole"])
    }

    /// A plain resource a loop made names the loop as its source; SAM's name their SAM resource and
    /// the loop that made it.
    @Test func changesNameTheLoopOrTheSAMResource() throws {
        let text = String(decoding: Self.template("orders"), as: UTF8.self) + """
          Fn::ForEach::Queues:
            - Queue
            - [in, out]
            - Queue${Queue}:
                Type: AWS::SQS::Queue

        """
        let plan = try #require(Analysis.plan(head: InputFile(path: "t.yaml", bytes: Array(text.utf8)), base: .newStack,
                                              settings: AnalysisSettings()).plan)
        #expect(plan.changes.map { "\($0.logicalId) \($0.source.map { "\($0.resource) \($0.type) \($0.loop ?? "-")" } ?? "-")" } == [
            "Queuein Fn::ForEach::Queues Fn::ForEach Fn::ForEach::Queues", "Queueout Fn::ForEach::Queues Fn::ForEach Fn::ForEach::Queues",
            "ordersWorker ordersWorker AWS::Serverless::Function Fn::ForEach::Workers",
            "ordersWorkerRole ordersWorker AWS::Serverless::Function Fn::ForEach::Workers",
        ])
    }

    /// The same template planned with other parameter values for BASE and HEAD.
    @Test func parameterValuesDecideTheCollection() throws {
        let bytes = Self.template("orders")
        let plan = try #require(Analysis.plan(head: InputFile(path: "t.yaml", bytes: bytes), base: .template(name: "t.yaml", bytes: bytes),
                                              settings: AnalysisSettings(settings: ValidationSettings(parameters: ["Names": "orders,billing"])),
                                              baseSettings: ValidationSettings()).plan)
        #expect(plan.changes.filter { $0.action != .none }.map { "\($0.action) \($0.logicalId)" } == ["create billingWorker", "create billingWorkerRole"])
    }

    /// Findings on the functions point at the loop body, naming the function and the loop.
    @Test func validateChecksEveryGeneratedFunction() {
        let report = Analysis.validate([InputFile(path: "t.yaml", bytes: Self.template("orders,billing"))],
                                       settings: AnalysisSettings(settings: ValidationSettings(today: "2026-01-01")))[0]
        let lines = report.findings.filter { $0.severity == .error }
            .map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message)" }
        #expect(lines == [
            "lambda.memory-size 15:23 billingWorker MemorySize 64 is below Lambda's minimum of 128 MB; set at least 128 (on billingWorker, generated from Fn::ForEach::Workers)",
            "lambda.memory-size 15:23 ordersWorker MemorySize 64 is below Lambda's minimum of 128 MB; set at least 128 (on ordersWorker, generated from Fn::ForEach::Workers)",
        ])
    }
}

extension LanguageExtensionsPlanTests {
    /// A suppression in the loop body's Metadata applies to every resource the loop makes.
    @Test func theBodysMetadataSuppressesFindingsOnWhatTheLoopMakes() {
        let text = String(decoding: Self.template("orders,billing"), as: UTF8.self)
            .replacingOccurrences(of: "        Type: AWS::Serverless::Function\n",
                                  with: "        Type: AWS::Serverless::Function\n        Metadata: {cfn-lambda: {ignore: [lambda.memory-size]}}\n")
        let report = Analysis.validate([InputFile(path: "t.yaml", bytes: Array(text.utf8))],
                                       settings: AnalysisSettings(settings: ValidationSettings(today: "2026-01-01")))[0]
        #expect(text.contains("Metadata: {cfn-lambda"))
        #expect(!report.findings.contains { $0.rule == "lambda.memory-size" })
    }
}

/// What `expand` prints: the language extensions applied, then SAM.
@Suite struct LanguageExtensionsProcessedTemplateTests {
    @Test func expandAppliesTheExtensionsBeforeSAM() throws {
        let processed = ProcessedTemplate(bytes: LanguageExtensionsPlanTests.template("orders"), settings: ValidationSettings())
        #expect(processed.findings == [])
        let tree = try #require(processed.tree)
        let template = try #require(TemplateParser.parse(tree).template)
        #expect(template.resources.map { "\($0.logicalId) \($0.type ?? "-")" } == ["ordersWorker AWS::Lambda::Function", "ordersWorkerRole AWS::IAM::Role"])
        #expect(template.section(.transform) == nil)
    }

    @Test func aMalformedLoopIsAnErrorAndNoTemplate() {
        let text = "Transform: AWS::LanguageExtensions\nResources:\n  'Fn::ForEach::A': [X, abc, {'T${X}': {Type: AWS::SNS::Topic}}]\n"
        let processed = ProcessedTemplate(bytes: Array(text.utf8), settings: ValidationSettings())
        #expect(processed.tree == nil)
        #expect(processed.findings.map { "\(processed.source.lineColumn(at: $0.range.start)) \($0.rule)" } == ["3:25 language-extensions.invalid"])
    }
}
