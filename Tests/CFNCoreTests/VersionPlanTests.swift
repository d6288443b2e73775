import CFNCore
import CFNLoader
import Testing

// fn-1.zip is 10 MiB and fn-2.zip 20 MiB, zipped (the quota basis).
private let sizes = #"{"s3://code/fn-1.zip": 10485760, "s3://code/fn-2.zip": 20971520}"#
private let copy1 = "{S3Bucket: code, S3Key: fn-1.zip}"
private let copy2 = "{S3Bucket: code, S3Key: fn-2.zip}"
private let reference1 = "{S3Bucket: code, S3Key: fn-1.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}"

private func fn(_ code: String, extra: [String] = []) -> String {
    (["  Fn:", "    Type: AWS::Lambda::Function", "    Properties:", "      Runtime: python3.12", "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/r", "      Code: \(code)"] + extra.map { "      " + $0 }).joined(separator: "\n") + "\n"
}

private func version(_ id: String, attributes: [String] = [], properties: [String] = []) -> String {
    (["  \(id):", "    Type: AWS::Lambda::Version"] + attributes.map { "    " + $0 }
        + ["    Properties:", "      FunctionName: !Ref Fn"] + properties.map { "      " + $0 }).joined(separator: "\n") + "\n"
}

private func alias(of versionId: String) -> String {
    "  Live:\n    Type: AWS::Lambda::Alias\n    Properties:\n      FunctionName: !Ref Fn\n      Name: live\n"
        + "      FunctionVersion: !GetAtt \(versionId).Version\n"
}

/// The plan of BASE → HEAD with the sizes above; account usage 1 GiB when `usage`.
private func plan(_ base: String, _ head: String, usage: Int64? = nil) throws -> (plan: Plan, pair: PlanInputPair) {
    let pair = try PlanInputPair("Resources:\n" + base, "Resources:\n" + head)
    let options = PlanOptions(sizes: CodeSizes(artifacts: ArtifactSizes.parse(Array(sizes.utf8)).sizes),
                              storage: StorageOptions(account: AccountSettings(totalCodeSizeUsage: usage)))
    return (Planner(options: options).plan(base: pair.base, head: pair.head), pair)
}

/// Each resource as `ID action [retained] delta causes`.
private func lines(_ plan: Plan) -> [String] {
    plan.changes.map { change in
        var line = "\(change.logicalId) \(change.action.rawValue)"
        if change.retained != false { line += " retained:\(change.retained.map(String.init) ?? "?")" }
        line += " \(change.storageDeltaBytes.map(String.init) ?? "-")"
        if !change.causes.isEmpty { line += " " + change.causes.joined(separator: ",") }
        return line
    }
}

private func planFindings(_ result: (plan: Plan, pair: PlanInputPair)) -> [String] {
    result.pair.describe(result.plan.findings.filter { $0.rule.hasPrefix("plan.") })
}

