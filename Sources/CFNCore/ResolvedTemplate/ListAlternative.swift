/// One way a list property can be: the guard under which it is so, the list as written (nil when
/// the property is absent) and its items once the `Fn::If` choices among them are decided (nil when
/// the list is not known, e.g. a parameter without a value).
///
/// An absent list has no items: a missing `SecurityGroupIds` counts as an empty one.
struct ListAlternative {
    var guardCondition: Guard
    var value: Resolved?
    var items: [Resolved]?

    /// At most this many combinations of element choices are followed; beyond, the list is not judged.
    static let limit = 64
}

extension ResolvedTemplate {
    /// Every way the list at a property path below a resource can be, with its items counted.
    func listAlternatives(_ resource: Resource, path: [String]) -> [ListAlternative] {
        reachable(resource, path: path).flatMap { listAlternatives(of: $0.value, under: $0.guardCondition) }
    }

    /// Every way a list value can be once the `Fn::If` choices among its elements are decided. An
    /// element whose branch is `AWS::NoValue` is absent under that branch's guard.
    func listAlternatives(of value: Resolved?, under start: Guard) -> [ListAlternative] {
        guard let value else { return [ListAlternative(guardCondition: start, value: nil, items: [])] }
        guard let elements = value.elements else { return [ListAlternative(guardCondition: start, value: value, items: nil)] }
        // Without a choice or an AWS::NoValue among the elements the list is one way, as written.
        if !elements.contains(where: { element in
            switch element.kind {
            case .choice, .noValue: return true
            case .scalar, .list, .map, .unknown: return false
            }
        }) {
            return [ListAlternative(guardCondition: start, value: value, items: elements)]
        }
        var partial: [(Guard, [Resolved])] = [(start, [])]
        for element in elements {
            var next: [(Guard, [Resolved])] = []
            for (conditions, items) in partial {
                for (branch, item) in element.alternatives(under: conditions, conditionSet) {
                    next.append((branch, item.map { items + [$0] } ?? items))
                }
            }
            guard next.count <= ListAlternative.limit else {
                return [ListAlternative(guardCondition: start, value: value, items: nil)]
            }
            partial = next
        }
        return partial.map { ListAlternative(guardCondition: $0.0, value: value, items: $0.1) }
    }

    /// Each element of a list value with the guard under which it is present; nil when the value
    /// is not a known list. An absent value has no elements.
    func listElements(of value: Resolved?, under start: Guard) -> [(guardCondition: Guard, value: Resolved)]? {
        guard let value else { return [] }
        guard let elements = value.elements else { return nil }
        return elements.flatMap { element in
            element.alternatives(under: start, conditionSet).compactMap { branch in branch.value.map { (branch.guardCondition, $0) } }
        }
    }

    /// The alternatives of a value that may be absent: `[(start, nil)]` when it is.
    func alternatives(of value: Resolved?, under start: Guard) -> GuardedAlternatives {
        value?.alternatives(under: start, conditionSet) ?? [(start, nil)]
    }
}
