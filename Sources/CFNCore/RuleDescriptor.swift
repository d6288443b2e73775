/// What a rule is: its stable id, default severity, a one-line summary and a longer explanation.
public struct RuleDescriptor: Hashable, Sendable {
    public let id: String
    public let severity: Severity
    public let summary: String
    public let explanation: String
    /// The generic schema checks (`schema.*` ids) whose finding says the same as this rule's at the
    /// same place: that finding is then dropped as a duplicate (`FindingOverlap`).
    public let restates: Set<String>

    public init(id: String, severity: Severity, summary: String, explanation: String, restates: Set<String> = []) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
        self.restates = restates
    }
}
