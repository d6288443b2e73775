/// What a rule is: its stable id, default severity, a one-line summary and a longer explanation.
public struct RuleDescriptor: Hashable, Sendable {
    public let id: String
    public let severity: Severity
    public let summary: String
    public let explanation: String

    public init(id: String, severity: Severity, summary: String, explanation: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
    }
}
