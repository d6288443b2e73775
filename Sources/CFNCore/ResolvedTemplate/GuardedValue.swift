import CFNLoader

/// A value reached under a guard: one alternative of an `Fn::If`, or one element of a list.
struct GuardedValue {
    let guardCondition: Guard
    let value: Resolved

    /// The reachable values of a property that may be one value or a list of them (an IAM `Action`,
    /// a policy's `Statement`, lifecycle `Transitions`): each `Fn::If` alternative, and each element
    /// of a list with its own alternatives, under a satisfiable guard. Absent values are left out;
    /// unknown ones are kept for the caller to treat as "may be anything".
    static func items(of value: Resolved?, under start: Guard, in context: ResolvedTemplate) -> [GuardedValue] {
        guard let value else { return [] }
        var result: [GuardedValue] = []
        for (conditions, alternative) in value.alternatives(under: start, context.conditionSet) {
            guard let alternative else { continue }
            guard let elements = alternative.elements else {
                result.append(GuardedValue(guardCondition: conditions, value: alternative))
                continue
            }
            for element in elements {
                for (inner, item) in element.alternatives(under: conditions, context.conditionSet) {
                    if let item { result.append(GuardedValue(guardCondition: inner, value: item)) }
                }
            }
        }
        return result
    }
}
