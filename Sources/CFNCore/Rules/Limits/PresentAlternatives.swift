/// A value that `Fn::If` may make present or absent — a list element, a map entry's value, a
/// property: the alternatives under which it is present, and whether it is present in all of them.
struct PresentAlternatives {
    /// The alternatives where the value is present, in source order (the `then` branch first).
    let present: [(guardCondition: Guard, value: Resolved)]
    /// True when the value is present under every satisfiable alternative: its presence then needs
    /// no condition beyond `start`.
    let always: Bool
    /// The guard the value was reached under.
    let start: Guard

    init(_ value: Resolved, under start: Guard, _ oracle: any ConditionOracle) {
        self.start = start
        // Without a choice the value is its one alternative: present unless it is AWS::NoValue.
        switch value.kind {
        case .choice:
            break
        case .noValue:
            (present, always) = ([], false)
            return
        case .scalar, .list, .map, .unknown:
            (present, always) = ([(start, value)], true)
            return
        }
        let alternatives = value.alternatives(under: start, oracle)
        present = alternatives.compactMap { alternative in alternative.value.map { (alternative.guardCondition, $0) } }
        always = !present.isEmpty && present.count == alternatives.count
    }

    /// The guard under which the value is present, when one conjunction says it: `start` when it is
    /// present everywhere, else that of its first present alternative.
    var presenceGuard: Guard? {
        always ? start : present.first?.guardCondition
    }
}

extension Guard {
    /// The message with " (when …)" appended, or unchanged when the guard always holds.
    func annotate(_ message: String) -> String {
        isAlways ? message : "\(message) (\(description))"
    }
}
