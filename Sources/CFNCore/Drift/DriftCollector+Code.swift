/// Code storage and function state.
extension DriftCollector {
    enum ExpectedStorage {
        case copy, reference(bucket: ExpectedValue?, key: ExpectedValue?, version: ExpectedValue?)
    }

    /// How the template stores the code: nil for a container image or when not known.
    func expectedStorage(_ resource: Resource) -> ExpectedStorage? {
        guard let code = value(resource, "Code") else { return nil }
        if case .scalar = code.kind { return .copy }  // a local path, before `aws cloudformation package`
        guard code.entries != nil else { return nil }
        if code["ZipFile"] != nil { return .copy }
        if code["ImageUri"] != nil { return nil }
        guard let mode = code["S3ObjectStorageMode"] else { return .copy }
        switch mode.text {
        case "REFERENCE"?:
            func part(_ key: String) -> ExpectedValue? { code[key].flatMap { ExpectedValue($0, physicalIds: physicalIds) } }
            return .reference(bucket: part("S3Bucket"), key: part("S3Key"), version: part("S3ObjectVersion"))
        case "COPY"?:
            return .copy
        default:
            return nil
        }
    }

    mutating func checkCode(_ resource: Resource, _ actual: DeployedFunction) {
        guard let expected = expectedStorage(resource) else { return }
        let size = actual.codeSize.map { ByteText.describe($0) } ?? "its size"
        switch (expected, actual.storage) {
        case (.reference, .copy):
            add(DriftRules.storageMode,
                "Lambda holds a managed copy of the code (\(size) counted against the code storage quota); the template says S3ObjectStorageMode REFERENCE",
                resource: resource, path: ["Code", "S3ObjectStorageMode"], expected: "REFERENCE", actual: "COPY",
                explanation: "The code was updated outside CloudFormation without REFERENCE — `aws lambda update-function-code` without `--s3-object-storage-mode REFERENCE`, or an upload in the console — and COPY is the default on every such call, so Lambda copied the code into Lambda-managed storage, where it counts against the account's code storage quota (\(size)). CloudFormation's drift detection does not show this: `Code` is write-only and never compared, so the stack reports IN_SYNC.",
                remedy: "Deploy the code again with S3ObjectStorageMode REFERENCE: upload a new object version and set S3ObjectVersion to it (CloudFormation updates code only when Code changes), or run `aws lambda update-function-code --function-name \(actual.name) --s3-bucket … --s3-key … --s3-object-version … --s3-object-storage-mode REFERENCE`. Lambda then deletes its copy.")
        case (.copy, .reference(let location)):
            add(DriftRules.storageMode,
                "Lambda references the code in \(location) (self-managed); the template stores it in Lambda-managed storage (COPY)",
                resource: resource, path: ["Code"], expected: "COPY", actual: "REFERENCE \(location)",
                explanation: "The code was switched to self-managed storage outside CloudFormation (`update-function-code --s3-object-storage-mode REFERENCE`). Lambda now reads the object from the bucket: if the object version is deleted, moved to a Glacier storage class, or Lambda loses s3:GetObject/s3:GetObjectVersion on it, the function becomes Inactive. The next deployment that changes Code stores a copy again (+\(size) against the quota).",
                remedy: "Keep the bucket's object and its policy for lambda.amazonaws.com as long as the function references it, and put S3ObjectStorageMode: REFERENCE with that S3ObjectVersion in the template; or deploy the template's code to go back to COPY.")
        case (.reference(let bucket, let key, let version), .reference(let location)):
            let differs = !(bucket?.matches(location.bucket) ?? true) || !(key?.matches(location.key) ?? true)
                || !(version.map { expected in location.versionId.map(expected.matches) ?? false } ?? true)
            guard differs else { return }
            let expectedText = "s3://\(bucket?.description ?? "…")/\(key?.description ?? "…")"
                + (version.map { "?versionId=\($0.description)" } ?? "")
            add(DriftRules.code, "Lambda references \(location); the template names \(expectedText)",
                resource: resource, path: ["Code"], expected: expectedText, actual: location.description,
                explanation: "The function's code was updated outside CloudFormation to another S3 object or object version. CloudFormation does not see it (Code is write-only), and deploys its own object again only when the template's Code changes.",
                remedy: "Decide which code is right: put the deployed object and version in the template, or deploy the template's object with a new S3ObjectVersion.")
        case (.reference, .unknown):
            add(DriftRules.storageModeUnknown,
                "the snapshot cannot tell whether Lambda references the code or holds a copy; the template says REFERENCE",
                resource: resource, path: ["Code", "S3ObjectStorageMode"], expected: "REFERENCE", actual: nil,
                explanation: "The `aws` CLI that took the snapshot does not know `Code.ResolvedS3Object`, the field by which Lambda reports self-managed code, and drops it.",
                remedy: "Upgrade the aws CLI (botocore) and take a new snapshot with `cfn-lambda snapshot`.")
        default:
            return
        }
    }

