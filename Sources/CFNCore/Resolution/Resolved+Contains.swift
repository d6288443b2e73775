extension Resolved {
    /// Whether `text` is a known scalar anywhere in the value: in a list, a mapping's values, or a
    /// branch of an `Fn::If` choice. Depth first, without recursion; scalars are compared where they
    /// are found, so a value without nested lists or mappings (most `Code` mappings) needs no stack.
    func contains(text: String) -> Bool {
        if case .scalar(let scalar, _) = kind { return scalar == text }
        var work: [Resolved] = []
        var next: Resolved? = self
        while let value = next ?? work.popLast() {
            next = nil
            switch value.kind {
            case .list(let elements):
                for element in elements where Self.holds(element, text, pushing: &work) { return true }
            case .map(let entries):
                for entry in entries where Self.holds(entry.value, text, pushing: &work) { return true }
            case .choice(_, let then, let otherwise):
                if Self.holds(then, text, pushing: &work) || Self.holds(otherwise, text, pushing: &work) { return true }
            case .scalar, .unknown, .noValue:
                break
            }
        }
        return false
    }

    /// Whether `value` is the scalar `text`; a value with values inside is pushed to be searched.
    private static func holds(_ value: Resolved, _ text: String, pushing work: inout [Resolved]) -> Bool {
        switch value.kind {
        case .scalar(let scalar, _): return scalar == text
        case .list, .map, .choice: work.append(value)
        case .unknown, .noValue: break
        }
        return false
    }
}
