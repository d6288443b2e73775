@testable import CFNCore
import CFNLoader
import Testing

/// Validates text with the code rules only and lists findings as `rule severity line:column message`.
func codeRuleFindings(_ text: String, _ settings: ValidationSettings = ValidationSettings()) -> [String] {
    let rules: [any TemplateRule] = [
        CodeSourceRule(), ZipFileRuntimeRule(), PackageTypeRule(), StorageModeSourceRule(), StorageModeVersionRule(),
        StorageBucketVersioningRule(), StorageBucketPolicyRule(), StorageBucketLifecycleRule(),
    ]
    let report = Validator(settings: settings, rules: rules, checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
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

/// A versioned bucket named code-bucket with a policy, and a function that references its code.
func selfManagedStack(statement: String, key: String = "functions/fn.zip") -> String {
    """
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: code-bucket
          VersioningConfiguration: {Status: Enabled}
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Bucket
          PolicyDocument:
            Statement:
              - \(statement)
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
          Handler: index.handler
          Code: {S3Bucket: !Ref Bucket, S3Key: \(key), S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}

    """
}

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
    }

    @Test func aKeyRemovedInEveryBranchIsAbsent() {
        // ZipFile is AWS::NoValue whichever way IsProd goes: the code comes from S3 alone. In the
        // second function ZipFile is removed only in dev: there the S3 keys are missing.
        let text = stageCondition + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    ZipFile: !If [IsProd, !Ref AWS::NoValue, !Ref AWS::NoValue]
                    S3Bucket: code
                    S3Key: fn.zip
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {ZipFile: !If [IsProd, 'def handler(e, c): pass', !Ref AWS::NoValue]}

            """
        #expect(codeRuleFindings(text) == [
            "lambda.code-source error 20:13 Code has no source; give ZipFile (inline code), S3Bucket and S3Key (a .zip in S3), or ImageUri (a container image) (when not IsProd)",
        ])
    }

    @Test func combinationsThatCannotHoldTogetherAreNotReported() {
        // The function exists only in prod, where the bucket is versioned; in dev it is not created.
        let text = stageCondition + """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: {Status: !If [IsProd, Enabled, Suspended]}
              Fn:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: !Ref Bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}
              Dev:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: !Ref Bucket, S3Key: fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}

            """
        #expect(codeRuleFindings(text) == [
            "lambda.storage-bucket-versioning error 22:24 bucket Bucket does not have versioning enabled (VersioningConfiguration.Status is Suspended); S3ObjectStorageMode REFERENCE needs a versioned bucket: set VersioningConfiguration.Status to Enabled on Bucket (when not IsProd)",
        ])
    }

    @Test func aConditionalPolicyStatementStillCountsAsAGrant() {
        let statement = "!If [IsProd, {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 's3:Get*', Resource: '*'}, !Ref AWS::NoValue]"
        #expect(codeRuleFindings(stageCondition + selfManagedStack(statement: statement)).isEmpty)
    }

    @Test func policyResourcesBuiltWithThePartitionAreJudgedOnlyWhenTheRegionIsKnown() {
        let statement = """
            {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: !Sub 'arn:${AWS::Partition}:s3:::code-bucket/layers/*'}
            """
        let text = selfManagedStack(statement: statement)
        #expect(codeRuleFindings(text).isEmpty)
        #expect(codeRuleFindings(text, ValidationSettings(region: "eu-west-1")) == [
            "lambda.storage-bucket-policy warning 19:24 bucket policy Policy of bucket Bucket does not allow lambda.amazonaws.com s3:GetObject and s3:GetObjectVersion on s3://code-bucket/functions/fn.zip; self-managed S3 code storage (S3ObjectStorageMode REFERENCE) needs an Allow statement for Principal Service lambda.amazonaws.com with s3:GetObject and s3:GetObjectVersion on the object",
        ])
        // The partition of a China region does not match an aws ARN.
        let literal = "{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 's3:*', Resource: 'arn:aws:s3:::code-bucket/*'}"
        #expect(codeRuleFindings(selfManagedStack(statement: literal), ValidationSettings(region: "us-east-1")).isEmpty)
        #expect(codeRuleFindings(selfManagedStack(statement: literal), ValidationSettings(region: "cn-north-1")).count == 1)
    }

    @Test func statementsThatCannotGrantAreNotGrants() {
        let denied = "{Effect: Deny, Principal: {Service: lambda.amazonaws.com}, Action: 's3:*', Resource: '*'}"
        let otherPrincipal = "{Effect: Allow, Principal: {Service: s3.amazonaws.com}, Action: 's3:*', Resource: '*'}"
        let bucketOnly = "{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 's3:*', Resource: 'arn:aws:s3:::code-bucket'}"
        let otherAction = "{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 's3:PutObject', Resource: '*'}"
        for statement in [denied, otherPrincipal, bucketOnly, otherAction] {
            #expect(codeRuleFindings(selfManagedStack(statement: statement)).map { $0.prefix(42) } == ["lambda.storage-bucket-policy warning 19:24"], "\(statement)")
        }
        let everyone = "{Effect: Allow, Principal: '*', Action: '*', Resource: '*'}"
        let notAction = "{Effect: Allow, Principal: {AWS: '*'}, NotAction: 's3:PutObject', Resource: 'arn:aws:s3:::code-*'}"
        let variable = "{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 's3:GetObject*', Resource: 'arn:aws:s3:::${aws:username}/*'}"
        for statement in [everyone, notAction, variable] {
            #expect(codeRuleFindings(selfManagedStack(statement: statement)).isEmpty, "\(statement)")
        }
    }

    @Test func lifecycleFindingsNameTheRuleAndTheNoncurrentCase() {
        let text = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: {Status: Enabled}
                  LifecycleConfiguration:
                    Rules:
                      - Status: Enabled
                        Prefix: functions/
                        NoncurrentVersionTransition: {StorageClass: Glacier, TransitionInDays: 30}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {S3Bucket: !Ref Bucket, S3Key: functions/fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}

            """
        #expect(codeRuleFindings(text) == [
            "lambda.storage-bucket-lifecycle warning 16:44 lifecycle rule Rules[0] of bucket Bucket moves noncurrent versions under prefix 'functions/', including functions/fn.zip, to Glacier; self-managed S3 code storage does not work with Glacier storage classes: exclude the code from the rule or use another storage class",
        ])
    }

    @Test func wildcardsMatchLikeIAM() {
        #expect(Wildcard.matches("s3:get*", "s3:getobjectversion"))
        #expect(Wildcard.matches("*", ""))
        #expect(Wildcard.matches("a*b*c", "axxbyyc"))
        #expect(Wildcard.matches("a?c", "abc"))
        #expect(!Wildcard.matches("a?c", "ac"))
        #expect(!Wildcard.matches("s3:getobject", "s3:getobjectversion"))
        #expect(Wildcard.matches("arn:aws:s3:::b/*/x.zip", "arn:aws:s3:::b/p/q/x.zip"))
        #expect(!Wildcard.matches("arn:aws:s3:::b/*/x.zip", "arn:aws:s3:::b/x.zip"))
    }
}