@Suite struct VersionPlanTests {
    @Test func versionUnchangedWhileItsCodeChangesIsAWarning() throws {
        let result = try plan(fn(copy1) + version("V1") + alias(of: "V1"), fn(copy2) + version("V1") + alias(of: "V1"))
        // Only $LATEST changes: the version keeps its copy of fn-1.zip.
        #expect(lines(result.plan) == ["Fn update 10485760 Code/S3Key", "Live none -", "V1 none 0"])
        #expect(result.plan.storage.deltaBytes == 10_485_760)
        #expect(planFindings(result) == [
            "12:21 plan.version-not-published V1 Resources/V1/Properties/FunctionName: function Fn's code changes (Code/S3Key) "
                + "but version V1 is unchanged: CloudFormation publishes no new version, so V1 keeps the old code, and alias Live "
                + "keeps serving it; give the version a new logical ID with each code change (as SAM's AutoPublishAlias and the "
                + "CDK's currentVersion do), or change its Description or CodeSha256 with the code",
        ])
        // A change that leaves the code alone is not this rule's: a version snapshots settings too
        // (VersionConfigurationPlanTests).
        let memory = try plan(fn(copy1) + version("V1"), fn(copy1, extra: ["MemorySize: 512"]) + version("V1"))
        #expect(planFindings(memory).map { $0.split(separator: " ")[1] } == ["plan.version-config-not-published"])
    }

    @Test func newVersionWithTheOldOneRetained() throws {
        let base = fn(copy1) + version("V1", attributes: ["DeletionPolicy: Retain"]) + alias(of: "V1")
        let head = fn(copy2) + version("V2", attributes: ["DeletionPolicy: Retain"]) + alias(of: "V2")
        let result = try plan(base, head, usage: 1_073_741_824)
        // V1 leaves the stack and keeps its 10 MiB; V2 copies fn-2.zip; the alias moves in place.
        #expect(lines(result.plan) == ["Fn update 10485760 Code/S3Key", "Live update - FunctionVersion",
                                       "V1 delete retained:true 0", "V2 create 20971520"])
        #expect(result.plan.storage.deltaBytes == 31_457_280)
        #expect(result.plan.storage.usageAfterBytes == Int64(1_105_199_104))
        #expect(planFindings(result).isEmpty)
    }

    @Test func newVersionWithTheOldOneDeleted() throws {
        let result = try plan(fn(copy1) + version("V1") + alias(of: "V1"), fn(copy2) + version("V2") + alias(of: "V2"),
                              usage: 1_073_741_824)
        #expect(lines(result.plan) == ["Fn update 10485760 Code/S3Key", "Live update - FunctionVersion",
                                       "V1 delete -10485760", "V2 create 20971520"])
        #expect(result.plan.storage.deltaBytes == 20_971_520)
        // V1 is deleted in the cleanup phase, after V2 is published.
        #expect(result.plan.storage.usagePeakBytes == Int64(1_105_199_104))
    }

    @Test func aRetainedVersionGoesWithItsReplacedFunction() throws {
        let base = fn(copy1, extra: ["FunctionName: orders-a"]) + version("V1", attributes: ["DeletionPolicy: Retain"]) + alias(of: "V1")
        let head = fn(copy2, extra: ["FunctionName: orders-b"]) + version("V2", attributes: ["DeletionPolicy: Retain"]) + alias(of: "V2")
        let result = try plan(base, head, usage: 1_073_741_824)
        // Replacing Fn deletes the old function and with it every version, V1 included: its
        // DeletionPolicy keeps the resource out of CloudFormation's hands, not the code in Lambda.
        #expect(lines(result.plan) == ["Fn replace 10485760 Code/S3Key,FunctionName", "Live replace - FunctionName,FunctionVersion",
                                       "V1 delete retained:true -10485760", "V2 create 20971520"])
        #expect(result.plan.changes.first { $0.logicalId == "V1" }?.deletedWithFunction == "Fn")
        #expect(result.plan.storage.deltaBytes == 20_971_520)
        // The same with the old function kept by UpdateReplacePolicy: V1 stays, and counts.
        let keptFunction = try plan(base, fn(copy2, extra: ["FunctionName: orders-b"]).replacingOccurrences(
            of: "    Type: AWS::Lambda::Function\n", with: "    Type: AWS::Lambda::Function\n    UpdateReplacePolicy: Retain\n")
            + version("V2", attributes: ["DeletionPolicy: Retain"]) + alias(of: "V2"))
        #expect(lines(keptFunction.plan).contains("V1 delete retained:true 0"))
        #expect(keptFunction.plan.changes.first { $0.logicalId == "V1" }?.deletedWithFunction == nil)
        #expect(keptFunction.plan.storage.deltaBytes == 20_971_520 + 20_971_520)
    }

    @Test func createOnlyChangeReplacesTheVersionAndMovesItsAlias() throws {
        let base = fn(copy1) + version("V1", properties: ["Description: first"]) + alias(of: "V1")
        let head = fn(copy2) + version("V1", properties: ["Description: second"]) + alias(of: "V1")
        let result = try plan(base, head)
        #expect(lines(result.plan) == ["Fn update 10485760 Code/S3Key", "Live update - FunctionVersion",
                                       "V1 replace 10485760 Description"])
        #expect(result.plan.storage.deltaBytes == 20_971_520)
        let moved = try #require(result.plan.changes.first { $0.logicalId == "Live" }?.details.first)
        #expect(moved.reason == .reference && moved.referencedResource == "V1" && moved.requiresReplacement == .never)
        // UpdateReplacePolicy Retain keeps the old version: nothing is freed.
        let kept = try plan(base, fn(copy2) + version("V1", attributes: ["UpdateReplacePolicy: Retain"],
                                                             properties: ["Description: second"]) + alias(of: "V1"))
        #expect(lines(kept.plan) == ["Fn update 10485760 Code/S3Key", "Live update - FunctionVersion",
                                     "V1 replace retained:true 20971520 Description"])
        #expect(kept.plan.storage.deltaBytes == 31_457_280)
        #expect(planFindings(kept).isEmpty)
    }

    @Test func aReplacedFunctionPublishesItsVersionAnew() throws {
        // DurableConfig is conditionally create-only: adding it replaces the function (a new name),
        // and the version, whose FunctionName is create-only, with it.
        let result = try plan(fn(copy1) + version("V1"), fn(copy2, extra: ["DurableConfig: {ExecutionTimeout: 3600}"]) + version("V1"),
                              usage: 1_073_741_824)
        #expect(lines(result.plan) == ["Fn replace 10485760 Code/S3Key,DurableConfig", "V1 replace 10485760 FunctionName"])
        #expect(result.plan.storage.deltaBytes == 20_971_520)
        #expect(result.plan.storage.usagePeakBytes == Int64(1_115_684_864))
        // The same code: the function's and the version's copies are made anew and the old ones freed.
        let same = try plan(fn(copy1), fn(copy1, extra: ["DurableConfig: {ExecutionTimeout: 3600}"]), usage: 1_073_741_824)
        #expect(lines(same.plan) == ["Fn replace 0 DurableConfig"])
        #expect(same.plan.storage.usagePeakBytes == Int64(1_084_227_584))
    }

    @Test func anAliasMovingBetweenVersionsStoresNothing() throws {
        // Both versions exist before and after: only the alias changes, in place.
        let versions = fn(copy1) + version("V1") + version("V2")
        let result = try plan(versions + alias(of: "V1"), versions + alias(of: "V2"))
        #expect(lines(result.plan) == ["Fn none 0", "Live update - FunctionVersion", "V1 none 0", "V2 none 0"])
        #expect(result.plan.storage.deltaBytes == 0)
        let moved = try #require(result.plan.changes.first { $0.logicalId == "Live" }?.details.first)
        #expect(moved.reason == .direct && moved.requiresReplacement == .never)
        #expect(planFindings(result).isEmpty)
    }

    @Test func aRetainPolicyNotKnownLeavesTheDeletionOpen() throws {
        let conditions = "Parameters:\n  Keep: {Type: String}\nConditions:\n  Keeping: !Equals [!Ref Keep, yes]\n"
        let pair = try PlanInputPair(conditions + "Resources:\n" + fn(copy1)
                                         + version("V1", attributes: ["DeletionPolicy: !If [Keeping, Retain, Delete]"]),
                                     conditions + "Resources:\n" + fn(copy1))
        let options = PlanOptions(sizes: CodeSizes(artifacts: ArtifactSizes.parse(Array(sizes.utf8)).sizes))
        let result = Planner(options: options).plan(base: pair.base, head: pair.head)
        #expect(lines(result) == ["Fn none 0", "V1 delete retained:? -"])
        #expect(result.storage.unknownSizes == ["V1"])
        // RetainExceptOnCreate keeps a version that an earlier deployment created.
        let kept = try plan(fn(copy1) + version("V1", attributes: ["DeletionPolicy: RetainExceptOnCreate"]), fn(copy1))
        #expect(lines(kept.plan) == ["Fn none 0", "V1 delete retained:true 0"])
    }

    @Test func referenceAndImageVersionsStoreNothing() throws {
        let result = try plan(fn(reference1), fn(reference1) + version("V1"))
        #expect(lines(result.plan) == ["Fn none 0", "V1 create 0"])
        #expect(result.plan.storage.deltaBytes == 0 && result.plan.storage.unknownSizes.isEmpty)
        let image = fn("{ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1}", extra: ["PackageType: Image"])
        #expect(lines(try plan(image, image + version("V1")).plan) == ["Fn none 0", "V1 create 0"])
    }

    @Test func aNamedFunctionsVersionIsItsFunctions() throws {
        // `!Ref Fn` of a function with a literal FunctionName resolves to the name, not to an
        // unknown: the version is still Fn's, with Fn's code and the warning when it is not published.
        let named = ["FunctionName: orders-api"]
        let created = try plan(fn(copy1, extra: named), fn(copy1, extra: named) + version("V1"))
        #expect(lines(created.plan) == ["Fn none 0", "V1 create 10485760"])
        #expect(created.plan.storage.unknownSizes.isEmpty)
        let stale = try plan(fn(copy1, extra: named) + version("V1"), fn(copy2, extra: named) + version("V1"))
        #expect(lines(stale.plan) == ["Fn update 10485760 Code/S3Key", "V1 none 0"])
        #expect(planFindings(stale).map { $0.prefix(45) } == ["13:21 plan.version-not-published V1 Resources"])
        // A new name replaces the function and, through FunctionName, the version: fn-2.zip twice, fn-1.zip freed twice.
        let renamed = try plan(fn(copy1, extra: named) + version("V1"), fn(copy2, extra: ["FunctionName: orders-api-2"]) + version("V1"))
        #expect(lines(renamed.plan) == ["Fn replace 10485760 Code/S3Key,FunctionName", "V1 replace 10485760 FunctionName"])
        #expect(renamed.plan.storage.unknownSizes.isEmpty)
    }

    @Test func versionOfAFunctionOutsideTheTemplateHasAnUnknownSize() throws {
        let outside = "  V1:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: orders-api\n"
        let result = try plan(fn(copy1), fn(copy1) + outside)
        #expect(lines(result.plan) == ["Fn none 0", "V1 create -"])
        #expect(result.plan.storage.unknownSizes == ["V1"])
    }

    @Test func publishingAVersionOverTheQuotaIsReported() throws {
        let quota = StorageSummary.defaultQuotaBytes
        let result = try plan(fn(copy1), fn(copy1) + version("V1"), usage: quota - 1)
        #expect(planFindings(result) == [
            "12:21 plan.code-storage-quota V1 Resources/V1/Properties/FunctionName: publishing version V1 of function Fn adds "
                + "10485760 bytes (10.0 MiB) to Lambda-managed code storage; this deployment takes it to 322133032959 bytes, "
                + "10485759 bytes (10.0 MiB) over the account's quota of 322122547200 bytes (300.0 GiB) (usage before: "
                + "322122547199 bytes); Lambda refuses code beyond the quota and the deployment fails",
        ])
    }
}
