import CFNCore
import CFNLoader
import CFNReporters

/// A plan made by hand, for the plan renderers: every action, a ripple through a replaced layer,
/// a conditional replacement, storage transitions both ways, unknown sizes, new and reclaimed
/// network interfaces, and findings located in HEAD.
enum PlanSample {
    static let head = """
        Resources:
          Api:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Ref ApiName
          Orders:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: orders

        """

    /// Where `text` first occurs in `head`, as a byte range.
    static func range(of text: String) -> SourceRange {
        let bytes = Array(head.utf8)
        let needle = Array(text.utf8)
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
            return SourceRange(start: UInt32(start), end: UInt32(start + needle.count))
        }
        return SourceRange(start: 0, end: 0)
    }

    static let findings = [
        Finding(rule: "lambda.storage-mode-version", severity: .warning,
                message: "S3ObjectStorageMode REFERENCE without S3ObjectVersion", range: range(of: "orders"),
                resource: "Orders", resourceType: "AWS::Lambda::Function",
                path: ["Resources", "Orders", "Properties", "FunctionName"]),
        Finding(rule: "plan.example", severity: .error, message: "Api is replaced | keeps its name",
                range: range(of: "!Ref ApiName"), resource: "Api", resourceType: "AWS::Lambda::Function",
                path: ["Resources", "Api", "Properties", "FunctionName"]),
    ]

    static let extras = "arn:aws:lambda:eu-west-1:123456789012:layer:extras:3"

    /// Made anew on each use: a `static let` would keep its values for the process's lifetime, and
    /// LeakSanitizer cannot follow the tagged pointers of indirect enum payloads held by a global.
    static var plan: Plan { Plan(
        changes: [
            ResourceChange(logicalId: "Api", type: "AWS::Lambda::Function", action: .replace, conditional: true,
                           causes: ["FunctionName"],
                           details: [ChangeDetail(path: "FunctionName", before: .string("api"), after: .unknown(dependsOn: ["ApiName"]),
                                                  reason: .parameter, requiresReplacement: .conditional)]),
            ResourceChange(logicalId: "Deps", type: "AWS::Lambda::LayerVersion", action: .replace, causes: ["Content/S3Key"],
                           details: [ChangeDetail(path: "Content/S3Key", before: .string("layers/deps-1.zip"), after: .string("layers/deps-2.zip"),
                                                  reason: .direct, requiresReplacement: .always)],
                           storageDeltaBytes: 1_048_576),
            ResourceChange(logicalId: "DepsPermission", type: "AWS::Lambda::LayerVersionPermission", action: .replace,
                           causes: ["LayerVersionArn"],
                           details: [ChangeDetail(path: "LayerVersionArn", before: .unknown(dependsOn: ["Deps"]),
                                                  after: .replacement(of: "Deps"), reason: .reference,
                                                  requiresReplacement: .always, referencedResource: "Deps")]),
            ResourceChange(logicalId: "Legacy", type: "AWS::Lambda::Function", action: .delete, storageDeltaBytes: -3_145_728),
            ResourceChange(logicalId: "Orders", type: "AWS::Lambda::Function", action: .update,
                           causes: ["Code/S3ObjectStorageMode", "Layers"],
                           details: [
                               ChangeDetail(path: "Code/S3ObjectStorageMode", before: nil, after: .string("REFERENCE"),
                                            reason: .direct, requiresReplacement: .never),
                               ChangeDetail(path: "Layers", before: .list([.unknown(dependsOn: ["Deps"]), .string(extras)]),
                                            after: .list([.replacement(of: "Deps"), .string(extras)]), reason: .reference,
                                            requiresReplacement: .never, referencedResource: "Deps"),
                           ],
                           storageDeltaBytes: -10_485_760),
            ResourceChange(logicalId: "Reports", type: "AWS::Lambda::Function", action: .create, conditional: true,
                           storageDeltaBytes: 5_242_880),
            ResourceChange(logicalId: "Role", type: "AWS::IAM::Role", action: .none),
            ResourceChange(logicalId: "Worker", type: "AWS::Lambda::Function", action: .update,
                           causes: ["Code/S3ObjectStorageMode", "MemorySize", "VpcConfig"],
                           details: [
                               ChangeDetail(path: "Code/S3ObjectStorageMode", before: .string("REFERENCE"), after: nil,
                                            reason: .direct, requiresReplacement: .never),
                               ChangeDetail(path: "MemorySize", before: .number("512"), after: .number("1024"), reason: .parameter,
                                            requiresReplacement: .never),
                               ChangeDetail(path: "VpcConfig", before: nil,
                                            after: .map([.init(key: "SecurityGroupIds", value: .list([.string("sg-0a1b")])),
                                                         .init(key: "SubnetIds", value: .list([.string("subnet-0a1b"), .string("subnet-0c2d")]))]),
                                            reason: .direct, requiresReplacement: .never),
                           ]),
        ],
        transitions: [
            StorageTransition(logicalId: "Orders", from: .copy, to: .reference, deltaBytes: -10_485_760),
            StorageTransition(logicalId: "Worker", from: .reference, to: .copy, deltaBytes: nil),
        ],
        storage: StorageSummary(quotaBytes: StorageSummary.defaultQuotaBytes, usageBeforeBytes: 1_073_741_824,
                                deltaBytes: -7_340_032, usageAfterBytes: 1_066_401_792, exceedsQuota: false,
                                unknownSizes: ["s3://orders-artifacts/worker.zip?versionId=v7"]),
        enis: ENISummary(
            create: [ENICombination(subnetId: "subnet-0a1b", securityGroupIds: ["sg-0a1b"], functions: ["Worker"]),
                     ENICombination(subnetId: "subnet-0c2d", securityGroupIds: ["sg-0a1b"], functions: ["Worker"])],
            reclaim: [ENICombination(subnetId: "subnet-0a1b", securityGroupIds: ["sg-9", "sg-8"], functions: ["Legacy"])],
            unknown: ["Api"]),
        findings: findings) }

    static func run(_ plan: Plan? = plan, base: String? = "base.yaml", otherReports: [FileReport] = []) -> PlanRun {
        PlanRun(plan: plan, head: "head.yaml", headSource: SourceText(bytes: Array(head.utf8)), base: base,
                otherReports: otherReports)
    }

    /// A plan in which nothing changes.
    static let unchanged = Plan(
        changes: [ResourceChange(logicalId: "Fn", type: "AWS::Lambda::Function", action: .none)], transitions: [],
        storage: StorageSummary(quotaBytes: StorageSummary.defaultQuotaBytes, usageBeforeBytes: nil, deltaBytes: 0,
                                usageAfterBytes: nil, exceedsQuota: nil, unknownSizes: []),
        enis: ENISummary(create: [], reclaim: [], unknown: []), findings: [])
}
