import CFNCore

/// The drift report as Markdown (an issue or a pull-request comment): a heading and the counts, a
/// table of the differences, and per difference a collapsible `<details>` with why and the fix.
public struct DriftMarkdownReporter: Sendable {
    public init() {}

    public func render(_ run: DriftRun) -> String {
        var blocks = ["### cfn-lambda drift"]
        blocks.append("Stack \(PlanMarkdownReporter.code(run.report?.stack ?? "?")): \(PlanMarkdownReporter.code(run.template)) "
                      + "against \(PlanMarkdownReporter.code(run.state))")
        if let report = run.report {
            blocks.append("**\(run.summary)**")
            if report.items.isEmpty {
                blocks.append("No drift: the Lambda resources of the stack are as the template says.")
            } else {
                let file = run.templateReport
                var table = ["| | resource | property | template | Lambda | what |", "|---|---|---|---|---|---|"]
                for item in report.items {
                    table.append("| \(item.finding.severity.rawValue) | \(PlanMarkdownReporter.cellCode(item.finding.resource ?? "-")) | "
                                 + "\(item.property.map(PlanMarkdownReporter.cellCode) ?? "") | \(PlanMarkdownReporter.cellValue(item.expected)) | "
                                 + "\(PlanMarkdownReporter.cellValue(item.actual)) | \(PlanMarkdownReporter.cellText(item.finding.message)) |")
                }
                blocks.append(table.joined(separator: "\n"))
                for item in report.items {
                    let position = file.source.lineColumn(at: item.finding.range.start)
                    let location = "\(file.file):\(position.line):\(position.column)"
                    blocks.append("""
                        <details><summary><code>\(PlanMarkdownReporter.html(item.finding.resource ?? "-"))</code>: \
                        \(PlanMarkdownReporter.html(item.finding.message)) (\(PlanMarkdownReporter.html(item.finding.rule)))</summary>

                        \(PlanMarkdownReporter.code(location))

                        **Why:** \(item.explanation)

                        **Fix:** \(item.remedy)

                        </details>
                        """)
                }
            }
            if !report.notDeployed.isEmpty {
                blocks.append("Not in the stack: \(report.notDeployed.map(PlanMarkdownReporter.code).joined(separator: ", ")).")
            }
        } else {
            blocks.append("No comparison: an input is not readable (see the findings).")
        }
        var findings = ["| | location | message | rule |", "|---|---|---|---|"]
        for report in run.findings.reports {
            for finding in report.findings {
                let start = report.source.lineColumn(at: finding.range.start)
                findings.append("| \(finding.severity.rawValue) | \(PlanMarkdownReporter.cellCode("\(report.file):\(start.line):\(start.column)")) | "
                                + "\(PlanMarkdownReporter.cellText(finding.message)) | \(PlanMarkdownReporter.cellCode(finding.rule)) |")
            }
        }
        if findings.count > 2 { blocks.append(findings.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
