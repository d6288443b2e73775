import Foundation
import Testing

/// docs/plan-json.md documents the plan JSON with details from the README's example plan: they are
/// what the plan prints, and the version the page describes is the one written.
@Suite struct PlanJSONDocsTests {
    @Test func theDocumentedDetailsAreTheExamplePlans() throws {
        let docs = try String(contentsOf: ReadmeExampleTests.root.appendingPathComponent("docs/plan-json.md"), encoding: .utf8)
        let blocks = docs.components(separatedBy: "```json\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2)
        // One block is details of the README's example plan, the other changes of its versions example.
        let lines = { (block: String?) in block.map { $0.split(separator: "\n").map(String.init) } ?? [] }
        let details = lines(blocks.first { !$0.contains("AWS::Lambda::Version") })
        #expect(details.count == 2)
        let result = try CLI.run(["plan", "--region", "eu-west-1", "--artifact-sizes", "templates/plan/artifact-sizes.json",
                                  "--account-settings", "templates/plan/account-settings.json", "--format", "json",
                                  "templates/plan/orders-base.yaml", "templates/plan/orders-head.yaml"], in: ReadmeExampleTests.root)
        #expect(result.stdout.hasPrefix(#"{"formatVersion":2,"#))
        #expect(docs.contains("This page describes `formatVersion` 2."))
        for detail in details {
            #expect(result.stdout.contains(detail), "not in the plan: \(detail)")
        }
        let changes = lines(blocks.first { $0.contains("AWS::Lambda::Version") })
        #expect(changes.count == 2)
        let versions = try CLI.run(["plan", "--artifact-sizes", "templates/plan/versions-sizes.json", "--format", "json",
                                    "templates/plan/versions-base.yaml", "templates/plan/versions-head.yaml"], in: ReadmeExampleTests.root)
        for change in changes {
            #expect(versions.stdout.contains(change), "not in the plan: \(change)")
        }
    }
}
