import CFNCore
import CFNLoader
import Testing

// Sizes used below: fn-1 10 MB, fn-2 20 MB, deps-1 5 MB, deps-2 6 MB (binary MB, as AWS counts).
private let sizesJSON = """
    {"s3://code/fn-1.zip": 10485760, "s3://code/fn-2.zip": 20971520,
     "s3://code/deps-1.zip": 5242880, "s3://code/deps-2.zip": 6291456}
    """

private let quota = StorageSummary.defaultQuotaBytes
private let gigabyte: Int64 = 1_073_741_824

/// A function resource: `Code` on line 8 of a one-resource template (plus one line per attribute
/// and extra property, which come before it).
private func function(_ id: String, _ code: String, attributes: [String] = [], properties: [String] = []) -> String {
    var lines = ["  \(id):", "    Type: AWS::Lambda::Function"] + attributes.map { "    " + $0 }
    lines += ["    Properties:", "      Runtime: python3.12", "      Handler: app.handler",
              "      Role: arn:aws:iam::123456789012:role/r"] + properties.map { "      " + $0 } + ["      Code: \(code)"]
    return lines.joined(separator: "\n") + "\n"
}

private func layer(_ id: String, _ content: String, attributes: [String] = []) -> String {
    (["  \(id):", "    Type: AWS::Lambda::LayerVersion"] + attributes.map { "    " + $0 }
        + ["    Properties:", "      LayerName: deps", "      Content: \(content)"]).joined(separator: "\n") + "\n"
}

private func template(_ resources: String..., header: String = "") -> String {
    header + "Resources:\n" + resources.joined()
}

private let topicOnly = template("  Topic: {Type: AWS::SNS::Topic}\n")

