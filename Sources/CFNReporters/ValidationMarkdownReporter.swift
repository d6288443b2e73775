import CFNCore

/// `validate` as a review comment (GitHub-flavoured Markdown): a heading with the counts, the inputs
/// that could not be read, and one table of findings with their locations.
public struct ValidationMarkdownReporter: Reporter {
    public init() {}

    public func render(_ run: ValidationRun) -> String {
        var blocks = ["### cfn-lambda validate", "**\(TextReporter.summary(run))**"]
        if !run.unreadable.isEmpty {
            blocks.append("#### Not read")
            blocks.append(run.unreadable.map { "- \(PlanMarkdownReporter.code($0.file)): \(PlanMarkdownReporter.cellText($0.reason))" }
                .joined(separator: "\n"))
        }
        if let table = Self.findingsTable(run) {
            blocks += ["#### Findings", table]
        } else if run.unreadable.isEmpty {
            blocks.append("No findings.")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Severity, location, message and rule of every finding; nil when there is none.
    static func findingsTable(_ run: ValidationRun) -> String? {
        var table = ["| | location | message | rule |", "|---|---|---|---|"]
        for report in run.reports {
            for finding in report.findings {
                let start = report.source.lineColumn(at: finding.range.start)
                table.append("| \(finding.severity.rawValue) | \(PlanMarkdownReporter.cellCode("\(report.file):\(start.line):\(start.column)")) | "
                             + "\(PlanMarkdownReporter.cellText(finding.message)) | \(PlanMarkdownReporter.cellCode(finding.rule)) |")
            }
        }
        return table.count > 2 ? table.joined(separator: "\n") : nil
    }
}