    mutating func checkState(_ resource: Resource, _ actual: DeployedFunction) {
        let reasonCode = actual.stateReasonCode
        if reasonCode == "Idle" {
            add(DriftRules.functionIdle, "Lambda reclaimed the function's network interfaces after a long time without invocations (Idle)",
                resource: resource, path: ["VpcConfig"], expected: "Active", actual: "\(actual.state ?? "Inactive") (Idle)",
                explanation: "A function connected to a VPC that is not invoked for a long time loses its network interfaces and becomes Idle. The next invocation fails, and the function is Pending until a network interface is available again.",
                remedy: "Invoke it once before traffic arrives (or on a schedule), and retry the first failed invocation.")
            return
        }
        switch actual.state {
        case "Inactive"?:
            if case .reference(let location) = actual.storage {
                add(DriftRules.functionInactive, "the function is Inactive: Lambda lost access to its code in \(location)",
                    resource: resource, path: ["Code"], expected: "Active", actual: "Inactive" + (reasonCode.map { " (\($0))" } ?? ""),
                    explanation: "With self-managed code (REFERENCE), Lambda reads the source object again to reoptimize the function; when it cannot — the bucket policy no longer grants lambda.amazonaws.com s3:GetObject and s3:GetObjectVersion, the object version was deleted, or the object moved to a Glacier storage class — the function becomes Inactive and invocations fail." + (actual.stateReason.map { " Lambda says: \($0)" } ?? ""),
                    remedy: "Restore access to \(location) (bucket policy, object version, storage class), then update the function (`aws lambda update-function-code … --s3-object-storage-mode REFERENCE`, or deploy a change to Code) to make it Active again.")
            } else {
                add(DriftRules.functionInactive, "the function is Inactive" + (reasonCode.map { " (\($0))" } ?? ""),
                    resource: resource, path: [], expected: "Active", actual: "Inactive" + (reasonCode.map { " (\($0))" } ?? ""),
                    explanation: "Lambda made the function Inactive" + (actual.stateReason.map { ": \($0)" } ?? "") + ". Invocations fail or are delayed until it is Active again.",
                    remedy: "Invoke the function to reactivate it; if that fails, fix the cause Lambda names and update the function.")
            }
        case "Failed"?, "Pending"?:
            guard let reasonCode, !["Creating", "Restoring"].contains(reasonCode) else { break }
            addFailure(resource, actual, what: "the function is \(actual.state ?? "")", code: reasonCode, reason: actual.stateReason)
        default:
            break
        }
        if actual.lastUpdateStatus == "Failed" {
            addFailure(resource, actual, what: "the function's last update failed", code: actual.lastUpdateStatusReasonCode ?? "unknown",
                       reason: actual.lastUpdateStatusReason)
        }
    }

    private mutating func addFailure(_ resource: Resource, _ actual: DeployedFunction, what: String, code: String, reason: String?) {
        let (explanation, remedy, path): (String, String, [String]) = switch code {
        case "EniLimitExceeded":
            ("Lambda could not create a network interface for the function: the VPC has reached its quota of Lambda network interfaces (one per subnet and security-group combination).",
             "Share subnet and security-group combinations between functions, remove unused ones, or ask for a higher quota of network interfaces per VPC; then update the function.",
             ["VpcConfig"])
        case "SubnetOutOfIPAddresses":
            ("The function's subnets have no free IP address left for a Lambda network interface.",
             "Free addresses in the subnets, or add subnets with room to VpcConfig.SubnetIds, then deploy (or update the function).",
             ["VpcConfig", "SubnetIds"])
        case "InvalidSubnet":
            ("A subnet of the function's VpcConfig no longer exists, or is not in the VPC of its security groups.",
             "Fix VpcConfig.SubnetIds (a subnet deleted outside CloudFormation, or one of another VPC) and deploy.",
             ["VpcConfig", "SubnetIds"])
        case "InvalidSecurityGroup":
            ("A security group of the function's VpcConfig no longer exists, or is in another VPC than its subnets.",
             "Fix VpcConfig.SecurityGroupIds and deploy.",
             ["VpcConfig", "SecurityGroupIds"])
        case "InsufficientRolePermissions":
            ("Lambda cannot use the execution role for what the function needs (for a VPC function: ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces and ec2:DeleteNetworkInterface, as in AWSLambdaVPCAccessExecutionRole), or cannot assume the role.",
             "Grant the role the permissions (and lambda.amazonaws.com in its trust policy), then update the function.",
             ["Role"])
        default:
            ("Lambda reports \(code)" + (reason.map { ": \($0)" } ?? "") + ".",
             "Fix what Lambda names, then update the function.", [])
        }
        add(DriftRules.functionFailed, "\(what) (\(code))", resource: resource, path: path, expected: "Active",
            actual: "\(actual.state ?? "?")" + (actual.lastUpdateStatus.map { ", last update \($0)" } ?? "") + " (\(code))",
            explanation: explanation + ((reason != nil && !explanation.contains(reason ?? "")) ? " Lambda says: \(reason ?? "")" : ""),
            remedy: remedy)
    }
}
