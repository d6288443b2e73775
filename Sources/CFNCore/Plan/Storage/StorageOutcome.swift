/// What the plan concludes about one function's or layer version's code storage, over every
/// combination of its BASE and HEAD alternatives: the numbers all combinations agree on.
struct StorageOutcome {
    let logicalId: String
    /// The net change in bytes; nil when the combinations disagree or a size is not known.
    let delta: Int64?
    /// The part of `delta` that happens while resources are created and updated (before cleanup).
    let immediate: Int64?
    /// What is missing when `delta` is nil: artifacts whose size is not known, or the logical ID
    /// when a storage mode, a retain policy or a condition is not known.
    let unknown: Set<String>
    /// The mode switch every combination makes.
    let transition: StorageTransition?
    /// What CloudFormation does, when every combination agrees.
    let operation: StorageEffect.Operation?
    /// HEAD's code in the first combination (for locating findings).
    let head: StoredCode?
    /// HEAD's alternatives whose code is a CDK asset.
    var headAssets: [StoredCode] = []
    /// HEAD's counted alternatives of unknown size that are no CDK asset (kept only when the cloud
    /// assembly has no asset manifest: they may be assets it would name).
    var headUnsized: [StoredCode] = []
    /// `delta` counts a zipped size that is an estimate.
    var estimated = false

    init(logicalId: String, effects: [(effect: StorageEffect, head: StoredCode)]) {
        self.logicalId = logicalId
        /// The value every combination has; nil when they differ or there is none.
        func agreed<T: Equatable>(_ value: (StorageEffect) -> T) -> T? {
            guard let first = effects.first.map({ value($0.effect) }) else { return nil }
            return effects.dropFirst().allSatisfy { value($0.effect) == first } ? first : nil
        }
        var unknown = effects.reduce(into: Set<String>()) { $0.formUnion($1.effect.unknown) }
        if let immediate = agreed(\.immediate), let cleanup = agreed(\.cleanup), let immediate, let cleanup {
            delta = immediate.saturatingAdd(cleanup)
        } else {
            delta = nil
            if unknown.isEmpty { unknown = [logicalId] }  // known in each combination, but not the same
        }
        immediate = agreed(\.immediate) ?? nil
        self.unknown = delta == nil ? unknown : []
        if case .switched(let from, let to)? = agreed(\.modeSwitch) {
            transition = StorageTransition(logicalId: logicalId, from: from, to: to, deltaBytes: delta)
        } else {
            transition = nil
        }
        operation = agreed(\.operation)
        head = effects.first?.head
    }
}
