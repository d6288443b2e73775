import CFNCore

/// Everything one `validate` run produced, files in the order given to the reporters.
public struct ValidationRun: Sendable {
    public let reports: [FileReport]
    /// Inputs that could not be read, which every format reports (a run that skipped one is not clean).
    public let unreadable: [UnreadableInput]

    /// Reports sorted by file path, so output does not depend on argument or completion order.
    public init(reports: [FileReport], unreadable: [UnreadableInput] = []) {
        self.reports = reports.sorted { $0.file < $1.file }
        self.unreadable = unreadable.sorted { ($0.file, $0.reason) < ($1.file, $1.reason) }
    }

    public var files: Int { reports.count }
    public func count(_ severity: Severity) -> Int { reports.reduce(0) { $0 + $1.count(severity) } }

    /// Whether any finding is at least as severe as `threshold`.
    public func hasFinding(atLeast threshold: Severity) -> Bool {
        reports.contains { $0.findings.contains { $0.severity >= threshold } }
    }
}

/// An input named on the command line (or found in a folder) that could not be read, and why.
public struct UnreadableInput: Sendable, Hashable {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `file: reason`, as the text output prints it.
    public var description: String { "\(file): \(reason)" }
}

/// Turns a run into text for one output format. Reporters read results; they never compute findings.
public protocol Reporter {
    func render(_ run: ValidationRun) -> String
}
