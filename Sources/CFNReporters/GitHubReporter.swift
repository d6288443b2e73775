import CFNCore

/// GitHub Actions workflow commands, one per finding, which GitHub shows as annotations:
/// `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE-ID::MESSAGE`.
///
/// Errors are `::error`, warnings `::warning`, infos `::notice`. The message escapes `%`, CR and LF;
/// property values also escape `:` and `,`, as the Actions toolkit does.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ run: ValidationRun) -> String {
        var output = ""
        for input in run.unreadable {
            output += "::error file=\(Self.escapeProperty(input.file)),title=input.unreadable::\(Self.escapeData(input.description))\n"
        }
        for report in run.reports {
            for finding in report.findings {
                let start = report.source.lineColumn(at: finding.range.start)
                let end = report.source.lineColumn(at: finding.range.end)
                output += "::\(Self.command(finding.severity)) "
                output += "file=\(Self.escapeProperty(report.file)),line=\(start.line),col=\(start.column),"
                output += "endLine=\(end.line),endColumn=\(end.column),title=\(Self.escapeProperty(finding.rule))"
                output += "::\(Self.escapeData(finding.message))\n"
            }
        }
        return output
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The command's message: `%`, CR and LF would end or corrupt the command.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value: as data, and `:` and `,` too, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
