import CFNCore
import CFNReporters
import Testing

/// `--fail-on` decides the exit code with `ValidationRun.hasFinding(atLeast:)`. No rule reports a
/// warning or an info yet, so these runs are made by hand.
@Suite struct FailureThresholdTests {
    func run(_ severities: [Severity]) -> ValidationRun {
        ValidationRun(reports: [
            handMadeReport("a.yaml", "a: 1\n", severities.enumerated().map { ("x.\($0.offset)", $0.element, "m", 0..<1, nil) }),
            handMadeReport("b.yaml", "b: 2\n", []),
        ])
    }

    func failing(_ run: ValidationRun) -> [Severity] {
        [Severity.error, .warning, .info].filter { run.hasFinding(atLeast: $0) }
    }

    @Test func infoFailsOnlyAtInfo() {
        #expect(failing(run([.info, .info])) == [.info])
    }

    @Test func warningFailsAtWarningAndInfo() {
        #expect(failing(run([.info, .warning])) == [.warning, .info])
    }

    @Test func errorFailsAtEveryThreshold() {
        #expect(failing(run([.error])) == [.error, .warning, .info])
    }

    @Test func noFindingNeverFails() {
        #expect(failing(run([])) == [])
        #expect(failing(ValidationRun(reports: [])) == [])
    }
}
