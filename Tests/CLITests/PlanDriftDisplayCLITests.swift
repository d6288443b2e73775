import Foundation
import Testing

/// `--quiet` and `--color` on plan and drift, as on validate: the report on standard output stays,
/// the summary on standard error goes with `--quiet`, and `--color always` colours text even when
/// the output is not a terminal.
@Suite struct PlanDriftDisplayCLITests {
    @Test func planQuietDropsTheSummaryOnly() throws {
        let scratch = try Scratch(["base.yaml": PlanCLITests.base, "head.yaml": PlanCLITests.base])
        let loud = try CLI.run(["plan", "-f", "json", "base.yaml", "head.yaml"], in: scratch.url)
        let quiet = try CLI.run(["plan", "--quiet", "-f", "json", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(loud.stderr.isEmpty == false)
        #expect(quiet.stderr == "")
        #expect(quiet.stdout == loud.stdout)
        #expect(quiet.status == loud.status)
    }

    @Test func planColourFollowsTheChoice() throws {
        let scratch = try Scratch(["head.yaml": PlanCLITests.base])
        let always = try CLI.run(["plan", "--color", "always", "head.yaml"], environment: ["NO_COLOR": "1"], in: scratch.url)
        let never = try CLI.run(["plan", "--color", "never", "head.yaml"], in: scratch.url)
        #expect(always.stdout.contains("\u{1B}["))
        #expect(!never.stdout.contains("\u{1B}["))
        #expect(always.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == never.stdout)
    }

    @Test func driftQuietDropsTheSummaryOnly() throws {
        let scratch = try Scratch(["state.json": DriftCLITests.state, "head.yaml": PlanStateCLITests.head])
        let loud = try CLI.run(["drift", "--state", "state.json", "-f", "json", "head.yaml"], in: scratch.url)
        let quiet = try CLI.run(["drift", "--quiet", "--state", "state.json", "-f", "json", "head.yaml"], in: scratch.url)
        #expect(loud.stderr == "1 of 1 Lambda resource drifted: 0 errors, 2 warnings, 0 infos\n")
        #expect(quiet.stderr == "")
        #expect(quiet.stdout == loud.stdout)
    }
}
