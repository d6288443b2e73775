import CFNCore

/// Validates a template with every rule and the schemas, and lists its findings as
/// `rule severity line:column message`, the way the tests of issue 19 assert them.
func validationLines(_ text: String, settings: ValidationSettings = ValidationSettings(today: "2026-01-01")) -> [String] {
    let report = Validator(settings: settings).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.map { "\($0.rule) \($0.severity) \(report.source.lineColumn(at: $0.range.start)) \($0.message)" }
}
