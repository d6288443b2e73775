import CFNCore
import CFNLoader
import Testing

/// CloudFormation's 500 resources are counted in the processed template: a SAM template passing
/// the limit there gets one `template.too-many-resources`, saying which count passes it.
@Suite struct SAMResourceLimitTests {
    /// `count` SAM functions, each three lines long (the Nth at line 3N); each makes the function and its role.
    static func functions(_ count: Int) -> String {
        var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        for index in 1...count {
            text += "  Fn\(index):\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: s3://bkt/k.zip}\n"
        }
        return text
    }

    static func findings(_ text: String) -> [String] {
        let report = Validator(settings: ValidationSettings(today: "2026-05-10"), checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        return report.findings.filter { $0.rule == "template.too-many-resources" }.map { "\(report.source.lineColumn(at: $0.range.start)) \($0.message)" }
    }

    /// 260 declared make 520: the 501st is the 251st function's.
    @Test func fewerDeclaredThanTheLimitCanPassItAfterTheTransform() {
        #expect(Self.findings(Self.functions(260)) == [
            "753:3 the processed template has 520 resources (260 declared, the rest made by the SAM transform); CloudFormation allows at most 500 after the transform (the 501st is made from the resource here)",
        ])
        #expect(Self.findings(Self.functions(250)) == [])
    }

    /// More declared than the limit: one finding, about the processed count, not one per count.
    @Test func moreDeclaredThanTheLimitIsOneFinding() {
        #expect(Self.findings(Self.functions(600)) == [
            "753:3 the processed template has 1200 resources (600 declared, the rest made by the SAM transform); CloudFormation allows at most 500 after the transform (the 501st is made from the resource here)",
        ])
    }
}