/// Plans BASE → HEAD's code storage; findings as `rule line:column path :: message` in HEAD.
private func storage(_ baseText: String?, _ headText: String, sizes: String = sizesJSON, basis: QuotaBasis = .unzipped,
                     account: AccountSettings = AccountSettings(), measure: @escaping @Sendable (String) -> MeasuredAsset? = { _ in nil },
                     head headSettings: ValidationSettings = ValidationSettings()) throws -> (plan: StoragePlan, findings: [String]) {
    let loaded = LoadedTemplate(bytes: Array(headText.utf8))
    let head = RuleContext(template: try #require(loaded.template), settings: headSettings)
    var base: RuleContext?
    if let baseText {
        base = RuleContext(template: try #require(LoadedTemplate(bytes: Array(baseText.utf8)).template), settings: ValidationSettings())
    }
    let parsed = ArtifactSizes.parse(Array(sizes.utf8))
    #expect(parsed.findings.isEmpty)
    let planner = StoragePlanner(base: base, head: head, changes: ResourcePlanner(base: base, head: head).changes(),
                                 sizes: CodeSizes(artifacts: parsed.sizes, measureHead: measure),
                                 options: StorageOptions(quotaBasis: basis, account: account))
    let plan = planner.plan()
    let findings = plan.findings.map { finding in
        "\(finding.rule) \(loaded.source.lineColumn(at: finding.range.start)) \(finding.pathString ?? "-") :: \(finding.message)"
    }
    return (plan, findings)
}

/// `added`: what creates and updates add before the cleanup phase (by default the delta itself).
private func summary(before: Int64? = nil, delta: Int64, exceeds: Bool? = nil, unknown: [String] = [],
                     quota: Int64 = quota, added: Int64? = nil) -> StorageSummary {
    StorageSummary(quotaBytes: quota, usageBeforeBytes: before, deltaBytes: delta,
                   usageAfterBytes: before.map { $0 + delta }, exceedsQuota: exceeds, unknownSizes: unknown,
                   usagePeakBytes: before.map { $0 + (added ?? max(delta, 0)) })
}

private func transition(_ id: String, _ from: StorageTransition.Mode, _ to: StorageTransition.Mode, _ delta: Int64?) -> StorageTransition {
    StorageTransition(logicalId: id, from: from, to: to, deltaBytes: delta)
}

private let copy1 = "{S3Bucket: code, S3Key: fn-1.zip}"
private let copy2 = "{S3Bucket: code, S3Key: fn-2.zip}"
private let reference1 = "{S3Bucket: code, S3Key: fn-1.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}"

@Suite struct StoragePlanTests {
    // MARK: Deltas

    @Test func createCountsCopyOnly() throws {
        let head = template(function("Fn", copy1), function("Ref", reference1),
                            function("Image", "{ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}", properties: ["PackageType: Image"]))
        let (plan, findings) = try storage(nil, head)
        #expect(plan.deltas == ["Fn": 10_485_760, "Image": 0, "Ref": 0])
        #expect(plan.transitions.isEmpty)
        // Without --account-settings the usage before is not known, and neither is the outcome.
        #expect(plan.summary == summary(delta: 10_485_760))
        #expect(findings.isEmpty)
    }

    @Test func deleteFreesUnlessRetained() throws {
        let base = template(function("Fn", copy1), function("Kept", copy2, attributes: ["DeletionPolicy: Retain"]),
                            function("KeptOnCreate", copy2, attributes: ["DeletionPolicy: RetainExceptOnCreate"]),
                            function("Ref", reference1))
        let (plan, _) = try storage(base, topicOnly, account: AccountSettings(totalCodeSizeUsage: gigabyte))
        #expect(plan.deltas == ["Fn": -10_485_760, "Kept": 0, "KeptOnCreate": 0, "Ref": 0])
        #expect(plan.summary == summary(before: gigabyte, delta: -10_485_760, exceeds: false))
        #expect(plan.summary.usageAfterBytes == 1_063_256_064)
    }

    @Test func codeChangeUnderCopyRemovesOldAndAddsNew() throws {
        let (plan, _) = try storage(template(function("Fn", copy1)), template(function("Fn", copy2)))
        #expect(plan.deltas == ["Fn": 20_971_520 - 10_485_760])
        #expect(plan.transitions.isEmpty)
    }

    @Test func copyToReferenceFreesTheCopy() throws {
        let (plan, _) = try storage(template(function("Fn", copy1)), template(function("Fn", reference1)),
                                    account: AccountSettings(totalCodeSizeUsage: gigabyte))
        #expect(plan.deltas == ["Fn": -10_485_760])
        #expect(plan.transitions == [transition("Fn", .copy, .reference, -10_485_760)])
        #expect(plan.summary == StorageSummary(quotaBytes: 322_122_547_200, usageBeforeBytes: 1_073_741_824, deltaBytes: -10_485_760,
                                               usageAfterBytes: 1_063_256_064, exceedsQuota: false, unknownSizes: [],
                                               usagePeakBytes: 1_063_256_064))
    }

    @Test func referenceToCopyStoresTheCode() throws {
        let head = reference1.replacingOccurrences(of: "REFERENCE", with: "COPY")
        let (plan, _) = try storage(template(function("Fn", reference1)), template(function("Fn", head)))
        #expect(plan.deltas == ["Fn": 10_485_760])
        #expect(plan.transitions == [transition("Fn", .reference, .copy, 10_485_760)])
    }

    @Test func droppingTheStorageModeSwitchesToCopy() throws {
        // REFERENCE must be given on every update: without it the code is copied again.
        let (plan, _) = try storage(template(function("Fn", reference1)),
                                    template(function("Fn", "{S3Bucket: code, S3Key: fn-1.zip, S3ObjectVersion: v1}")))
        #expect(plan.deltas == ["Fn": 10_485_760])
        #expect(plan.transitions == [transition("Fn", .reference, .copy, 10_485_760)])
    }

    @Test func referenceCodeChangeAndOtherUpdatesStoreNothing() throws {
        let base = template(function("Ref", reference1), function("Fn", copy1))
        let head = template(function("Ref", reference1.replacingOccurrences(of: "v1", with: "v2")),
                            function("Fn", copy1, properties: ["Timeout: 30"]))
        let (plan, _) = try storage(base, head)
        #expect(plan.deltas == ["Fn": 0, "Ref": 0])
        #expect(plan.transitions.isEmpty)
        #expect(plan.summary == summary(delta: 0))
    }

    @Test func replacementAddsNewAndRemovesOldUnlessRetained() throws {
        let base = template(function("Fn", copy1, properties: ["FunctionName: orders"]),
                            function("Kept", copy1, properties: ["FunctionName: kept"]))
        let head = template(function("Fn", copy2, properties: ["FunctionName: orders-v2"]),
                            function("Kept", copy2, attributes: ["UpdateReplacePolicy: Retain"], properties: ["FunctionName: kept-v2"]))
        let (plan, _) = try storage(base, head)
        #expect(plan.deltas == ["Fn": 20_971_520 - 10_485_760, "Kept": 20_971_520])
    }

    @Test func changedLayerPublishesANewVersionAndDeletesTheOld() throws {
        let base = template(layer("Layer", "{S3Bucket: code, S3Key: deps-1.zip}"),
                            layer("Kept", "{S3Bucket: code, S3Key: deps-1.zip}"),
                            function("Fn", copy1, properties: ["Layers: [!Ref Layer]"]))
        let head = template(layer("Layer", "{S3Bucket: code, S3Key: deps-2.zip}"),
                            layer("Kept", "{S3Bucket: code, S3Key: deps-2.zip}", attributes: ["UpdateReplacePolicy: Retain"]),
                            function("Fn", copy1, properties: ["Layers: [!Ref Layer]"]))
        let (plan, _) = try storage(base, head)
        // The function is updated (its Layers get the new version ARN); its code is not touched.
        #expect(plan.deltas == ["Fn": 0, "Kept": 6_291_456, "Layer": 6_291_456 - 5_242_880])
        #expect(plan.transitions.isEmpty)
    }

    @Test func layerSwitchedToReferenceIsATransition() throws {
        let (plan, _) = try storage(
            template(layer("Layer", "{S3Bucket: code, S3Key: deps-1.zip}")),
            template(layer("Layer", "{S3Bucket: code, S3Key: deps-1.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}")))
        #expect(plan.deltas == ["Layer": -5_242_880])
        #expect(plan.transitions == [transition("Layer", .copy, .reference, -5_242_880)])
    }

    // MARK: Sizes

    @Test func unknownSizesAreListedAndMakeTheTotalALowerBound() throws {
        let header = "Parameters:\n  Bucket: {Type: String}\n"
        let base = template(function("Old", "{S3Bucket: code, S3Key: old.zip}"))
        let head = template(function("Known", copy1), function("Missing", "{S3Bucket: code, S3Key: fn-9.zip}"),
                            function("Pinned", "{S3Bucket: code, S3Key: fn-9.zip, S3ObjectVersion: v3}"),
                            function("FromParameter", "{S3Bucket: !Ref Bucket, S3Key: fn-1.zip}"),
                            function("Old", "{S3Bucket: code, S3Key: old.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}"),
                            header: header)
        let (plan, _) = try storage(base, head, account: AccountSettings(totalCodeSizeUsage: gigabyte))
        #expect(plan.deltas == ["FromParameter": nil, "Known": 10_485_760, "Missing": nil, "Old": nil, "Pinned": nil])
        // The switch is certain even though the size it frees is not known.
        #expect(plan.transitions == [transition("Old", .copy, .reference, nil)])
        #expect(plan.summary == summary(before: gigabyte, delta: 10_485_760, exceeds: nil, unknown: [
            "FromParameter", "s3://code/fn-9.zip", "s3://code/fn-9.zip?versionId=v3", "s3://code/old.zip",
        ]))
    }

    @Test func theEntryForThePinnedVersionWins() throws {
        let sizes = #"{"s3://code/app.zip": 10485760, "s3://code/app.zip?versionId=v2": 20971520}"#
        let head = template(function("Pinned", "{S3Bucket: code, S3Key: app.zip, S3ObjectVersion: v2}"),
                            function("OtherVersion", "{S3Bucket: code, S3Key: app.zip, S3ObjectVersion: v1}"),
                            function("Unpinned", "{S3Bucket: code, S3Key: app.zip}"))
        let (plan, _) = try storage(nil, head, sizes: sizes)
        #expect(plan.deltas == ["OtherVersion": 10_485_760, "Pinned": 20_971_520, "Unpinned": 10_485_760])
    }

    @Test(arguments: [
        (QuotaBasis.unzipped, ["App": Int64(31_457_280), "Half": nil, "One": 5_242_880] as [String: Int64?], ["s3://code/half.zip"]),
        (QuotaBasis.zipped, ["App": 10_485_760, "Half": 1_048_576, "One": 5_242_880], []),
    ])
    func quotaBasisPicksZippedOrUnzipped(_ basis: QuotaBasis, _ deltas: [String: Int64?], _ unknown: [String]) throws {
        let sizes = #"""
            {"s3://code/app.zip": {"zipped": 10485760, "unzipped": 31457280}, "s3://code/one.zip": 5242880,
             "s3://code/half.zip": {"zipped": 1048576}}
            """#
        let head = template(function("App", "{S3Bucket: code, S3Key: app.zip}"), function("One", "{S3Bucket: code, S3Key: one.zip}"),
                            function("Half", "{S3Bucket: code, S3Key: half.zip}"))
        let (plan, _) = try storage(nil, head, sizes: sizes, basis: basis)
        #expect(plan.deltas == deltas)
        #expect(plan.summary.unknownSizes == unknown)
    }

    @Test func inlineZipFileCountsItsUTF8Bytes() throws {
        let (plan, _) = try storage(nil, template(function("Fn", #"{ZipFile: "def handler(e, c): return 'é'"}"#)))
        #expect(plan.deltas == ["Fn": 30])
    }

    @Test func containerImagesDoNotCount() throws {
        let image = "{ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}"
        let base = template(function("Image", image, properties: ["PackageType: Image"]),
                            function("Gone", image, properties: ["PackageType: Image"]))
        let head = template(function("Image", image.replacingOccurrences(of: "fn:1", with: "fn:2"), properties: ["PackageType: Image"]))
        let (plan, _) = try storage(base, head)
        #expect(plan.deltas == ["Gone": 0, "Image": 0])
        #expect(plan.summary == summary(delta: 0))
    }

    @Test func localPathsAreMeasuredByTheCaller() throws {
        // `aws cloudformation package` input: a path or an S3 URL as Code/Content.
        let head = template(function("Folder", "./src/orders"), function("Url", "s3://code/fn-2.zip"),
                            function("Missing", "build/missing.zip"), layer("Layer", "layer.zip"))
        let measured: [String: MeasuredAsset] = [
            "./src/orders": MeasuredAsset(packaging: .zipDirectory, zippedBytes: 1500, unzippedBytes: 4096, zippedEstimated: true),
            "layer.zip": MeasuredAsset(packaging: .file, zippedBytes: 2048, unzippedBytes: 5000),
        ]
        let (plan, _) = try storage(nil, head, measure: { measured[$0] })
        #expect(plan.deltas == ["Folder": 4096, "Layer": 5000, "Missing": nil, "Url": 20_971_520])
        #expect(plan.summary.unknownSizes == ["build/missing.zip"])
        #expect(plan.summary.estimatedSizes.isEmpty)
        // On the zipped basis a folder counts the zip estimated for it, and says so.
        let (zipped, _) = try storage(nil, head, basis: .zipped, measure: { measured[$0] })
        #expect(zipped.deltas == ["Folder": 1500, "Layer": 2048, "Missing": nil, "Url": 20_971_520])
        #expect(zipped.summary.estimatedSizes == ["Folder"])
    }

    @Test func aSAMCodeUriIsMeasuredAsTheLocalPathItIs() throws {
        // SAM turns `CodeUri: src/` into a stand-in S3 location; the plan measures the folder.
        let head = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, AutoPublishAlias: live}
              Other:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: missing/}
            """
        let measured = ["src/": MeasuredAsset(packaging: .zipDirectory, zippedBytes: 1500, unzippedBytes: 4096, zippedEstimated: true)]
        let loaded = LoadedTemplate(bytes: Array(head.utf8))
        let template = try #require(loaded.template)
        let expanded = try #require(SAMTransform.expand(template, parameters: [:]).template)
        let context = RuleContext(template: expanded, settings: ValidationSettings())
        let planner = StoragePlanner(base: nil, head: context, changes: ResourcePlanner(base: nil, head: context).changes(),
                                     sizes: CodeSizes(measureHead: { measured[$0] }), options: StorageOptions(quotaBasis: .zipped))
        let plan = planner.plan()
        // The function and the version AutoPublishAlias publishes each store a copy.
        let version = try #require(plan.deltas.keys.first { $0.hasPrefix("FnVersion") })
        #expect(plan.deltas == ["Fn": 1500, version: 1500, "Other": nil])
        #expect(plan.summary.unknownSizes == ["missing/"])
        #expect(plan.summary.estimatedSizes == ["Fn", version])
    }

    // MARK: Conditions

    static let conditions = "Parameters:\n  Env: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"

    @Test func unknownConditionsMakeDeltasUnknownUnlessEveryBranchAgrees() throws {
        let base = template(function("Mode", copy1), header: Self.conditions)
        let head = template(function("Maybe", copy1, attributes: ["Condition: IsProd"]),
                            function("MaybeReference", reference1, attributes: ["Condition: IsProd"]),
                            function("Mode", "{S3Bucket: code, S3Key: fn-1.zip, S3ObjectVersion: v1, S3ObjectStorageMode: !If [IsProd, REFERENCE, COPY]}"),
                            header: Self.conditions)
        let (plan, _) = try storage(base, head)
        // Maybe: 0 or +10 MB; MaybeReference: 0 either way; Mode: −10 MB (REFERENCE) or 0 (COPY again).
        #expect(plan.deltas == ["Maybe": nil, "MaybeReference": 0, "Mode": nil])
        #expect(plan.transitions.isEmpty)
        #expect(plan.summary == summary(delta: 0, unknown: ["Maybe", "Mode"]))

        let known = try storage(base, head, head: ValidationSettings(parameters: ["Env": "prod"])).plan
        #expect(known.deltas == ["Maybe": 10_485_760, "MaybeReference": 0, "Mode": -10_485_760])
        #expect(known.transitions == [transition("Mode", .copy, .reference, -10_485_760)])
    }

    @Test func unknownRetainPolicyIsNotGuessed() throws {
        let base = template(function("Fn", copy1, attributes: ["DeletionPolicy: !If [IsProd, Retain, Delete]"]), header: Self.conditions)
        let (plan, _) = try storage(base, topicOnly)
        #expect(plan.deltas == ["Fn": nil])
        #expect(plan.summary.unknownSizes == ["Fn"])
    }

    // MARK: Quota

    @Test func quotaNotExceeded() throws {
        // Exactly at the quota afterwards is not over it.
        let (plan, findings) = try storage(nil, template(function("Fn", copy1)),
                                           account: AccountSettings(totalCodeSizeUsage: quota - 10_485_760))
        #expect(plan.summary == summary(before: quota - 10_485_760, delta: 10_485_760, exceeds: false))
        #expect(plan.summary.usageAfterBytes == quota)
        #expect(findings.isEmpty)
    }

    @Test func quotaExceededByACreate() throws {
        let (plan, findings) = try storage(nil, template(function("Fn", copy1)),
                                           account: AccountSettings(totalCodeSizeUsage: quota - 5_242_880))
        #expect(plan.summary == summary(before: quota - 5_242_880, delta: 10_485_760, exceeds: true))
        #expect(findings == [
            "plan.code-storage-quota 8:13 Resources/Fn/Properties/Code :: creating function Fn adds 10485760 bytes (10.0 MiB) to Lambda-managed code storage; this deployment takes it to 322127790080 bytes, 5242880 bytes (5.0 MiB) over the account's quota of 322122547200 bytes (300.0 GiB) (usage before: 322117304320 bytes); Lambda refuses code beyond the quota and the deployment fails",
        ])
    }

    @Test func deletionsFreeStorageOnlyAfterCreates() throws {
        let base = template(function("Old", copy1))
        let head = template(function("New", copy1))
        let (plan, findings) = try storage(base, head, account: AccountSettings(totalCodeSizeUsage: quota - 5_242_880))
        #expect(plan.deltas == ["New": 10_485_760, "Old": -10_485_760])
        // The summary judges the peak as the finding does: over the quota before the cleanup phase.
        #expect(plan.summary == summary(before: quota - 5_242_880, delta: 0, exceeds: true, added: 10_485_760))
        #expect(findings == [
            "plan.code-storage-quota 8:13 Resources/New/Properties/Code :: creating function New adds 10485760 bytes (10.0 MiB) to Lambda-managed code storage; this deployment takes it to 322127790080 bytes, 5242880 bytes (5.0 MiB) over the account's quota of 322122547200 bytes (300.0 GiB) (usage before: 322117304320 bytes); Lambda refuses code beyond the quota and the deployment fails (the storage this plan frees is freed only in the cleanup phase, after every create and update)",
        ])
    }

    @Test func switchingToCopyFailsOverTheQuota() throws {
        let explicit = reference1.replacingOccurrences(of: "REFERENCE", with: "COPY")
        let base = template(function("Explicit", reference1), function("Dropped", reference1))
        let head = template(function("Explicit", explicit), function("Dropped", "{S3Bucket: code, S3Key: fn-1.zip, S3ObjectVersion: v1}"))
        let (plan, findings) = try storage(base, head, account: AccountSettings(totalCodeSizeUsage: quota))
        #expect(plan.transitions == [transition("Dropped", .reference, .copy, 10_485_760), transition("Explicit", .reference, .copy, 10_485_760)])
        #expect(plan.summary == summary(before: quota, delta: 20_971_520, exceeds: true))
        #expect(findings == [
            "plan.code-storage-quota 8:89 Resources/Explicit/Properties/Code/S3ObjectStorageMode :: switching function Explicit from REFERENCE to COPY adds 10485760 bytes (10.0 MiB) to Lambda-managed code storage; this deployment takes it to 322143518720 bytes, 20971520 bytes (20.0 MiB) over the account's quota of 322122547200 bytes (300.0 GiB) (usage before: 322122547200 bytes); Lambda refuses code beyond the quota and the deployment fails",
            "plan.code-storage-quota 15:13 Resources/Dropped/Properties/Code :: switching function Dropped from REFERENCE to COPY (Code has no S3ObjectStorageMode, which means COPY) adds 10485760 bytes (10.0 MiB) to Lambda-managed code storage; this deployment takes it to 322143518720 bytes, 20971520 bytes (20.0 MiB) over the account's quota of 322122547200 bytes (300.0 GiB) (usage before: 322122547200 bytes); Lambda refuses code beyond the quota and the deployment fails",
        ])
    }

    @Test func switchingToReferenceFreesStorageDuringTheDeployment() throws {
        let base = template(function("ToCopy", reference1), function("ToReference", copy2))
        let head = template(function("ToCopy", reference1.replacingOccurrences(of: "REFERENCE", with: "COPY")),
                            function("ToReference", "{S3Bucket: code, S3Key: fn-2.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}"))
        let (plan, findings) = try storage(base, head, account: AccountSettings(totalCodeSizeUsage: quota))
        #expect(plan.deltas == ["ToCopy": 10_485_760, "ToReference": -20_971_520])
        #expect(plan.summary == summary(before: quota, delta: -10_485_760, exceeds: false, added: -10_485_760))
        #expect(findings.isEmpty)
    }

    @Test func deltaAboveTheQuotaExceedsItWhateverTheUsageBefore() throws {
        let sizes = #"{"s3://code/huge.zip": 429496729600}"#
        let (plan, findings) = try storage(nil, template(function("Fn", "{S3Bucket: code, S3Key: huge.zip}")), sizes: sizes)
        #expect(plan.summary == summary(delta: 429_496_729_600, exceeds: true))
        #expect(findings == [
            "plan.code-storage-quota 8:13 Resources/Fn/Properties/Code :: creating function Fn adds 429496729600 bytes (400.0 GiB) to Lambda-managed code storage; this deployment takes it to 429496729600 bytes, 107374182400 bytes (100.0 GiB) over the account's quota of 322122547200 bytes (300.0 GiB) even from no usage before (AccountUsage.TotalCodeSize is not known); Lambda refuses code beyond the quota and the deployment fails",
        ])
    }

    // MARK: Unzipped size

    static let unzippedSizes = #"""
        {"s3://code/big.zip": {"zipped": 52428800, "unzipped": 209715200},
         "s3://code/small.zip": {"zipped": 2097152, "unzipped": 10485760},
         "s3://code/deps-big.zip": {"zipped": 10485760, "unzipped": 62914560},
         "s3://code/single.zip": 314572800}
        """#

    @Test func functionAndLayersAboveTheUnzippedLimitIsAnError() throws {
        let head = template(function("Big", "{S3Bucket: code, S3Key: big.zip}", properties: ["Layers: [!Ref Layer]"]),
                            function("Small", "{S3Bucket: code, S3Key: small.zip}", properties: ["Layers: [!Ref Layer]"]),
                            function("Single", "{S3Bucket: code, S3Key: single.zip}", properties: ["Layers: [!Ref Layer]"]),
                            layer("Layer", "{S3Bucket: code, S3Key: deps-big.zip}"))
        let (_, findings) = try storage(nil, head, sizes: Self.unzippedSizes)
        // Small is 70 MB with its layer; Single's 300 MB is one number, not known to be unzipped.
        #expect(findings == [
            "plan.code-size-unzipped 9:13 Resources/Big/Properties/Code :: function Big is 272629760 bytes (260.0 MiB) unzipped with its layers, above Lambda's limit of 262144000 bytes (250.0 MiB) for a function and its layers (code 209715200 bytes (200.0 MiB), layer Layer 62914560 bytes (60.0 MiB)); Lambda rejects the code",
        ])
        // The same template deployed again changes nothing and fails nothing.
        #expect(try storage(head, head, sizes: Self.unzippedSizes).findings.isEmpty)
    }

    @Test func unzippedLimitComesFromTheAccountSettings() throws {
        let head = template(function("Small", "{S3Bucket: code, S3Key: small.zip}"))
        let (_, findings) = try storage(nil, head, sizes: Self.unzippedSizes,
                                        account: AccountSettings(codeSizeUnzippedLimit: 5_242_880))
        #expect(findings == [
            "plan.code-size-unzipped 8:13 Resources/Small/Properties/Code :: function Small is 10485760 bytes (10.0 MiB) unzipped, above Lambda's limit of 5242880 bytes (5.0 MiB) for a function and its layers (code 10485760 bytes (10.0 MiB)); Lambda rejects the code",
        ])
    }

    // MARK: Input files

    @Test func artifactSizesFileProblemsAreLocated() {
        let text = """
            {"s3://code/a.zip": 100,
             "https://example.com/b.zip": 1,
             "s3://code/c.zip": -5,
             "s3://code/d.zip": {"zipped": 1, "size": 2},
             "s3://code/e.zip": {},
             "s3://code/f.zip?versionId=v1": {"zipped": 10, "unzipped": 30},
             "s3://code/g.zip": {"unzipped": 1.5}}
            """
        let source = SourceText(bytes: Array(text.utf8))
        let (sizes, findings) = ArtifactSizes.parse(Array(text.utf8))
        #expect(sizes == ArtifactSizes([
            S3Location(bucket: "code", key: "a.zip"): .bytes(100),
            S3Location(bucket: "code", key: "f.zip", versionId: "v1"): ArtifactSize(zipped: 10, unzipped: 30),
        ]))
        #expect(findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.message)" } == [
            "artifact-sizes.invalid 2:2 'https://example.com/b.zip' is not an S3 URL; write s3://bucket/key or s3://bucket/key?versionId=V",
            #"artifact-sizes.invalid 3:21 the size of 's3://code/c.zip' must be a byte count or {"zipped": N, "unzipped": M}"#,
            "artifact-sizes.invalid 4:35 unknown key 'size' in the size of 's3://code/d.zip'; expected zipped and unzipped",
            "artifact-sizes.invalid 5:21 the size of 's3://code/e.zip' gives neither zipped nor unzipped",
            "artifact-sizes.invalid 7:34 unzipped of 's3://code/g.zip' must be a byte count (a whole number, at least 0)",
        ])
    }

    @Test func artifactSizesFileThatIsNotAnObject() {
        let (sizes, findings) = ArtifactSizes.parse(Array("[1, 2]".utf8))
        #expect(sizes == ArtifactSizes())
        #expect(findings.map(\.message) == ["an artifact sizes file is a JSON object from S3 URLs (s3://bucket/key, optionally with ?versionId=V) to sizes in bytes"])
        #expect(ArtifactSizes.parse([]).findings.map { "\($0.rule) \($0.message)" } == ["artifact-sizes.invalid the file is empty"])
    }

    @Test func s3URLs() {
        #expect(S3Location(url: "s3://code/dir/fn.zip?versionId=v1") == S3Location(bucket: "code", key: "dir/fn.zip", versionId: "v1"))
        #expect(S3Location(url: "s3://code/what?.zip") == S3Location(bucket: "code", key: "what?.zip"))
        #expect(S3Location(url: "s3://code/") == nil)
        #expect(S3Location(url: "s3://code/fn.zip?versionId=") == nil)
        #expect(S3Location(url: "code/fn.zip") == nil)
    }

    @Test func accountSettingsAsTheCLIPrintsThem() {
        let text = """
            {
                "AccountLimit": {
                    "TotalCodeSize": 80530636800,
                    "CodeSizeUnzipped": 262144000,
                    "CodeSizeZipped": 52428800,
                    "ConcurrentExecutions": 1000,
                    "UnreservedConcurrentExecutions": 1000
                },
                "AccountUsage": {
                    "TotalCodeSize": 1073741824,
                    "FunctionCount": 12
                }
            }
            """
        let (settings, findings) = AccountSettings.parse(Array(text.utf8))
        #expect(settings == AccountSettings(totalCodeSizeLimit: 80_530_636_800, totalCodeSizeUsage: 1_073_741_824,
                                            codeSizeUnzippedLimit: 262_144_000))
        #expect(findings.isEmpty)
    }

    @Test func accountSettingsProblemsAreLocated() {
        let text = """
            {"AccountLimit": [],
             "AccountUsage": {"TotalCodeSize": "lots"}}
            """
        let source = SourceText(bytes: Array(text.utf8))
        let (settings, findings) = AccountSettings.parse(Array(text.utf8))
        #expect(settings == AccountSettings())
        #expect(findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.message)" } == [
            "account-settings.invalid 1:18 AccountLimit must be an object",
            "account-settings.invalid 2:36 AccountUsage.TotalCodeSize must be a byte count (a whole number, at least 0)",
        ])
        #expect(AccountSettings.parse(Array("{}".utf8)).findings.map(\.message)
                == ["the file has neither AccountLimit.TotalCodeSize nor AccountUsage.TotalCodeSize; give what `aws lambda get-account-settings` prints"])
    }
}
