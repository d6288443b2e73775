@testable import CFNCore
import Testing

@Suite struct FindingOverlapTests {
    @Test func specificRulesWinOverSchemaChecksAtTheSamePlace() {
        let name = String(repeating: "f", count: 80)
        let text = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: \(name)\n      Runtime: python3.12\n      Handler: a.b\n"
        let report = Validator(settings: ValidationSettings(today: "2026-01-01")).validate(file: "t.yaml", bytes: Array(text.utf8))
        let source = report.source
        #expect(report.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.pathString ?? "")" } == [
            // Code has no specific rule for a missing Code: the schema's finding stays.
            "lambda.role 4:5 Resources/Fn/Properties/Role",
            "schema.required 4:5 Resources/Fn/Properties/Code",
            "lambda.function-name-length 5:21 Resources/Fn/Properties/FunctionName",
        ])
    }

    @Test func specificRulesWinOverSchemaChecksInAnIfBranch() {
        // The Lambda rule's path names the branch (`Timeout/Fn::If/1`); the schema's range check at
        // the same value says the same thing and is dropped. A schema finding elsewhere stays.
        let text = """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  Timeout: !If [IsProd, 0, 60]
                  MemorySize: !If [IsProd, 128, 99999]

            """
        let report = Validator(settings: ValidationSettings(today: "2026-01-01")).validate(file: "t.yaml", bytes: Array(text.utf8))
        let source = report.source
        #expect(report.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.pathString ?? "")" } == [
            "lambda.timeout 13:29 Resources/Fn/Properties/Timeout/Fn::If/1",
            "lambda.memory-size 14:37 Resources/Fn/Properties/MemorySize/Fn::If/2",
        ])
    }

    @Test func branchStepsAreLeftOutOfComparedPaths() {
        #expect(FindingOverlap.withoutBranches(["Resources", "Fn", "Properties", "Timeout", "Fn::If", "1"])
            == ["Resources", "Fn", "Properties", "Timeout"])
        #expect(FindingOverlap.withoutBranches(["A", "Fn::If", "2", "B", "Fn::If", "1", "C"]) == ["A", "B", "C"])
        #expect(FindingOverlap.withoutBranches(["A", "Fn::If"]) == ["A"])
        #expect(FindingOverlap.withoutBranches(["A"]) == ["A"])
    }
}

/// Overlap suppression merges duplicates of one fact, never a different fact on the same value
/// (issue 19, item 3).
@Suite struct DifferentFactsOnOneValueTests {
    @Test func inlineCodeAndAnUnknownRuntimeAreBothReported() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21.x
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code:
                    ZipFile: x

            """
        #expect(validationLines(text) == [
            "lambda.zipfile-runtime error 5:16 ZipFile (inline code) works only with Node.js and Python runtimes, not java21.x; put the code in a .zip in S3 (S3Bucket, S3Key) or use a nodejs or python runtime",
            "schema.enum error 5:16 Runtime 'java21.x' is not one of the 46 allowed values (closest: java21, java11, java17)",
        ])
    }

    @Test func onlyTheSchemaChecksARuleRestatesAreDropped() {
        #expect(FindingOverlap.restatedSchemaRules["lambda.role"] == ["schema.required", "schema.pattern"])
        #expect(FindingOverlap.restatedSchemaRules["lambda.zipfile-runtime"] == nil)
    }
}
