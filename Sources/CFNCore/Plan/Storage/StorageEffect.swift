/// What one combination of a resource's BASE and HEAD alternatives does to Lambda-managed storage.
struct StorageEffect: Hashable {
    /// What CloudFormation does to the resource in this combination.
    enum Operation: Hashable {
        case none, create, delete, update, replace
    }

    /// The storage mode change of this combination.
    enum Switch: Hashable {
        case none
        case switched(from: StorageTransition.Mode, to: StorageTransition.Mode)
        /// A mode is not known.
        case unknown
    }

    var operation: Operation
    /// Bytes added or freed while resources are created and updated; nil when not known.
    var immediate: Int64?
    /// Bytes freed in the cleanup phase (deletions, the old half of a replacement); nil when not known.
    var cleanup: Int64?
    var modeSwitch: Switch
    /// What is missing when an amount is not known: artifacts, or the logical ID.
    var unknown: Set<String>

    /// The bytes a code alternative holds in Lambda-managed storage: its size when stored with
    /// COPY, 0 for REFERENCE, images and absent resources; nil, with what is missing, otherwise.
    static func stored(_ code: StoredCode, id: String, basis: QuotaBasis) -> (bytes: Int64?, missing: Set<String>) {
        guard code.exists else { return (0, []) }
        switch code.mode {
        case .reference, .image: return (0, [])
        case .unknown: return (nil, [id])
        case .copy:
            if let bytes = code.size?.bytes(on: basis) { return (bytes, []) }
            return (nil, [code.label])
        }
    }

    /// The effect of one combination. `codeChanged` says whether the update touches `Code`/`Content`;
    /// the retain answers are nil when the policy depends on something not known.
    static func of(base: StoredCode, head: StoredCode, id: String, action: ResourceChange.Action?, codeChanged: Bool,
                   retainedOnDelete: Bool?, retainedOnReplace: Bool?, basis: QuotaBasis) -> StorageEffect {
        // Made only where the effect uses them: an unchanged resource needs neither.
        var storedBefore: (bytes: Int64?, missing: Set<String>) { stored(base, id: id, basis: basis) }
        var storedAfter: (bytes: Int64?, missing: Set<String>) { stored(head, id: id, basis: basis) }
        switch (base.exists, head.exists) {
        case (false, false):
            return StorageEffect(operation: .none, immediate: 0, cleanup: 0, modeSwitch: .none, unknown: [])
        case (false, true):
            let new = storedAfter
            return StorageEffect(operation: .create, immediate: new.bytes, cleanup: 0, modeSwitch: .none, unknown: new.missing)
        case (true, false):
            guard let retained = retainedOnDelete else {
                return StorageEffect(operation: .delete, immediate: 0, cleanup: nil, modeSwitch: .none, unknown: [id])
            }
            if retained { return StorageEffect(operation: .delete, immediate: 0, cleanup: 0, modeSwitch: .none, unknown: []) }
            let old = storedBefore
            return StorageEffect(operation: .delete, immediate: 0, cleanup: old.bytes.map { -$0 }, modeSwitch: .none,
                                 unknown: old.missing)
        case (true, true):
            let modeSwitch = switchBetween(base.mode, head.mode)
            switch action {
            case .update? where codeChanged:
                let (old, new) = (storedBefore, storedAfter)
                let immediate = old.bytes.flatMap { removed in new.bytes.map { $0.saturatingAdd(-removed) } }
                return StorageEffect(operation: .update, immediate: immediate, cleanup: 0, modeSwitch: modeSwitch,
                                     unknown: old.missing.union(new.missing))
            case .replace?:
                let (old, new) = (storedBefore, storedAfter)
                guard let retained = retainedOnReplace else {
                    return StorageEffect(operation: .replace, immediate: new.bytes, cleanup: nil, modeSwitch: modeSwitch,
                                         unknown: new.missing.union([id]))
                }
                let cleanup: Int64? = retained ? 0 : old.bytes.map { -$0 }
                return StorageEffect(operation: .replace, immediate: new.bytes, cleanup: cleanup, modeSwitch: modeSwitch,
                                     unknown: new.missing.union(retained ? [] : old.missing))
            default:
                // Unchanged code, or a change CloudFormation makes without touching it.
                return StorageEffect(operation: action == .update ? .update : .none, immediate: 0, cleanup: 0,
                                     modeSwitch: .none, unknown: [])
            }
        }
    }

    static func switchBetween(_ from: StoredCode.Mode, _ to: StoredCode.Mode) -> Switch {
        func mode(_ mode: StoredCode.Mode) -> StorageTransition.Mode? {
            switch mode {
            case .copy: .copy
            case .reference: .reference
            case .image, .unknown: nil
            }
        }
        if from == .unknown || to == .unknown { return .unknown }
        guard let old = mode(from), let new = mode(to), old != new else { return .none }
        return .switched(from: old, to: new)
    }
}
