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

    init(logicalId: String, effects: [(effect: StorageEffect, head: StoredCode)]) {
        self.logicalId = logicalId
        let amounts = Set(effects.map { [$0.effect.immediate, $0.effect.cleanup] })
        let immediates = Set(effects.map(\.effect.immediate))
        var unknown = effects.reduce(into: Set<String>()) { $0.formUnion($1.effect.unknown) }
        if amounts.count == 1, let only = amounts.first, let immediate = only[0], let cleanup = only[1] {
            delta = immediate.saturatingAdd(cleanup)
        } else {
            delta = nil
            if unknown.isEmpty { unknown = [logicalId] }  // known in each combination, but not the same
        }
        immediate = immediates.count == 1 ? immediates.first ?? nil : nil
        self.unknown = delta == nil ? unknown : []
        let switches = Set(effects.map(\.effect.modeSwitch))
        if switches.count == 1, case .switched(let from, let to)? = switches.first {
            transition = StorageTransition(logicalId: logicalId, from: from, to: to, deltaBytes: delta)
        } else {
            transition = nil
        }
        let operations = Set(effects.map(\.effect.operation))
        operation = operations.count == 1 ? operations.first : nil
        head = effects.first?.head
    }
}
