extension Resolved {
    /// Whether `text` is a known scalar anywhere in the value: in a list, a mapping's values, or a
    /// branch of an `Fn::If` choice. Depth first, without recursion.
    func contains(text: String) -> Bool {
        var work = [self]
        work.reserveCapacity(16)
        while let value = work.popLast() {
            switch value.kind {
            case .scalar(let scalar, _):
                if scalar == text { return true }
            case .list(let elements):
                for element in elements { work.append(element) }
            case .map(let entries):
                for entry in entries { work.append(entry.value) }
            case .choice(_, let then, let otherwise):
                work.append(then)
                work.append(otherwise)
            case .unknown, .noValue:
                break
            }
        }
        return false
    }
}
