import CFNLoader

/// Self-managed code in a bucket this template declares without versioning enabled.
public struct StorageBucketVersioningRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.storage-bucket-versioning", severity: .error,
        summary: "Self-managed S3 code storage in a bucket without versioning",
        explanation: "For S3ObjectStorageMode REFERENCE, \"Enable S3 versioning for the bucket. Lambda requires S3 versioning to track which version of your source object to use\" (Lambda Developer Guide, Self-managed S3 code storage; seed lambda-self-managed-s3-code-storage.txt). Judged when the bucket is declared in the same template (S3Bucket is !Ref of an AWS::S3::Bucket, or equals its literal BucketName): its VersioningConfiguration.Status must be Enabled (the schema's default is Suspended). Reported at the function's or layer's S3Bucket.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code:\n        S3Bucket: ↓!Ref Bucket\n        S3Key: fn.zip\n        S3ObjectVersion: v1\n        S3ObjectStorageMode: REFERENCE\n",
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: code-bucket\n      VersioningConfiguration: {Status: Suspended}\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: {S3Bucket: ↓code-bucket, S3Key: layer.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: !If [IsProd, {Status: Enabled}, !Ref AWS::NoValue]\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: ↓!Ref Bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
        ],
        nonTriggering: [
            "Parameters:\n  Versioning: {Type: String}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n  Unversioned:\n    Type: AWS::S3::Bucket\n  Unknown:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: !Ref Versioning}\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n  Copied:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Unversioned, S3Key: fn.zip}\n  External:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: other-bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n  NotJudged:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Unknown, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<Finding> = []
        for code in SelfManagedCode.all(in: context, valued: ["S3Bucket"]) where code.isInS3 {
            for bucket in CodeBucket.of(code, in: context) {
                guard let resource = bucket.resource else { continue }
                for (conditions, problem) in problems(resource, under: bucket.guardCondition, context) {
                    let message = conditions.qualifying(
                        "\(bucket.what) does not have versioning enabled (\(problem)); S3ObjectStorageMode REFERENCE needs a versioned bucket: set VersioningConfiguration.Status to Enabled on \(resource.logicalId)")
                    let finding = context.finding(Self.descriptor, message, at: code.bucket?.node, in: code.resource, path: code.path("S3Bucket"))
                    if seen.insert(finding).inserted { findings.append(finding) }
                }
            }
        }
        return findings
    }

    /// Each satisfiable way the bucket's versioning is known not to be Enabled, with its guard.
    func problems(_ bucket: Resource, under start: Guard, _ context: RuleContext) -> [(Guard, String)] {
        var result: [(Guard, String)] = []
        for (conditions, configuration) in context.reachable(bucket, "VersioningConfiguration") {
            let joint = start.and(conditions)
            guard context.conditionSet.isSatisfiable(joint) else { continue }
            guard let configuration else {
                result.append((joint, "it has no VersioningConfiguration"))
                continue
            }
            guard configuration.entries != nil else { continue }
            for (inner, status) in (configuration["Status"]?.alternatives(under: joint, context.conditionSet) ?? [(joint, nil)]) {
                guard context.conditionSet.isSatisfiable(inner) else { continue }
                guard let status else {
                    result.append((inner, "its VersioningConfiguration has no Status"))
                    continue
                }
                if let text = status.text, text != "Enabled" {
                    result.append((inner, "VersioningConfiguration.Status is \(text)"))
                }
            }
        }
        return result
    }
}
