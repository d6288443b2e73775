import CFNLoader

/// `S3ObjectStorageMode: REFERENCE` without `S3ObjectVersion`.
public struct StorageModeVersionRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.storage-mode-version", severity: .warning,
        summary: "Self-managed S3 code storage (S3ObjectStorageMode REFERENCE) without S3ObjectVersion",
        explanation: "Lambda reads self-managed code from a versioned bucket and \"requires S3 versioning to track which version of your source object to use\"; the setup names \"the S3 object, S3 key, S3 object version\" (Lambda Developer Guide, Self-managed S3 code storage; seed lambda-self-managed-s3-code-storage.txt). Without S3ObjectVersion the code is whichever version is current when the stack is deployed, and CloudFormation does not notice a new upload (\"To update the function code, change the object key or version in the template\"). Pin the version.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        S3Bucket: code\n        S3Key: fn.zip\n        S3ObjectStorageMode: ↓REFERENCE\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: {S3Bucket: code, S3Key: layer.zip, S3ObjectStorageMode: ↓REFERENCE}\n",
            "Parameters:\n  Version: {Type: String, Default: ''}\nConditions:\n  HasVersion: !Not [!Equals [!Ref Version, '']]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        S3Bucket: code\n        S3Key: fn.zip\n        S3ObjectVersion: !If [HasVersion, !Ref Version, !Ref AWS::NoValue]\n        S3ObjectStorageMode: ↓REFERENCE\n",
        ],
        nonTriggering: [
            "Parameters:\n  Version: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: code, S3Key: fn.zip, S3ObjectVersion: !Ref Version, S3ObjectStorageMode: REFERENCE}\n  Copied:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: code, S3Key: fn.zip}\n  Inline:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {ZipFile: 'def handler(e, c): pass', S3ObjectStorageMode: REFERENCE}\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<Finding> = []
        for code in SelfManagedCode.all(in: context)
        where code.isInS3 && (code.bucket != nil || code.key != nil) && code.code["S3ObjectVersion"] == nil {
            let finding = context.finding(
                Self.descriptor,
                code.guardCondition.qualifying("S3ObjectStorageMode REFERENCE without S3ObjectVersion: Lambda tracks one version of the object in a versioned bucket; set S3ObjectVersion to the VersionId of the uploaded .zip"),
                at: code.storageMode.node, in: code.resource, path: code.path("S3ObjectStorageMode"))
            if seen.insert(finding).inserted { findings.append(finding) }
        }
        return findings
    }
}
