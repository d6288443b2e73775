import CFNCore
import CFNLoader
import Testing

/// Validates text with the code rules only and lists findings as `rule severity line:column message`.
func codeRuleFindings(_ text: String, _ settings: ValidationSettings = ValidationSettings()) -> [String] {
    let rules: [any TemplateRule] = [
        CodeSourceRule(), ZipFileRuntimeRule(), PackageTypeRule(),
    ]
    let report = Validator(settings: settings, rules: rules).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.sorted(by: Finding.sourceOrder).map {
        "\($0.rule) \($0.severity) \(report.source.lineColumn(at: $0.range.start)) \($0.message)"
    }
}

let stageCondition = """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, prod]}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]

    """

@Suite struct CodeRuleTests {
    @Test func messagesNameTheProblemAndTheFix() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Key: fn.zip}
              Image:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}

            """
        #expect(codeRuleFindings(text) == [
            "lambda.code-source error 7:14 Code has S3Key but no S3Bucket; add S3Bucket, the bucket that holds the .zip",
            "lambda.package-type error 11:14 Code.ImageUri needs PackageType: Image (PackageType is not set, so it is Zip); set PackageType to Image, or give .zip code (ZipFile, or S3Bucket and S3Key) instead",
        ])
    }

    @Test func aProblemInOneBranchCarriesItsCondition() {
        let text = stageCondition + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: !If [IsProd, {S3Bucket: code, S3Key: fn.zip}, {S3ObjectVersion: v1}]

            """
        #expect(codeRuleFindings(text) == [
            "lambda.code-source error 11:59 Code has no source; give ZipFile (inline code), S3Bucket and S3Key (a .zip in S3), or ImageUri (a container image) (when not IsProd)",
        ])
    }

    @Test func branchesThatAllHaveAKeyAreOneFindingWithoutCondition() {
        // S3Bucket is present in both branches: one finding, not one per branch.
        let text = stageCondition + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: !If [IsProd, prod-code, dev-code]}

            """
        #expect(codeRuleFindings(text) == [
            "lambda.code-source error 11:14 Code has S3Bucket but no S3Key; add S3Key, the key of the .zip in that bucket",
        ])
    }}
