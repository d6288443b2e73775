import Foundation
import Testing

/// `cfn-lambda plan` of templates whose code is a local path: a SAM `CodeUri` (before `sam package`,
/// or after `sam build`) or a `Code` string (before `aws cloudformation package`). The folder is
/// measured as it will be zipped, the estimate marked as such; unknown only when it is missing.
@Suite struct LocalCodePlanCLITests {
    static let samTemplate = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs24.x
              Handler: index.handler
              CodeUri: src/
              AutoPublishAlias: live
          Gone:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs24.x
              Handler: index.handler
              CodeUri: missing/

        """

    /// A folder with the CDK fixture's folder asset (index.js, 179 bytes, and lib/orders.js, 3280
    /// bytes), whose zip CDKPlanCLITests checks is estimated at 487 bytes.
    static func scratch(_ files: [String: String]) throws -> Scratch {
        let scratch = try Scratch(files)
        try FileManager.default.copyItem(at: CDKPlanCLITests.folder.appendingPathComponent(CDKPlanCLITests.api),
                                         to: scratch.url.appendingPathComponent("src"))
        return scratch
    }

    @Test func aSAMCodeUriFolderIsMeasuredAsItWillBeZipped() throws {
        let scratch = try Self.scratch(["template.yaml": Self.samTemplate])
        let (status, plan, _) = try CDKPlanCLITests.plan([scratch.path("template.yaml")])
        #expect(status == 0)
        let deltas = CDKPlanCLITests.deltas(plan)
        let version = try #require(deltas.keys.first { $0.hasPrefix("FnVersion") })
        // The function and the version AutoPublishAlias publishes each hold a copy.
        #expect(deltas == ["Fn": 487, version: 487])
        let storage = try #require(plan["storage"] as? [String: Any])
        #expect(storage["estimatedSizes"] as? [String] == ["Fn", version])
        #expect(storage["unknownSizes"] as? [String] == ["missing/"])
        // Unzipped, the folder's files.
        let (_, unzipped, _) = try CDKPlanCLITests.plan(["--quota-basis", "unzipped", scratch.path("template.yaml")])
        #expect(CDKPlanCLITests.deltas(unzipped) == ["Fn": 179 + 3280, version: 179 + 3280])
        let text = try CLI.run(["plan", scratch.path("template.yaml")])
        #expect(text.stdout.contains("  + Fn (AWS::Lambda::Function, from SAM Fn) will be created, storage +487 bytes (estimated)\n"))
        #expect(text.stdout.contains("  sizes not known (totals leave them out): missing/\n"))
    }

    @Test func aCodeFileThatIsNotAZipIsZippedAlone() throws {
        let source = String(repeating: "def handler(event, context):\n    return event\n", count: 40)
        let scratch = try Self.scratch(["template.yaml": """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: app.py
              Folder:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs24.x
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: ./src

            """, "app.py": source])
        let (_, unzipped, _) = try CDKPlanCLITests.plan(["--quota-basis", "unzipped", scratch.path("template.yaml")])
        #expect(CDKPlanCLITests.deltas(unzipped) == ["Fn": source.utf8.count, "Folder": 179 + 3280])
        let (_, zipped, _) = try CDKPlanCLITests.plan([scratch.path("template.yaml")])
        let deltas = CDKPlanCLITests.deltas(zipped)
        #expect(deltas["Folder"] == 487)
        // Repeated text deflates far below its size; the zip adds 30 + 16 + 46 + 2 × 6 + 22 bytes.
        let fn = try #require(deltas["Fn"])
        #expect(fn > 126 && fn < source.utf8.count / 4)
        #expect((zipped["storage"] as? [String: Any])?["estimatedSizes"] as? [String] == ["Fn", "Folder"])
    }

    @Test func aDeviceOrAFIFOIsNeverRead() throws {
        let scratch = try Self.scratch(["template.yaml": """
            Resources:
              Device:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: /dev/zero
              Folder:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs24.x
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: ./src

            """])
        // A FIFO among the folder's files would block the read that measures it.
        #expect(mkfifo(scratch.path("src/pipe"), 0o600) == 0)
        let (status, plan, _) = try CDKPlanCLITests.plan(["--quota-basis", "unzipped", scratch.path("template.yaml")])
        #expect(status == 0)
        #expect(CDKPlanCLITests.deltas(plan) == ["Folder": 179 + 3280])
        #expect((plan["storage"] as? [String: Any])?["unknownSizes"] as? [String] == ["/dev/zero"])
    }
}
