import CFNLoader

/// `S3ObjectStorageMode: REFERENCE` with inline code (`ZipFile`) or a container image (`ImageUri`).
public struct StorageModeSourceRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.storage-mode-source", severity: .error,
        summary: "Self-managed S3 code storage (S3ObjectStorageMode REFERENCE) without .zip code in S3",
        explanation: "With S3ObjectStorageMode REFERENCE Lambda reads a function's or layer's .zip straight from your S3 bucket instead of keeping a copy. It \"is available for .zip file archive functions and layers only. Container image functions continue to use Amazon ECR\" (Lambda Developer Guide, Self-managed S3 code storage; seed lambda-self-managed-s3-code-storage.txt), so it needs S3Bucket and S3Key, not ZipFile or ImageUri.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        ZipFile: 'def handler(e, c): pass'\n        S3ObjectStorageMode: ↓REFERENCE\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Image\n      Code: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1, S3ObjectStorageMode: ↓REFERENCE}\n",
        ],
        nonTriggering: [
            "Parameters:\n  Mode: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: code, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n  Inline:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass', S3ObjectStorageMode: COPY}\n  Unknown:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass', S3ObjectStorageMode: !Ref Mode}\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<Finding> = []
        for code in SelfManagedCode.all(in: context) where !code.isInS3 {
            let source = code.code["ZipFile"] != nil
                ? "with ZipFile (inline code); upload the .zip to S3 and give S3Bucket and S3Key, or remove S3ObjectStorageMode"
                : "with ImageUri (container images stay in Amazon ECR); remove S3ObjectStorageMode"
            let finding = context.finding(
                Self.descriptor,
                code.guardCondition.qualifying("S3ObjectStorageMode REFERENCE works only for .zip code in S3 (S3Bucket and S3Key), not \(source)"),
                at: code.storageMode.node, in: code.resource, path: code.path("S3ObjectStorageMode"))
            if seen.insert(finding).inserted { findings.append(finding) }
        }
        return findings
    }
}
