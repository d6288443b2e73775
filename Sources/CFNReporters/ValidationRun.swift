import CFNCore

/// Everything one `validate` run produced, files in the order given to the reporters.
public struct ValidationRun: Sendable {
    public let reports: [FileReport]

    /// Reports sorted by file path, so output does not depend on argument or completion order.
    public init(reports: [FileReport]) {
        self.reports = reports.sorted { $0.file < $1.file }
    }

    public var files: Int { reports.count }
    public func count(_ severity: Severity) -> Int { reports.reduce(0) { $0 + $1.count(severity) } }

    /// Whether any finding is at least as severe as `threshold`.
    public func hasFinding(atLeast threshold: Severity) -> Bool {
        reports.contains { $0.findings.contains { $0.severity >= threshold } }
    }
}

/// Turns a run into text for one output format. Reporters read results; they never compute findings.
public protocol Reporter {
    func render(_ run: ValidationRun) -> String
}
