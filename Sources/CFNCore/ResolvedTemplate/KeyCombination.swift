import CFNLoader

/// One way several keys of a mapping can be at once, after `Fn::If` choices, with the guard under
/// which they are so. Rules that judge keys together (a `Code` with both `ZipFile` and `S3Bucket`,
/// `PackageType: Image` with a `Runtime`) read them from one combination, so values from branches
/// that cannot hold together are never mixed.
struct KeyCombination {
    /// How a key takes part in the combinations.
    enum Mode {
        /// Each reachable value is its own combination.
        case value
        /// Only whether the key is present matters: alternatives that are all present (or all
        /// absent) do not split the combinations, so one problem is not reported once per branch.
        case presence
    }

    var guardCondition: Guard
    /// The mapping the keys belong to (the alternative of it this combination is in).
    var map: Resolved
    /// The keys asked for: only these are read (others are missing).
    let keys: [(String, Mode)]
    /// The keys whose value an `Fn::If` choice splits, with the alternative of this combination
    /// (nil: absent in it). Every other key asked for has its value in `map`, so the common
    /// combination, without a choice, keeps nothing here and allocates nothing.
    private var chosen: [(key: String, value: Resolved?)] = []

    init(guardCondition: Guard, map: Resolved, keys: [(String, Mode)]) {
        self.guardCondition = guardCondition
        self.map = map
        self.keys = keys
    }

    /// The key's value in this combination; nil when absent (or `AWS::NoValue`), or not asked for.
    subscript(key: String) -> Resolved? {
        // A few keys at most: searched in order, which costs less than hashing.
        if let index = chosen.firstIndex(where: { $0.key == key }) { return chosen[index].value }
        guard keys.contains(where: { $0.0 == key }) else { return nil }
        return map[key]
    }

    /// This combination with the key's value one alternative of its choice.
    private func choosing(_ key: String, _ value: Resolved?, under guardCondition: Guard) -> KeyCombination {
        var combination = self
        combination.guardCondition = guardCondition
        combination.chosen.append((key, value))
        return combination
    }

    /// Where the key is written, for findings about a key that should not be there.
    func keyNode(_ key: String) -> NodeID? {
        map.entries?.first { $0.key == key }?.keyNode
    }

    /// Every satisfiable combination of the keys of a known mapping, under `start`. Keys absent from
    /// the mapping are absent in every combination. Only the keys asked for are expanded, so the
    /// count stays the product of their own alternatives.
    static func of(_ map: Resolved, keys: [(String, Mode)], under start: Guard, in context: ResolvedTemplate) -> [KeyCombination] {
        var result = [KeyCombination(guardCondition: start, map: map, keys: keys)]
        // Whether every combination's guard is known satisfiable (`start` itself is not checked
        // until a key's value splits or joins the combinations).
        var checked = start.isAlways
        for (key, mode) in keys {
            // Absent (or `AWS::NoValue`): missing in every combination, as `map` says.
            guard let value = map[key] else { continue }
            // Without a choice the value is its one alternative, under each combination's own guard,
            // and each combination reads it from `map`.
            guard case .choice = value.kind else {
                if mode == .value, !checked {
                    guard context.conditionSet.isSatisfiable(start) else { return [] }
                    checked = true
                }
                continue
            }
            let options = value.alternatives(under: start, context.conditionSet)
            if options.allSatisfy({ $0.value == nil }) {
                // Removed in every branch: missing in every combination.
                for index in result.indices { result[index].chosen.append((key, nil)) }
                continue
            }
            // Present in every branch, and only presence matters: the choice itself is the value.
            if mode == .presence, options.allSatisfy({ $0.value != nil }) { continue }
            checked = true
            var next: [KeyCombination] = []
            for partial in result {
                for option in options {
                    let joint = partial.guardCondition.and(option.guardCondition)
                    guard context.conditionSet.isSatisfiable(joint) else { continue }
                    next.append(partial.choosing(key, option.value, under: joint))
                }
            }
            result = next
        }
        return result
    }

    /// The combinations of a resource's Properties keys, over every reachable alternative of
    /// Properties that is a known mapping. A resource without Properties has none.
    static func properties(of resource: Resource, keys: [(String, Mode)], in context: ResolvedTemplate) -> [KeyCombination] {
        let reached = context.reachable(resource, path: [])
        // One alternative (Properties without a choice at the top): its combinations as they are.
        if reached.count == 1 {
            guard let properties = reached[0].value, properties.entries != nil else { return [] }
            return of(properties, keys: keys, under: reached[0].guardCondition, in: context)
        }
        return reached.flatMap { alternative -> [KeyCombination] in
            guard let properties = alternative.value, properties.entries != nil else { return [] }
            return of(properties, keys: keys, under: alternative.guardCondition, in: context)
        }
    }

    /// The combinations of the keys of a nested mapping property (`Code`, `Content`) of a resource:
    /// each alternative of the property that is a known mapping. Unknown values are left out.
    static func nested(_ property: String, of resource: Resource, keys: [(String, Mode)],
                       in context: ResolvedTemplate) -> [(properties: KeyCombination, nested: KeyCombination)] {
        properties(of: resource, keys: [(property, .value)], in: context).flatMap { outer in
            guard let value = outer[property], value.entries != nil else { return [(KeyCombination, KeyCombination)]() }
            return of(value, keys: keys, under: outer.guardCondition, in: context).map { (outer, $0) }
        }
    }
}

extension Guard {
    /// A message with the conditions it holds under: `"… (when IsProd)"`, or the message alone.
    func qualifying(_ message: String) -> String {
        isAlways ? message : message + " (" + description + ")"
    }
}
