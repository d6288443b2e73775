extension Resolved {
    /// The value with its top-level `Fn::If` choices expanded: each alternative with the guard
    /// under which it is the value. Alternatives whose guard cannot hold are left out; a branch that
    /// is `AWS::NoValue` is an alternative with value nil (the property is absent there).
    public func alternatives(under start: Guard, _ oracle: some ConditionOracle) -> GuardedAlternatives {
        // Without a choice at the top the value is its one alternative.
        switch kind {
        case .choice: break
        case .noValue: return GuardedAlternatives((start, nil))
        case .scalar, .list, .map, .unknown: return GuardedAlternatives((start, self))
        }
        var result = GuardedAlternatives()
        var work: [(Guard, Resolved)] = [(start, self)]
        while let (conditions, value) = work.popLast() {
            switch value.kind {
            case .choice(let condition, let then, let otherwise):
                let holds = conditions.and(ConditionLiteral(condition, holds: true))
                let fails = conditions.and(ConditionLiteral(condition, holds: false))
                if oracle.isSatisfiable(fails) { work.append((fails, otherwise)) }
                if oracle.isSatisfiable(holds) { work.append((holds, then)) }
            case .noValue:
                result.append((conditions, nil))
            default:
                result.append((conditions, value))
            }
        }
        return result
    }
}
