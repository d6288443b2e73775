import CFNCore

/// The drift report for a terminal: per drifted resource, each difference as a finding line
/// (`file:line:column: severity: message [rule]`) with what the template expects, what Lambda has,
/// why, and the fix; then the counts and the other inputs' findings.
public struct DriftTextReporter: Sendable {
    public let color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ run: DriftRun) -> String {
        var lines = ["Drift of stack \(run.report?.stack ?? "?"): \(run.template) against \(run.state)", ""]
        if let report = run.report {
            if report.items.isEmpty {
                let checked = report.checked.count
                lines += ["No drift: the \(plural(checked, "Lambda resource")) of the stack \(checked == 1 ? "is" : "are") as the template says.", ""]
            }
            let file = run.templateReport
            var byResource: [String: [DriftItem]] = [:]
            for item in report.items { byResource[item.finding.resource ?? "", default: []].append(item) }
            for resource in report.drifted {
                guard let items = byResource[resource], let first = items.first else { continue }
                var heading = "\(resource) (\(first.finding.resourceType ?? "?")"
                if let physicalId = first.physicalId { heading += ", \(physicalId)" }
                lines.append(heading + ")")
                for item in items {
                    let position = file.source.lineColumn(at: item.finding.range.start)
                    lines.append("  \(file.file):\(position.line):\(position.column): \(ANSIColor.severity(item.finding.severity, enabled: color)): "
                                 + "\(item.finding.message) [\(item.finding.rule)]")
                    if let expected = item.expected { lines.append("      expected: \(expected)") }
                    if let actual = item.actual { lines.append("      actual:   \(actual)") }
                    lines.append("      why: \(item.explanation)")
                    lines.append("      fix: \(item.remedy)")
                }
                lines.append("")
            }
            lines.append(run.summary + ".")
            if !report.notDeployed.isEmpty {
                lines.append("Not in the stack (not deployed, or under a condition that does not hold): \(report.notDeployed.joined(separator: ", ")).")
            }
        } else {
            lines.append("No comparison: an input is not readable (see the findings).")
        }
        let other = TextReporter(color: color).render(run.findings)
        return lines.joined(separator: "\n") + "\n" + (other.isEmpty ? "" : "\n" + other)
    }
}
