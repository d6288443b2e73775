/// Builds a `Plan` from two templates: resource actions, code storage, network interfaces, and
/// the findings of HEAD together with the plan's own predictions.
public struct Planner: Sendable {
    public var options: PlanOptions

    public init(options: PlanOptions = PlanOptions()) {
        self.options = options
    }

    /// `base` is nil for a new stack. `headFindings` are HEAD's validate findings, reported with the plan.
    public func plan(base: RuleContext?, head: RuleContext, headFindings: [Finding] = []) -> Plan {
        let changes = ResourcePlanner(base: base, head: head).changes()
        let (enis, eniFindings) = ENIPlanner(base: base, head: head).summary(changes: changes, eniQuota: options.eniQuota)
        let sharing = LayerSharingPlanner(base: base, head: head).findings(changes: changes)
        let failures = FailurePredictor(base: base, head: head).findings(changes: changes)
        return Plan(changes: changes, transitions: [],
                    storage: StorageSummary(quotaBytes: options.quotaBytes ?? StorageSummary.defaultQuotaBytes,
                                            usageBeforeBytes: options.usageBeforeBytes, deltaBytes: 0,
                                            usageAfterBytes: options.usageBeforeBytes, exceedsQuota: nil, unknownSizes: []),
                    enis: enis,
                    findings: headFindings + eniFindings + sharing + failures)
    }
}

/// What the plan needs besides the templates.
public struct PlanOptions: Sendable {
    /// `AccountLimit.TotalCodeSize` from `aws lambda get-account-settings`, if given.
    public var quotaBytes: Int64?
    /// `AccountUsage.TotalCodeSize`, if given.
    public var usageBeforeBytes: Int64?
    /// Hyperplane ENIs allowed per VPC (default 500).
    public var eniQuota: Int

    public init(quotaBytes: Int64? = nil, usageBeforeBytes: Int64? = nil, eniQuota: Int = 500) {
        self.quotaBytes = quotaBytes
        self.usageBeforeBytes = usageBeforeBytes
        self.eniQuota = eniQuota
    }
}
