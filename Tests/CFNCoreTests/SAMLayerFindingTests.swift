import CFNCore
import CFNLoader
import Testing

/// Findings about a SAM layer name it as the user wrote it (`L`), not by the `L<hash>` SAM makes
/// of it, which changes with each content change; a layer named twice is one compatibility problem.
@Suite struct SAMLayerFindingTests {
    static func findings(_ text: String) -> [String] {
        let report = Validator(settings: ValidationSettings(today: "2026-05-10"), checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        return report.findings.filter { $0.rule.hasPrefix("lambda.layer") }.map { finding in
            "\(finding.rule) \(report.source.lineColumn(at: finding.range.start)) \(finding.resource ?? "-") :: \(finding.message)"
        }
    }

    @Test func aSAMLayerIsNamedAsWrittenAndReportedOnce() {
        #expect(Self.findings("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://bkt/k.zip
                  Architectures: [arm64]
                  Layers: [!Ref L, !Ref L]
              L:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: s3://bkt/l.zip, CompatibleRuntimes: [nodejs20.x], CompatibleArchitectures: [x86_64]}
            """) == [
            "lambda.layer-architecture 10:16 Fn :: layer L is built for x86_64 (CompatibleArchitectures), but the function runs on arm64; use a layer built for arm64, or set the function's Architectures to match",
            "lambda.layer-runtime 10:16 Fn :: layer L is not marked compatible with runtime python3.12: its CompatibleRuntimes are nodejs20.x; add python3.12 there if the layer works with it, or use a layer built for python3.12",
            "lambda.layer-duplicate 10:24 Fn :: layer L is already attached at Layers/0; remove one of them",
        ])
    }

    /// A layer written as `AWS::Lambda::LayerVersion` keeps its own name.
    @Test func aCloudFormationLayerKeepsItsName() {
        #expect(Self.findings("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {S3Bucket: bkt, S3Key: k.zip}
                  Layers: [!Ref L, !Ref L]
              L:
                Type: AWS::Lambda::LayerVersion
                Properties: {Content: {S3Bucket: bkt, S3Key: l.zip}, CompatibleRuntimes: [nodejs20.x]}
            """) == [
            "lambda.layer-runtime 9:16 Fn :: layer L is not marked compatible with runtime python3.12: its CompatibleRuntimes are nodejs20.x; add python3.12 there if the layer works with it, or use a layer built for python3.12",
            "lambda.layer-duplicate 9:24 Fn :: layer L is already attached at Layers/0; remove one of them",
        ])
    }
}
