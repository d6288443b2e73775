import CFNLoader

/// Self-managed code in a bucket whose policy, declared in the template, does not let Lambda read it.
public struct StorageBucketPolicyRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.storage-bucket-policy", severity: .warning,
        summary: "Self-managed S3 code storage in a bucket whose policy does not let Lambda read the code",
        explanation: "For S3ObjectStorageMode REFERENCE, \"grant the Lambda service principal (lambda.amazonaws.com) permission to access your source objects\": s3:GetObject and s3:GetObjectVersion on the object, in the bucket policy (Lambda Developer Guide, Self-managed S3 code storage; seed lambda-self-managed-s3-code-storage.txt). If Lambda loses access the function becomes Inactive. Judged when the template declares an AWS::S3::BucketPolicy for the code's bucket (Bucket is !Ref of the bucket or its name): an Allow statement for Principal Service lambda.amazonaws.com (or *) with both actions (wildcards such as s3:Get* count) on a Resource that covers the object. Anything not known (unknown values, conditions, Not* elements, policy variables) counts as a possible grant. Reported at the function's or layer's S3Bucket.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: code-bucket\n      VersioningConfiguration: {Status: Enabled}\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::code-bucket/*\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: ↓code-bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: '*'\n            Action: 's3:*'\n            Resource: !Sub '${Bucket.Arn}/*'\n            Condition: {Bool: {aws:SecureTransport: false}}\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: {S3Bucket: ↓!Ref Bucket, S3Key: layer.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
            "Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: shared-code\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: [lambda.amazonaws.com]}\n            Action: [s3:GetObject, s3:GetObjectVersion]\n            Resource: [arn:aws:s3:::shared-code/layers/*]\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: ↓shared-code, S3Key: functions/fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
        ],
        nonTriggering: [
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: code-bucket\n      VersioningConfiguration: {Status: Enabled}\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: 's3:GetObject*'\n            Resource: arn:aws:s3:::code-bucket/functions/*\n            Condition: {ArnLike: {aws:SourceArn: arn:aws:lambda:us-east-1:123456789012:function:fn}}\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: functions/fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: [s3:GetObject, s3:GetObjectVersion]\n            Resource: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n  Copied:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: other.zip}\n",
            "Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: shared-code\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: ['*']\n            Resource: ['arn:aws:s3:::shared-code/functions/fn-??.zip']\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: shared-code, S3Key: functions/fn-v2.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n  Unrelated:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: other-bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
        ])

    static let actions = ["s3:GetObject", "s3:GetObjectVersion"]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<Finding> = []
        let policies = context.resources(ofType: "AWS::S3::BucketPolicy")
        guard !policies.isEmpty else { return [] }
        // Each policy's Bucket read once, by what names the bucket (`CodeBucket.isNamed(by:)`): a
        // Ref of its logical ID or a literal name; in policy and alternative order.
        var targets: [String: [(order: Int, policy: Resource, guardCondition: Guard)]] = [:]
        var order = 0
        for policy in policies {
            for (conditions, target) in context.reachable(policy, "Bucket") {
                let key: String? = if case .unknown(let unknown)? = target?.kind, case .resource(let name)? = unknown.origin {
                    "ref " + name
                } else {
                    target?.text.map { "name " + $0 }
                }
                if let key { targets[key, default: []].append((order, policy, conditions)) }
                order += 1
            }
        }
        for code in SelfManagedCode.all(in: context, valued: ["S3Bucket", "S3Key"]) where code.isInS3 {
            for bucket in CodeBucket.of(code, in: context) {
                let grant = BucketPolicyGrant(context: context, bucket: bucket.name, key: code.key?.text)
                let keys = [bucket.resource.map { "ref " + $0.logicalId }, bucket.name.map { "name " + $0 }].compactMap { $0 }
                for (_, policy, conditions) in keys.flatMap({ targets[$0] ?? [] }).sorted(by: { $0.order < $1.order }) {
                    let joint = bucket.guardCondition.and(conditions)
                    guard context.conditionSet.isSatisfiable(joint) else { continue }
                    let missing = Self.actions.filter { !grant.mayAllow($0, by: policy, under: joint) }
                    guard !missing.isEmpty else { continue }
                    let object = bucket.name.flatMap { name in code.key?.text.map { "s3://\(name)/\($0)" } } ?? "the code object"
                    let message = joint.qualifying(
                        "bucket policy \(policy.logicalId) of \(bucket.what) does not allow lambda.amazonaws.com \(missing.joined(separator: " and ")) on \(object); self-managed S3 code storage (S3ObjectStorageMode REFERENCE) needs an Allow statement for Principal Service lambda.amazonaws.com with s3:GetObject and s3:GetObjectVersion on the object")
                    let finding = context.finding(Self.descriptor, message, at: code.bucket?.node, in: code.resource, path: code.path("S3Bucket"))
                    if seen.insert(finding).inserted { findings.append(finding) }
                }
            }
        }
        return findings
    }
}
