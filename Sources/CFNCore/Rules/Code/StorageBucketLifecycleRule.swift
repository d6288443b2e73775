import CFNLoader

/// Self-managed code under a lifecycle rule that moves it to a Glacier storage class.
public struct StorageBucketLifecycleRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.storage-bucket-lifecycle", severity: .warning,
        summary: "Self-managed S3 code storage under a lifecycle rule that moves the code to Glacier",
        explanation: "Self-managed S3 code storage \"is compatible with all S3 storage classes except Glacier storage classes\", and Lambda keeps reading the object after deployment: a function whose code it cannot read becomes Inactive (Lambda Developer Guide, Self-managed S3 code storage; seed lambda-self-managed-s3-code-storage.txt). Judged when the code's bucket is declared in the same template: an Enabled LifecycleConfiguration rule whose Prefix (none means every object) covers S3Key and that transitions objects, or noncurrent versions (the pinned version becomes noncurrent when a newer one is uploaded), to GLACIER, GLACIER_IR or DEEP_ARCHIVE. Rules with TagFilters or object size limits are not judged (the object's tags and size are not known). Reported at the function's or layer's S3Key.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n      LifecycleConfiguration:\n        Rules:\n          - Id: archive\n            Status: Enabled\n            Prefix: functions/\n            Transitions:\n              - {StorageClass: STANDARD_IA, TransitionInDays: 30}\n              - {StorageClass: GLACIER, TransitionInDays: 90}\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: ↓functions/fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: code-bucket\n      VersioningConfiguration: {Status: Enabled}\n      LifecycleConfiguration:\n        Rules:\n          - Status: Enabled\n            NoncurrentVersionTransitions:\n              - {StorageClass: DEEP_ARCHIVE, TransitionInDays: 180}\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: {S3Bucket: code-bucket, S3Key: ↓layer.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n",
        ],
        nonTriggering: [
            "Parameters:\n  Prefix: {Type: String}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n      LifecycleConfiguration:\n        Rules:\n          - {Status: Enabled, Prefix: logs/, Transition: {StorageClass: GLACIER, TransitionInDays: 30}}\n          - {Status: Disabled, Transition: {StorageClass: GLACIER, TransitionInDays: 30}}\n          - {Status: Enabled, Transition: {StorageClass: STANDARD_IA, TransitionInDays: 30}}\n          - {Status: Enabled, Prefix: !Ref Prefix, Transition: {StorageClass: GLACIER_IR, TransitionInDays: 30}}\n          - {Status: Enabled, TagFilters: [{Key: tier, Value: cold}], Transition: {StorageClass: GLACIER, TransitionInDays: 30}}\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: functions/fn.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}\n  Copied:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Code: {S3Bucket: !Ref Bucket, S3Key: logs/fn.zip}\n",
        ])

    static let glacierClasses: Set<String> = ["GLACIER", "Glacier", "GLACIER_IR", "DEEP_ARCHIVE"]
    /// Lifecycle rule keys that narrow a rule by what is not known about the object.
    static let unknownFilters = ["TagFilters", "ObjectSizeGreaterThan", "ObjectSizeLessThan"]
    static let transitions: [(key: String, noncurrent: Bool)] = [
        ("Transition", false), ("Transitions", false), ("NoncurrentVersionTransition", true), ("NoncurrentVersionTransitions", true),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<Finding> = []
        for code in SelfManagedCode.all(in: context, valued: ["S3Bucket", "S3Key"]) where code.isInS3 {
            guard let key = code.key?.text else { continue }
            for bucket in CodeBucket.of(code, in: context) {
                guard let resource = bucket.resource else { continue }
                for (conditions, rules) in context.reachable(resource, "LifecycleConfiguration", "Rules") {
                    let joint = bucket.guardCondition.and(conditions)
                    guard context.conditionSet.isSatisfiable(joint), let elements = rules?.elements else { continue }
                    for (index, element) in elements.enumerated() {
                        for rule in GuardedValue.items(of: element, under: joint, in: context) where rule.value.entries != nil {
                            guard let (hit, storageClass, noncurrent, prefix) = glacierTransition(rule, key: key, context) else { continue }
                            let name = rule.value["Id"]?.text.map { "'\($0)'" } ?? "Rules[\(index)]"
                            let objects = noncurrent ? "noncurrent versions" : "objects"
                            let scope = prefix.isEmpty ? "every object" : "prefix '\(prefix)'"
                            let message = hit.qualifying(
                                "lifecycle rule \(name) of \(bucket.what) moves \(objects) under \(scope), including \(key), to \(storageClass); self-managed S3 code storage does not work with Glacier storage classes: exclude the code from the rule or use another storage class")
                            let finding = context.finding(Self.descriptor, message, at: code.key?.node, in: code.resource, path: code.path("S3Key"))
                            if seen.insert(finding).inserted { findings.append(finding) }
                        }
                    }
                }
            }
        }
        return findings
    }

    /// The first transition to a Glacier class of an Enabled rule whose prefix covers `key`, with
    /// the guard it holds under, the class, whether it moves noncurrent versions, and the prefix.
    func glacierTransition(_ rule: GuardedValue, key: String, _ context: RuleContext) -> (Guard, String, Bool, String)? {
        let keys: [(String, KeyCombination.Mode)] = [("Status", .value), ("Prefix", .value)]
            + Self.unknownFilters.map { ($0, .presence) }
        for combination in KeyCombination.of(rule.value, keys: keys, under: rule.guardCondition, in: context) {
            guard combination["Status"]?.text == "Enabled",
                  !Self.unknownFilters.contains(where: { combination[$0] != nil }) else { continue }
            var prefix = ""
            if let value = combination["Prefix"] {
                guard let text = value.text else { continue }  // not known: not judged
                prefix = text
            }
            guard key.hasPrefix(prefix) else { continue }
            for (field, noncurrent) in Self.transitions {
                for transition in GuardedValue.items(of: rule.value[field], under: combination.guardCondition, in: context)
                where transition.value.entries != nil {
                    for storage in GuardedValue.items(of: transition.value["StorageClass"], under: transition.guardCondition, in: context) {
                        if let text = storage.value.text, Self.glacierClasses.contains(text) {
                            return (storage.guardCondition, text, noncurrent, prefix)
                        }
                    }
                }
            }
        }
        return nil
    }
}
