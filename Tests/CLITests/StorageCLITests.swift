import Foundation
import Testing

/// `cfn-lambda storage --state FILE` on the bundled snapshot of the example stack.
@Suite struct StorageCLITests {
    static let state = ReadmeExampleTests.root.appendingPathComponent("templates/state/orders.state.json").path

    @Test func jsonKeepsBytesAndListsTheReclaimableVersions() throws {
        let result = try CLI.run(["storage", "--state", Self.state, "-f", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["formatVersion"] as? Int == 1)
        let summary = try #require(report["summary"] as? [String: Any])
        // 12582912 + 11534336 + 12058624 + 12582912 (the API), 18874368 + 17825792 + 18874368 (the
        // worker), 29360128 + 30408704 + 31457280 (layer versions 5 to 7).
        #expect(summary["totalBytes"] as? Int == 195_559_424)
        // API versions 1 and 2 and worker version 1: nothing refers to them.
        #expect(summary["reclaimableBytes"] as? Int == 41_418_752)
        #expect(summary["isLowerBound"] as? Bool == false)
        #expect(summary["quotaBytes"] as? Int == 322_122_547_200)
        #expect(summary["usageBytes"] as? Int == 5_368_709_120)
        // The latest versions: API 3, worker 2, layer 7.
        #expect(summary["bytesPerDeployment"] as? Int == 62_914_560)
        #expect(summary["deploymentsRemaining"] as? Int == 5034)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.filter { $0["reclaimable"] as? Bool == true }.compactMap { $0["deleteCommand"] as? String } == [
            "aws lambda delete-function --function-name orders-api-prod --qualifier 1 --region eu-west-1",
            "aws lambda delete-function --function-name orders-api-prod --qualifier 2 --region eu-west-1",
            "aws lambda delete-function --function-name orders-worker-prod --qualifier 1 --region eu-west-1",
        ])
        let layer5 = try #require(items.first { $0["kind"] as? String == "layer-version" && $0["version"] as? String == "5" })
        #expect(layer5["keptBy"] as? [String] == ["function:orders-api-prod:1", "function:orders-worker-prod:1"])
        #expect(layer5["codeSizeBytes"] as? Int == 29_360_128)
    }

    @Test func markdownHasTheCommandsInACodeBlock() throws {
        let result = try CLI.run(["storage", "--state", Self.state, "-f", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("### cfn-lambda storage\n\nStack `orders` (eu-west-1): **186.5 MiB** in Lambda-managed storage, **39.5 MiB** reclaimable.\n"))
        #expect(result.stdout.contains("```sh\naws lambda delete-function --function-name orders-api-prod --qualifier 1 --region eu-west-1\n"))
        #expect(result.stdout.contains("| `OrdersWorkerFunction` | `2` | 18.0 MiB | COPY | `event-source-mapping:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f` |"))
    }

    @Test func unreadableAndInvalidStateFiles() throws {
        let scratch = try Scratch(["template.yaml": "Resources: {}\n"])
        let missing = try CLI.run(["storage", "--state", scratch.path("nope.json")])
        #expect(missing.status == 66)
        #expect(missing.stderr == "cfn-lambda: \(scratch.path("nope.json")): no such state file, or it cannot be read\n")
        let invalid = try CLI.run(["storage", "--state", scratch.path("template.yaml")])
        #expect(invalid.status == 1)
        #expect(invalid.stdout == "")
        #expect(invalid.stderr.contains("error: not a state file: write one with `cfn-lambda snapshot --stack NAME -o FILE` (its kind is cfn-lambda-state) [state.invalid]"))
    }
}
