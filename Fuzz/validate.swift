import CFNCore
import CFNLoader
import CFNReporters
import Foundation

/// The whole `validate` pipeline on one template: loading, resolution, conditions, every rule and the
/// schema checks, with a fixed `today`, rendered by the JSON reporter.
///
/// Invariants: the JSON parses, has `formatVersion` 1 and one entry per finding, in the order
/// `FileReport` sorts them, with a known severity and a summary that counts them; every finding's
/// range lies within the file, starts and ends on a character boundary, and its line and column are
/// inside the file; validating the same bytes twice gives the same JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let validator = Validator(settings: ValidationSettings(today: "2026-05-10"))
    let file = "fuzz.yaml"
    let report = validator.validate(file: file, bytes: bytes)
    let json = JSONReporter().render(ValidationRun(reports: [report]))

    let count = UInt32(bytes.count)
    let source = report.source
    func onBoundary(_ offset: UInt32) -> Bool {
        offset >= count || bytes[Int(offset)] & 0xC0 != 0x80
    }
    /// The last column of a line: one past its last character, counting its line break.
    func lastColumn(_ line: Int) -> Int {
        let start = Int(source.lineStarts[line - 1])
        let end = line < source.lineCount ? Int(source.lineStarts[line]) : bytes.count
        return bytes[start..<end].lazy.filter { $0 & 0xC0 != 0x80 }.count + 1
    }

    for (previous, next) in zip(report.findings, report.findings.dropFirst()) {
        invariant(!Finding.sourceOrder(next, previous), "findings out of order: \(previous.rule) after \(next.rule)")
    }
    for finding in report.findings {
        let range = finding.range
        invariant(range.start <= range.end && range.end <= count,
                  "\(finding.rule) range \(range.start)..<\(range.end) outside the \(count) bytes")
        invariant(finding.rule == "yaml.invalid-character" || onBoundary(range.start) && onBoundary(range.end),
                  "\(finding.rule) range \(range.start)..<\(range.end) splits a UTF-8 character")
        for place in [source.lineColumn(at: range.start), source.lineColumn(at: range.end)] {
            invariant(place.line >= 1 && place.line <= source.lineCount && place.column >= 1 && place.column <= lastColumn(place.line),
                      "\(finding.rule) at \(place) is not inside the file")
        }
        invariant(!finding.message.isEmpty && !finding.rule.isEmpty, "finding without a rule or message")
    }

    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
        invariant(false, "JSON output does not parse as an object: \(json)")
        return 0
    }
    invariant(object["formatVersion"] as? Int == 1, "formatVersion is not 1")
    let tool = object["tool"] as? [String: Any]
    invariant(tool?["name"] as? String == "cfn-lambda" && tool?["version"] is String, "tool is not {name, version}")
    guard let findings = object["findings"] as? [[String: Any]] else {
        invariant(false, "findings is not a list of objects")
        return 0
    }
    invariant(findings.count == report.findings.count, "\(findings.count) JSON findings for \(report.findings.count) findings")
    for (entry, finding) in zip(findings, report.findings) {
        let start = source.lineColumn(at: finding.range.start)
        let end = source.lineColumn(at: finding.range.end)
        invariant(entry["rule"] as? String == finding.rule, "JSON rule \(entry["rule"] ?? "nil") for \(finding.rule)")
        invariant(["error", "warning", "info"].contains(entry["severity"] as? String ?? ""), "severity \(entry["severity"] ?? "nil")")
        invariant(entry["message"] as? String == finding.message, "JSON message differs for \(finding.rule)")
        invariant(entry["file"] as? String == file, "JSON file \(entry["file"] ?? "nil")")
        invariant(entry["line"] as? Int == start.line && entry["column"] as? Int == start.column
                  && entry["endLine"] as? Int == end.line && entry["endColumn"] as? Int == end.column,
                  "JSON place of \(finding.rule) is not \(start)-\(end)")
        invariant(start <= end, "\(finding.rule) ends at \(end) before it starts at \(start)")
        for key in ["resource", "resourceType", "path"] {
            invariant(entry[key] is String || entry[key] is NSNull, "\(key) is neither a string nor null")
        }
        invariant(entry["resource"] as? String == finding.resource && entry["resourceType"] as? String == finding.resourceType
                  && entry["path"] as? String == finding.pathString, "JSON resource, type or path differs for \(finding.rule)")
    }
    let summary = object["summary"] as? [String: Any]
    invariant(summary?["files"] as? Int == 1 && summary?["errors"] as? Int == report.count(.error)
              && summary?["warnings"] as? Int == report.count(.warning) && summary?["infos"] as? Int == report.count(.info),
              "summary does not count the findings")

    let again = JSONReporter().render(ValidationRun(reports: [validator.validate(file: file, bytes: bytes)]))
    invariant(again == json, "validating the same bytes twice gave different JSON:\n\(json)\n\(again)")
    return 0
}
