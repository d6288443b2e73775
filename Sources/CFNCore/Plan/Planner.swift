/// Builds a `Plan` from two templates: resource actions, code storage, network interfaces, and
/// the findings of HEAD together with the plan's own predictions.
public struct Planner: Sendable {
    public var options: PlanOptions

    public init(options: PlanOptions = PlanOptions()) {
        self.options = options
    }

    /// `base` is nil for a new stack. `headFindings` are HEAD's validate findings, reported with the plan.
    public func plan(base: ResolvedTemplate?, head: ResolvedTemplate, headFindings: [Finding] = []) -> Plan {
        var resources = ResourcePlanner(base: base, head: head)
        resources.localCode = options.localCode
        var changes = resources.changes()
        if let base { RemovalRetention.mark(&changes, base: base, head: head) }
        let storage = StoragePlanner(base: base, head: head, changes: changes, sizes: options.sizes,
                                     options: options.storage).plan()
        for index in changes.indices {
            if let delta = storage.deltas[changes[index].logicalId] { changes[index].storageDeltaBytes = delta }
        }
        let (enis, eniFindings) = ENIPlanner(base: base, head: head, deployed: options.deployed).summary(changes: changes, eniQuota: options.eniQuota)
        let sharing = LayerSharingPlanner(base: base, head: head).findings(changes: changes)
        let failures = FailurePredictor(base: base, head: head).findings(changes: changes)
        let versions = UnpublishedVersions(head: head, changes: changes).findings()
            + AliasTrafficShifts(head: head, changes: changes).findings()
            + (base.map { LocalCodeChanges(base: $0, head: head, comparison: options.localCode).findings() } ?? [])
        var plan = Plan(changes: changes, transitions: storage.transitions, storage: storage.summary, enis: enis,
                        findings: headFindings + storage.findings + eniFindings + sharing + failures + versions)
        plan.assets = storage.assets
        return plan
    }
}

/// What the plan needs besides the templates.
public struct PlanOptions: Sendable {
    /// Code sizes: the artifact sizes file and how to measure local code paths.
    public var sizes: CodeSizes
    /// The quota basis and the account's settings (quota, usage, unzipped limit).
    public var storage: StorageOptions
    /// Hyperplane ENIs allowed per VPC (default 500).
    public var eniQuota: Int
    /// The deployed stack BASE stands for (`plan --state`): its functions' actual network
    /// configuration and its resources' physical IDs. Its code sizes and storage modes go in
    /// `sizes.deployed`, its account settings in `storage.account`.
    public var deployed: DeployedState?
    /// Whether the files at local code paths changed between BASE and HEAD (`--base-ref`); by
    /// default they cannot be compared.
    public var localCode = LocalCodeComparison()

    public init(sizes: CodeSizes = CodeSizes(), storage: StorageOptions = StorageOptions(), eniQuota: Int = 500,
                deployed: DeployedState? = nil) {
        self.sizes = sizes
        self.storage = storage
        self.eniQuota = eniQuota
        self.deployed = deployed
    }
}
