import CFNCore

/// One line per finding, as compilers print them: `file:line:col: severity: message [rule-id]`.
public struct TextReporter: Reporter {
    /// ANSI colours for severities; the CLI turns them on only for a terminal without `NO_COLOR`.
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ run: ValidationRun) -> String {
        var output = ""
        for report in run.reports {
            for finding in report.findings {
                let start = report.source.lineColumn(at: finding.range.start)
                output += "\(report.file):\(start.line):\(start.column): \(ANSIColor.severity(finding.severity, enabled: color)): "
                output += "\(finding.message.replacingNewlines) [\(finding.rule)]\n"
            }
        }
        return output
    }

    /// `2 files: 1 error, 0 warnings, 3 infos` — for standard error.
    public static func summary(_ run: ValidationRun) -> String {
        return "\(plural(run.files, "file")): \(plural(run.count(.error), "error")), "
            + "\(plural(run.count(.warning), "warning")), \(plural(run.count(.info), "info"))"
    }
}

extension String {
    /// Messages are one line in text output; embedded line breaks become spaces.
    var replacingNewlines: String {
        String(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
