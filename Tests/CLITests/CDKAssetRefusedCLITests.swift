import Foundation
import Testing

/// `plan.cdk-asset-refused`: a CDK asset that is there but that Lambda will not take (not a zip, or
/// an empty one) is a warning at the code that uses it, in a copy of templates/cdk/cdk.out.
@Suite struct CDKAssetRefusedCLITests {
    typealias Fixture = CDKPlanCLITests

    /// The refused-asset findings of a plan of the changed copy, as `line:column message`.
    static func refusals(_ change: (Scratch) throws -> Void) throws -> (findings: [String], plan: [String: Any]) {
        let scratch = try Fixture.copy()
        try change(scratch)
        let (status, plan, _) = try Fixture.plan([scratch.path("cdk.out/" + Fixture.template)])
        #expect(status == 0)
        let findings = (plan["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "plan.cdk-asset-refused" }
        return (findings.map { "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0) \($0["message"] as? String ?? "")" }, plan)
    }

    @Test func aFileThatIsNotAZip() throws {
        let (findings, plan) = try Self.refusals { scratch in
            try Data("not a zip\n".utf8).write(to: URL(fileURLWithPath: scratch.path("cdk.out/" + Fixture.worker)))
        }
        #expect(findings == ["88:13 the Code of function WorkerFunction is the CDK asset \(Fixture.worker), which is not a zip archive "
            + "(no central directory this plan can read): Lambda refuses code it cannot unzip, and its unzipped size is not known; "
            + "the deployment fails when it creates or updates WorkerFunction: check the build that fills the asset and run `cdk synth` again"])
        // Its zipped size is still what would be uploaded.
        #expect(Fixture.deltas(plan)["WorkerFunction"] == 10)
    }

    @Test func aZipWithNoFiles() throws {
        // The end of central directory record alone: 22 bytes, no entries.
        let empty: [UInt8] = [0x50, 0x4b, 0x05, 0x06] + Array(repeating: 0, count: 18)
        let (findings, _) = try Self.refusals { scratch in
            try Data(empty).write(to: URL(fileURLWithPath: scratch.path("cdk.out/" + Fixture.layer)))
        }
        #expect(findings == ["40:16 the Content of layer version DepsLayer is the CDK asset \(Fixture.layer), which is a zip archive "
            + "with no files: Lambda refuses an empty zip; the deployment fails when it creates or updates DepsLayer: check the build "
            + "that fills the asset and run `cdk synth` again"])
    }

    @Test func anEmptyFolder() throws {
        let (findings, plan) = try Self.refusals { scratch in
            let folder = scratch.path("cdk.out/" + Fixture.api)
            try FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        }
        #expect(findings == ["60:13 the Code of function ApiFunction is the CDK asset \(Fixture.api), which is an empty folder: "
            + "the CDK CLI will upload an empty zip, which Lambda refuses; the deployment fails when it creates or updates "
            + "ApiFunction: check the build that fills the asset and run `cdk synth` again"])
        // The empty zip's end record, estimated.
        #expect(Fixture.deltas(plan)["ApiFunction"] == 22)
    }

    @Test func theFixtureHasNone() throws {
        #expect(try Self.refusals { _ in }.findings.isEmpty)
    }
}
