import CFNCore
import CFNLoader
import CFNReporters
import Testing

/// Counts in summaries agree in number with what they count.
@Suite struct WordingTests {
    @Test(arguments: [(0, "0 errors"), (1, "1 error"), (2, "2 errors")])
    func pluralAddsAnSExceptForOne(count: Int, text: String) {
        #expect(plural(count, "error") == text)
    }

    func driftRun(checked: [String]) -> DriftRun {
        DriftRun(report: DriftReport(stack: "orders", items: [], checked: checked, notDeployed: []), template: "head.yaml",
                 templateSource: SourceText(bytes: Array("Resources: {}\n".utf8)), state: "state.json")
    }

    @Test func driftWithoutDifferencesCountsItsResources() {
        let one = DriftTextReporter().render(driftRun(checked: ["Fn"]))
        #expect(one.contains("\nNo drift: the 1 Lambda resource of the stack is as the template says.\n"))
        #expect(one.contains("\n0 of 1 Lambda resource drifted: 0 errors, 0 warnings, 0 infos.\n"))
        let two = DriftTextReporter().render(driftRun(checked: ["Fn", "Layer"]))
        #expect(two.contains("\nNo drift: the 2 Lambda resources of the stack are as the template says.\n"))
        #expect(two.contains("\n0 of 2 Lambda resources drifted: 0 errors, 0 warnings, 0 infos.\n"))
    }

    @Test func validateSummaryCountsFilesAndFindings() {
        let report = FileReport(file: "a.yaml", source: SourceText(bytes: Array("x\n".utf8)), findings: [
            Finding(rule: "r", severity: .warning, message: "m", range: SourceRange(start: 0, end: 1)),
        ])
        #expect(TextReporter.summary(ValidationRun(reports: [report])) == "1 file: 0 errors, 1 warning, 0 infos")
    }
}
