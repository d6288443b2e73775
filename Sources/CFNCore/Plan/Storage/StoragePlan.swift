/// The code storage part of a plan: what each function and layer version adds to or removes from
/// Lambda-managed code storage, the storage mode switches, the totals against the quota, and the
/// failures that follow.
public struct StoragePlan: Sendable, Hashable {
    /// By logical ID, for every function and layer version of either template: the change in
    /// bytes, or nil when it is not known (the artifacts or logical IDs are in `summary.unknownSizes`).
    public var deltas: [String: Int64?]
    /// Every certain COPY ↔ REFERENCE switch, sorted by logical ID.
    public var transitions: [StorageTransition]
    public var summary: StorageSummary
    /// Predicted failures (`plan.code-storage-quota`, `plan.code-size-unzipped`), located in HEAD, in
    /// source order.
    public var findings: [Finding]
    /// The CDK assets HEAD's functions and layer versions are, sorted by path.
    public var assets: [CodeAsset] = []

    public init(deltas: [String: Int64?], transitions: [StorageTransition], summary: StorageSummary, findings: [Finding]) {
        self.deltas = deltas
        self.transitions = transitions
        self.summary = summary
        self.findings = findings
    }
}
