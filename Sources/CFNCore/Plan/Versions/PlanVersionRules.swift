/// Rules of `cfn-lambda plan` about function versions.
public enum PlanVersionRules {
    public static let versionNotPublished = RuleDescriptor(
        id: "plan.version-not-published", severity: .warning,
        summary: "A function's code changes while its AWS::Lambda::Version stays the same: no new version is published",
        explanation: "An AWS::Lambda::Version is published once, when CloudFormation creates it, with the function's code of that moment; CloudFormation publishes another only when it replaces the resource (a new logical ID, or a change to a create-only property: FunctionName, Description, CodeSha256, ProvisionedConcurrencyConfig, RuntimePolicy, from the registry schema). When HEAD changes a function's code (Code/S3Bucket, S3Key, S3ObjectVersion, ZipFile, ImageUri) and leaves a version of it unchanged, the update changes only $LATEST: the version, and every alias that points at it, keeps serving the old code. SAM's AutoPublishAlias and the AWS CDK's currentVersion avoid this by hashing the code into the version's logical ID. Give the version a new logical ID with each code change, or change its Description or CodeSha256 along with the code so that CloudFormation replaces it.")

    public static let all: [RuleDescriptor] = [versionNotPublished]
}
