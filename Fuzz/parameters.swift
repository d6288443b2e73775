import CFNCore
import CFNLoader

/// The parameters-file reader on raw bytes (CloudFormation's list, a plain object, YAML or JSON).
///
/// Invariants: every finding's range lies within the file and starts and ends on a character
/// boundary (but for invalid bytes), and they sort; reading the same bytes twice gives the same
/// values and findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = ParameterFile.parse(bytes)
    let count = UInt32(bytes.count)
    func onBoundary(_ offset: UInt32) -> Bool {
        offset >= count || bytes[Int(offset)] & 0xC0 != 0x80
    }
    for finding in parsed.findings {
        let range = finding.range
        invariant(range.start <= range.end && range.end <= count,
                  "\(finding.rule) range \(range.start)..<\(range.end) outside the \(count) bytes")
        invariant(finding.rule == "yaml.invalid-character" || onBoundary(range.start) && onBoundary(range.end),
                  "\(finding.rule) range \(range.start)..<\(range.end) splits a UTF-8 character")
        invariant(!finding.message.isEmpty, "\(finding.rule) without a message")
    }
    let report = FileReport(file: "parameters.json", bytes: bytes, findings: parsed.findings)
    for (previous, next) in zip(report.findings, report.findings.dropFirst()) {
        invariant(!Finding.sourceOrder(next, previous), "findings out of order")
    }
    let again = ParameterFile.parse(bytes)
    invariant(again.values == parsed.values && again.findings == parsed.findings,
              "reading the same bytes twice gave different results")
    return 0
}
