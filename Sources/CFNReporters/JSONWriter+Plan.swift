import CFNCore
import CFNLoader

/// What the plan's JSON needs beyond the validate report: 64-bit numbers and findings in validate's shape.
extension JSONWriter {
    mutating func number(_ number: Int64?) { raw(number.map(String.init) ?? "null") }

    /// The inputs that could not be read, as `"unreadable": [{"file", "message"}]`; nothing when there are none.
    mutating func unreadable(_ inputs: [UnreadableInput]) {
        guard !inputs.isEmpty else { return }
        key("unreadable")
        beginArray()
        for input in inputs {
            beginObject()
            key("file"); string(input.file)
            key("message"); string(input.reason)
            endObject()
        }
        endArray()
    }

    /// One finding as `validate --format json` writes it: rule, severity, message, file, line,
    /// column, endLine, endColumn, resource, resourceType, path.
    mutating func finding(_ finding: Finding, in report: FileReport) {
        beginObject()
        findingFields(finding, in: report)
        endObject()
    }

    /// The members of `finding(_:in:)`, inside an object the caller opens and closes.
    mutating func findingFields(_ finding: Finding, in report: FileReport) {
        key("rule"); string(finding.rule)
        key("severity"); string(finding.severity.rawValue)
        key("message"); string(finding.message)
        locationFields(finding.range, file: report.file, source: report.source)
        key("resource"); string(finding.resource)
        key("resourceType"); string(finding.resourceType)
        key("path"); string(finding.pathString)
    }

    /// `file`, `line`, `column`, `endLine`, `endColumn` of a range of `source`, 1-based.
    mutating func locationFields(_ range: SourceRange, file: String, source: SourceText) {
        let start = source.lineColumn(at: range.start)
        let end = source.lineColumn(at: range.end)
        key("file"); string(file)
        key("line"); number(start.line)
        key("column"); number(start.column)
        key("endLine"); number(end.line)
        key("endColumn"); number(end.column)
    }
}
