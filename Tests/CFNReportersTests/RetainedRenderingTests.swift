import CFNCore
@testable import CFNReporters
import Testing

/// A removal the account keeps reads as such in text and Markdown: not "deleted", and a function
/// version's code keeps counting.
@Suite struct RetainedRenderingTests {
    static var plan: Plan {
        var kept = ResourceChange(logicalId: "V1", type: "AWS::Lambda::Version", action: .delete, storageDeltaBytes: 0)
        kept.retained = true
        var replaced = ResourceChange(logicalId: "V2", type: "AWS::Lambda::Version", action: .replace, causes: ["Description"],
                                      details: [ChangeDetail(path: "Description", before: .string("a"), after: .string("b"),
                                                             reason: .direct, requiresReplacement: .always)],
                                      storageDeltaBytes: 1_048_576)
        replaced.retained = true
        var bucket = ResourceChange(logicalId: "Bucket", type: "AWS::S3::Bucket", action: .delete)
        bucket.retained = true
        let gone = ResourceChange(logicalId: "V0", type: "AWS::Lambda::Version", action: .delete, storageDeltaBytes: -1_048_576)
        return Plan(changes: [bucket, gone, kept, replaced], transitions: [],
                    storage: StorageSummary(quotaBytes: StorageSummary.defaultQuotaBytes, usageBeforeBytes: nil, deltaBytes: 0,
                                            usageAfterBytes: nil, exceedsQuota: nil, unknownSizes: []),
                    enis: ENISummary(create: [], reclaim: [], unknown: []), findings: [])
    }

    @Test func textSaysWhatIsKept() {
        let lines = PlanTextReporter().render(PlanSample.run(Self.plan)).split(separator: "\n").map(String.init)
        #expect(Array(lines[1...5]) == [
            "  - Bucket (AWS::S3::Bucket) will be removed from the stack, kept by its DeletionPolicy",
            "  - V0 (AWS::Lambda::Version) will be deleted, storage −1.0 MiB",
            "  - V1 (AWS::Lambda::Version) will be removed from the stack, kept by its DeletionPolicy; its code keeps counting",
            "-/+ V2 (AWS::Lambda::Version) will be replaced, storage +1.0 MiB; the old one is kept by its UpdateReplacePolicy; its code keeps counting",
            "      Description: \"a\" → \"b\" (edited, forces replacement)",
        ])
    }

    @Test func markdownSaysWhatIsKept() {
        let output = PlanMarkdownReporter().render(PlanSample.run(Self.plan))
        #expect(output.contains("| `-` | `V1` | `AWS::Lambda::Version` | delete: kept by its DeletionPolicy; its code keeps counting |  |  |"))
        #expect(output.contains("| `-` | `V0` | `AWS::Lambda::Version` | delete | −1.0 MiB |  |"))
        #expect(output.contains("| `-/+` | `V2` | `AWS::Lambda::Version` | replace: the old one is kept by its UpdateReplacePolicy; its code keeps counting | +1.0 MiB | `Description` |"))
    }

    @Test func aKeptVersionDeletedWithItsFunctionSaysSo() {
        var plan = Self.plan
        plan.changes[2].deletedWithFunction = "Fn"
        plan.changes[2].storageDeltaBytes = -1_048_576
        plan.changes[3].deletedWithFunction = "Fn"
        let lines = PlanTextReporter().render(PlanSample.run(plan)).split(separator: "\n").map(String.init)
        #expect(Array(lines[3...4]) == [
            "  - V1 (AWS::Lambda::Version) will be removed from the stack, storage −1.0 MiB, its DeletionPolicy keeps the resource, but Lambda deletes the version with function Fn",
            "-/+ V2 (AWS::Lambda::Version) will be replaced, storage +1.0 MiB; its UpdateReplacePolicy keeps the old resource, but Lambda deletes the old version with function Fn",
        ])
        #expect(PlanMarkdownReporter().render(PlanSample.run(plan)).contains(
            "| `-` | `V1` | `AWS::Lambda::Version` | delete: its DeletionPolicy keeps the resource, but Lambda deletes the version with function Fn | −1.0 MiB |  |"))
        #expect(PlanJSONReporter().render(PlanSample.run(plan)).contains(#""retained":true,"deletedWithFunction":"Fn","logicalIdFromPackaging":false}"#))
    }

    @Test func jsonWritesRetainedOnEveryChange() {
        let output = PlanJSONReporter().render(PlanSample.run(Self.plan))
        #expect(output.contains(#""logicalId":"V1","type":"AWS::Lambda::Version","action":"delete","conditional":false,"causes":[],"details":[],"storageDeltaBytes":0,"source":null,"location":null,"retained":true,"deletedWithFunction":null,"logicalIdFromPackaging":false}"#))
        #expect(output.contains(#""logicalId":"V0","type":"AWS::Lambda::Version","action":"delete","conditional":false,"causes":[],"details":[],"storageDeltaBytes":-1048576,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false}"#))
        var unknown = Self.plan
        unknown.changes[2].retained = nil
        #expect(PlanJSONReporter().render(PlanSample.run(unknown)).contains(#""storageDeltaBytes":0,"source":null,"location":null,"retained":null,"deletedWithFunction":null,"logicalIdFromPackaging":false}"#))
    }
}

/// A usage before that is only the stack's own storage says so in every format.
@Suite struct UsageBeforeNoteRenderingTests {
    static var plan: Plan {
        var storage = StorageSummary(quotaBytes: StorageSummary.defaultQuotaBytes, usageBeforeBytes: 7_500_000, deltaBytes: -2_500_000,
                                     usageAfterBytes: 5_000_000, exceedsQuota: nil, unknownSizes: [], usagePeakBytes: 7_500_000)
        storage.usageBeforeNote = "the stack's own code storage"
        return Plan(changes: [], transitions: [], storage: storage, enis: ENISummary(create: [], reclaim: [], unknown: []), findings: [])
    }

    @Test func eachFormatSaysTheUsageIsALowerBound() {
        let text = PlanTextReporter().render(PlanSample.run(Self.plan))
        #expect(text.contains("  usage 7.2 MiB → 4.8 MiB of 300.0 GiB\n  usage is at least this: the stack's own code storage\n"))
        #expect(PlanMarkdownReporter().render(PlanSample.run(Self.plan)).contains("| usage is at least this | the stack's own code storage |"))
        #expect(PlanJSONReporter().render(PlanSample.run(Self.plan)).contains(#""usageBeforeNote":"the stack's own code storage"}"#))
    }
}
