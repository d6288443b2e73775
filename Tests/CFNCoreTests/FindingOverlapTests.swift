import CFNCore
import Testing

@Suite struct FindingOverlapTests {
    @Test func specificRulesWinOverSchemaChecksAtTheSamePlace() {
        let name = String(repeating: "f", count: 80)
        let text = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: \(name)\n      Runtime: python3.12\n      Handler: a.b\n"
        let report = Validator(settings: ValidationSettings(today: "2026-01-01")).validate(file: "t.yaml", bytes: Array(text.utf8))
        let source = report.source
        #expect(report.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.pathString ?? "")" } == [
            // Code has no specific rule for a missing Code: the schema's finding stays.
            "lambda.role 5:7 Resources/Fn/Properties/Role",
            "schema.required 5:7 Resources/Fn/Properties/Code",
            "lambda.function-name-length 5:21 Resources/Fn/Properties/FunctionName",
        ])
    }
}
