import Foundation
import Testing

/// `cfn-lambda drift` through the built binary: the deployed template by default, formats, exit codes.
@Suite struct DriftCLITests {
    /// The plan test's stack, where Lambda now has 1024 MB, a DEBUG variable and a managed copy of
    /// code the template (`head.yaml`) wants as REFERENCE.
    static var state: String {
        PlanStateCLITests.state
            .replacingOccurrences(of: "\"CodeSize\": 7340032, \"MemorySize\": 512}",
                                  with: "\"CodeSize\": 7340032, \"MemorySize\": 1024, \"Runtime\": \"python3.12\", \"Handler\": \"app.handler\", \"Environment\": {\"Variables\": {\"DEBUG\": \"hunter2\"}}}")
    }

    @Test func explainsEachDifference() throws {
        let scratch = try Scratch(["state.json": Self.state, "head.yaml": PlanStateCLITests.head])
        let deployed = try CLI.run(["drift", "--state", "state.json"], in: scratch.url)
        #expect(deployed.status == 0)
        #expect(deployed.stdout.hasPrefix("""
            Drift of stack orders: stack orders (deployed template) against state.json

            Fn (AWS::Lambda::Function, orders-prod)
              stack orders (deployed template):7:7: warning: environment variables differ: Lambda has DEBUG, which the template does not set [drift.configuration]
                  expected: (none)
                  actual:   DEBUG
            """))
        #expect(deployed.stdout.contains("""
              stack orders (deployed template):11:19: warning: MemorySize is 1024 in Lambda; the template says 512 [drift.configuration]
                  expected: 512
                  actual:   1024
            """))
        #expect(deployed.stdout.hasSuffix("\n1 of 1 Lambda resource drifted: 0 errors, 2 warnings, 0 infos.\n"))
        #expect(!deployed.stdout.contains("hunter2"))
        #expect(try CLI.run(["drift", "--detailed-exitcode", "--state", "state.json"], in: scratch.url).status == 2)

        // Against HEAD, which wants 1024 MB and REFERENCE: the managed copy is reported where the
        // template says so, and the memory is as HEAD says.
        let head = try CLI.run(["drift", "--state", "state.json", "-f", "json", "head.yaml"], in: scratch.url)
        #expect(head.status == 0)
        #expect(head.stderr == "1 of 1 Lambda resource drifted: 0 errors, 2 warnings, 0 infos\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(head.stdout.utf8)) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.map { "\($0["line"] ?? ""):\($0["column"] ?? "") \($0["rule"] ?? "") \($0["property"] ?? "")" } == [
            "7:7 drift.configuration Environment/Variables",
            "12:94 drift.storage-mode Code/S3ObjectStorageMode",
        ])
        #expect(items.last?["expected"] as? String == "REFERENCE")
        #expect(items.last?["actual"] as? String == "COPY")
        #expect(items.last?["physicalId"] as? String == "orders-prod")
        #expect(json["checked"] as? [String] == ["Fn"])
        #expect(json["summary"] as? [String: Int] == ["resources": 1, "drifted": 1, "errors": 0, "warnings": 2, "infos": 0])
        #expect(!head.stdout.contains("hunter2"))
        let markdown = try CLI.run(["drift", "--state", "state.json", "-f", "markdown", "head.yaml"], in: scratch.url)
        #expect(markdown.stdout.hasPrefix("""
            ### cfn-lambda drift

            Stack `orders`: `head.yaml` against `state.json`

            **1 of 1 Lambda resource drifted: 0 errors, 2 warnings, 0 infos**

            | | resource | property | template | Lambda | what |
            |---|---|---|---|---|---|
            | warning | `Fn` | `Environment/Variables` | `(none)` | `DEBUG` | environment variables differ: Lambda has DEBUG, which the template does not set |

            """))
        #expect(markdown.stdout.contains("<details><summary><code>Fn</code>: Lambda holds a managed copy"))
        // Rules can be turned off.
        let ignored = try CLI.run(["drift", "--state", "state.json", "--ignore", "drift.configuration", "head.yaml"], in: scratch.url)
        #expect(ignored.stdout.hasSuffix("\n1 of 1 Lambda resource drifted: 0 errors, 1 warning, 0 infos.\n"))
    }

    @Test func explainsCloudFormationDrift() throws {
        let cfnDrift = """
            {"StackResourceDrifts": [{"StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/1",
              "LogicalResourceId": "Fn", "PhysicalResourceId": "orders-prod", "ResourceType": "AWS::Lambda::Function",
              "StackResourceDriftStatus": "MODIFIED", "Timestamp": "2026-11-22T03:00:00.000Z",
              "PropertyDifferences": [{"PropertyPath": "/MemorySize", "ExpectedValue": "512", "ActualValue": "1024", "DifferenceType": "NOT_EQUAL"},
                {"PropertyPath": "/Environment/Variables/DEBUG", "ActualValue": "hunter2", "DifferenceType": "ADD"}]}]}
            """
        let scratch = try Scratch(["state.json": Self.state, "cfn.json": cfnDrift, "bad.json": "{\"Stacks\": []}"])
        let result = try CLI.run(["drift", "--state", "state.json", "--cfn-drift", "cfn.json"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("stack orders (deployed template):11:19: warning: CloudFormation reports /MemorySize NOT_EQUAL: expected 512, actual 1024 [drift.cloudformation]"))
        #expect(result.stdout.contains("stack orders (deployed template):7:7: warning: CloudFormation reports /Environment/Variables/DEBUG ADD (values are not shown) [drift.cloudformation]"))
        #expect(!result.stdout.contains("hunter2"))
        let bad = try CLI.run(["drift", "--state", "state.json", "--cfn-drift", "bad.json"], in: scratch.url)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("bad.json:1:1: error: expected what `aws cloudformation describe-stack-resource-drifts` prints: an object with StackResourceDrifts [cfn-drift.invalid]"))
    }

    @Test func errorsAndUnreadableInputs() throws {
        let inactive = Self.state.replacingOccurrences(of: "\"MemorySize\": 1024,", with: "\"MemorySize\": 512, \"State\": \"Failed\", \"StateReasonCode\": \"InvalidSubnet\",")
        let scratch = try Scratch(["state.json": inactive, "head.yaml": PlanStateCLITests.head, "bad.yaml": "Resources: [\n"])
        let failed = try CLI.run(["drift", "--state", "state.json", "--detailed-exitcode"], in: scratch.url)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("error: the function is Failed (InvalidSubnet) [drift.function-failed]"))
        let missing = try CLI.run(["drift", "--state", "nope.json"], in: scratch.url)
        #expect(missing.status == 66)
        #expect(missing.stderr == "cfn-lambda: nope.json: no such state file, or it cannot be read\n")
        let missingTemplate = try CLI.run(["drift", "--state", "state.json", "nope.yaml"], in: scratch.url)
        #expect(missingTemplate.status == 66)
        #expect(missingTemplate.stderr == "cfn-lambda: nope.yaml: no such file or directory\n")
        let bad = try CLI.run(["drift", "--state", "state.json", "bad.yaml"], in: scratch.url)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("No comparison: an input is not readable (see the findings)."))
        #expect(bad.stdout.contains("bad.yaml:2:1: error:"))
        let usage = try CLI.run(["drift"], in: scratch.url)
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: Missing expected argument '--state <file>'"))
    }
}
