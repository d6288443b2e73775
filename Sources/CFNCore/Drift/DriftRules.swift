/// The differences `cfn-lambda drift` explains between a template (resolved with the stack's
/// parameters) and what Lambda has. Each finding is located at the template's property and says
/// what was expected, what is, why it matters and what to do.
public enum DriftRules {
    public static let storageMode = RuleDescriptor(
        id: "drift.storage-mode", severity: .warning,
        summary: "Code stored in another mode than the template says",
        explanation: "The template gives `S3ObjectStorageMode` REFERENCE (self-managed code, not counted against the quota) but Lambda holds a managed copy, or the reverse. `update-function-code` without `--s3-object-storage-mode REFERENCE` (or a console upload) switches a function to COPY, because COPY is the default on every call; CloudFormation cannot see it, since `Code` is write-only and its drift detection never compares it. A copy counts against the Lambda-managed code storage quota. Fix: deploy the template's code again with REFERENCE (a new `S3ObjectVersion`, since CloudFormation updates code only when `Code` changes), or run `update-function-code` with `--s3-object-storage-mode REFERENCE`.")

    public static let storageModeUnknown = RuleDescriptor(
        id: "drift.storage-mode-unknown", severity: .info,
        summary: "The snapshot cannot tell how Lambda stores the code",
        explanation: "Lambda reports self-managed code (REFERENCE) as `Code.ResolvedS3Object` of `get-function` and `Content.ResolvedS3Object` of `get-layer-version-by-arn`; an `aws` CLI older than that field drops it, so the snapshot cannot tell COPY from REFERENCE. Upgrade the `aws` CLI (botocore) and take a new snapshot.")

    public static let code = RuleDescriptor(
        id: "drift.code", severity: .warning,
        summary: "Self-managed code that is another S3 object than the template names",
        explanation: "Lambda references an S3 object (bucket, key or version) other than the template's `Code`: the code was updated outside CloudFormation. CloudFormation does not see it (`Code` is write-only) and puts its own object back only when the template's `Code` changes. Deploy the template's object, or put the deployed one in the template.")

    public static let functionMissing = RuleDescriptor(
        id: "drift.function-missing", severity: .error,
        summary: "A function of the stack that Lambda does not have",
        explanation: "The stack has the function, but Lambda says it does not exist: it was deleted outside CloudFormation. An update of the stack that touches it fails (`Function not found`), and invocations fail now. Recreate it through CloudFormation: remove the resource from the template and deploy, then add it back (or rename its logical ID), or import a function of the same name.")

    public static let functionInactive = RuleDescriptor(
        id: "drift.function-inactive", severity: .error,
        summary: "A function Lambda has made Inactive",
        explanation: "A function with self-managed code (REFERENCE) goes `Inactive` when Lambda loses access to the source object — a bucket policy without `s3:GetObject`/`s3:GetObjectVersion` for `lambda.amazonaws.com`, a deleted object version, an object moved to a Glacier storage class. Restore access to the object, then update the function (seed: self-managed S3 code storage). Other Inactive functions have been unused long enough for Lambda to reclaim their resources; the next invocation reactivates them.")

    public static let functionFailed = RuleDescriptor(
        id: "drift.function-failed", severity: .error,
        summary: "A function that is Pending or Failed for a reason that needs action",
        explanation: "Lambda reports the function `Pending` or `Failed` (or its last update `Failed`) with a reason code: `EniLimitExceeded` (the VPC's network interface quota is used up), `SubnetOutOfIPAddresses` (the subnet has no free address), `InvalidSubnet` / `InvalidSecurityGroup` (deleted or in another VPC), and others. Invocations fail until it is fixed; each finding says how.")

    public static let functionIdle = RuleDescriptor(
        id: "drift.function-idle", severity: .info,
        summary: "A VPC function whose network interfaces Lambda reclaimed",
        explanation: "A function connected to a VPC that is not used for a long time loses its network interfaces and becomes Idle. The next invocation fails and the function is Pending until a network interface is available again (seed: VPC configuration). Invoke it once (or on a schedule) before traffic arrives.")

    public static let configuration = RuleDescriptor(
        id: "drift.configuration", severity: .warning,
        summary: "A function setting changed outside CloudFormation",
        explanation: "Runtime, handler, memory, timeout, architectures, execution role or the names of environment variables differ from the template resolved with the stack's parameters: someone changed them with the console or the CLI. CloudFormation puts the template's value back only when that property changes in the template; until then the function runs with the other value. Deploy the template's value, or put the deployed one in the template. Environment variable values are never shown.")

    public static let vpc = RuleDescriptor(
        id: "drift.vpc", severity: .warning,
        summary: "A function connected to other subnets or security groups than the template says",
        explanation: "The function's subnets or security groups (compared as sets) differ from the template's: changed outside CloudFormation. Lambda keeps one network interface per subnet and security-group combination, so the change also moved the function to other network interfaces. Deploy the template's `VpcConfig`, or put the deployed one in the template.")

    public static let layers = RuleDescriptor(
        id: "drift.layers", severity: .warning,
        summary: "Other layer versions attached than the template lists",
        explanation: "The function uses layer versions other than the template's `Layers` (order counts): often another version of the same layer attached by hand. CloudFormation restores its list only when `Layers` changes in the template. Deploy the template's list, or put the deployed one in the template.")

    public static let layerVersionMissing = RuleDescriptor(
        id: "drift.layer-version-missing", severity: .error,
        summary: "A layer version that no longer exists",
        explanation: "Lambda says a layer version the template names or a function uses does not exist: it was deleted. Functions that already use it keep working, but no function can be created or configured with it, so the next deployment that touches such a function fails. Publish a new version and reference it.")

    public static let layerPermission = RuleDescriptor(
        id: "drift.layer-permission", severity: .error,
        summary: "Accounts allowed to use a layer version outside CloudFormation",
        explanation: "The layer version's permissions policy has a statement no `AWS::Lambda::LayerVersionPermission` of the template grants: accounts (or every account) gained the right to use the layer's code, outside CloudFormation. That is a security finding: a layer is code and may hold secrets. Remove the statement with `aws lambda remove-layer-version-permission`, or declare it in the template if it is wanted.")

    public static let layerPermissionMissing = RuleDescriptor(
        id: "drift.layer-permission-missing", severity: .warning,
        summary: "A layer permission of the template that the layer version no longer has",
        explanation: "An `AWS::Lambda::LayerVersionPermission` of the template grants an account or organization the use of the layer version, but its policy has no such statement: it was removed outside CloudFormation, and that account can no longer add the layer to its functions. Deploy a change to the permission (CloudFormation replaces it) to grant it again.")

    public static let cloudFormation = RuleDescriptor(
        id: "drift.cloudformation", severity: .warning,
        summary: "A property difference CloudFormation's drift detection reported",
        explanation: "`aws cloudformation describe-stack-resource-drifts` reported the property as different from the template (`--cfn-drift FILE`); the finding explains it in Lambda's terms. CloudFormation's drift detection does not compare write-only properties such as `Code`, so code and storage mode drift appear only in cfn-lambda's own findings.")

    public static let all: [RuleDescriptor] = [
        storageMode, storageModeUnknown, code, functionMissing, functionInactive, functionFailed, functionIdle, configuration,
        vpc, layers, layerVersionMissing, layerPermission, layerPermissionMissing, cloudFormation,
    ]
}
