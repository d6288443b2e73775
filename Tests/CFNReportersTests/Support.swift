import CFNCore
import CFNLoader

/// A report made by hand, for severities and texts no rule produces yet.
/// `at` is a byte range of `text`.
func handMadeReport(_ file: String, _ text: String, _ findings: [(rule: String, severity: Severity, message: String, at: Range<Int>, resource: String?)]) -> FileReport {
    FileReport(file: file, source: SourceText(bytes: Array(text.utf8)), findings: findings.map {
        Finding(rule: $0.rule, severity: $0.severity, message: $0.message, range: SourceRange($0.at), resource: $0.resource)
    })
}
