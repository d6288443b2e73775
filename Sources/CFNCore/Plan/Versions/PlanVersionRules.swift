/// Rules of `cfn-lambda plan` about function versions.
public enum PlanVersionRules {
    public static let versionNotPublished = RuleDescriptor(
        id: "plan.version-not-published", severity: .warning,
        summary: "A function's code changes while its AWS::Lambda::Version stays the same: no new version is published",
        explanation: "An AWS::Lambda::Version is published once, when CloudFormation creates it, with the function's code of that moment; CloudFormation publishes another only when it replaces the resource (a new logical ID, or a change to a create-only property: FunctionName, Description, CodeSha256, ProvisionedConcurrencyConfig, RuntimePolicy, from the registry schema). When HEAD changes a function's code (Code/S3Bucket, S3Key, S3ObjectVersion, ZipFile, ImageUri) and leaves a version of it unchanged, the update changes only $LATEST: the version, and every alias that points at it, keeps serving the old code. SAM's AutoPublishAlias and the AWS CDK's currentVersion avoid this by hashing the code into the version's logical ID. Give the version a new logical ID with each code change, or change its Description or CodeSha256 along with the code so that CloudFormation replaces it.")

    public static let configurationNotPublished = RuleDescriptor(
        id: "plan.version-config-not-published", severity: .warning,
        summary: "A function's configuration changes while its AWS::Lambda::Version stays the same: the version keeps the old configuration",
        explanation: "A published version is an immutable snapshot of the function's code and configuration (Lambda docs, \"Manage Lambda function versions\"): its runtime, handler, layers, environment variables, memory, timeout, VPC and the other settings. CloudFormation publishes an AWS::Lambda::Version once, when it creates it, and again only when it replaces it. When HEAD changes a setting a version snapshots (Architectures, DeadLetterConfig, Environment, EphemeralStorage, FileSystemConfigs, Handler, ImageConfig, KmsKeyArn, Layers, LoggingConfig, MemorySize, Runtime, SnapStart, Timeout, TracingConfig, VpcConfig), directly, through a parameter or through a replaced layer, and leaves a version of the function unchanged, the update changes only $LATEST: every alias on the version keeps serving the old configuration. SAM's AutoPublishAlias hashes only the code, Environment, MemorySize and SnapStart into the version's logical ID, as written before parameters are resolved (aws-sam-translator, _construct_version): set AutoPublishAliasAllProperties: true to hash every property (and PublishLambdaVersion: true on a layer for its content), and pass a parameter that changes the configuration in AutoPublishCodeSha256 too. Without SAM, give the version a new logical ID or a new Description with the change.")

    public static let aliasTrafficShift = RuleDescriptor(
        id: "plan.alias-traffic-shift", severity: .info,
        summary: "An alias under UpdatePolicy CodeDeployLambdaAliasUpdate moves to another version: CodeDeploy shifts the traffic",
        explanation: "An AWS::Lambda::Alias with UpdatePolicy CodeDeployLambdaAliasUpdate (what SAM's DeploymentPreference writes) is not updated in place when its FunctionVersion changes: CloudFormation starts a deployment of the named CodeDeploy application and deployment group, which shifts traffic to the new version as its deployment configuration says (Canary10Percent5Minutes: 10% for 5 minutes, then the rest), runs the PreTraffic and PostTraffic hooks, and rolls back on a failed alarm or hook. The stack update waits until the deployment ends (CloudFormation UpdatePolicy attribute reference).")

    public static let all: [RuleDescriptor] = [versionNotPublished, configurationNotPublished, aliasTrafficShift]
}
