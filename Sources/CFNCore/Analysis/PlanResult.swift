import CFNLoader

/// What `Analysis.plan` returns.
public struct PlanResult: Sendable {
    /// Nil when BASE or HEAD has no readable structure; `reports` say why.
    public let plan: Plan?
    /// HEAD's text, where the plan's findings are located.
    public let headSource: SourceText
    /// Findings outside the plan: BASE's when it cannot be read as a template, and HEAD's own
    /// report when there is no plan.
    public let reports: [FileReport]
}
