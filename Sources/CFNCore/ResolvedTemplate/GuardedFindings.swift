import CFNLoader

/// Findings gathered under guards, then reported once per problem and place.
///
/// One problem reached under several guards is one finding per guard that remains after simplifying
/// them without changing their disjunction: a guard that implies another is dropped, and two that
/// differ only in one condition's polarity merge (`A and B`, `A and not B` → `A`). So a problem
/// found under both branches of an `Fn::If` is reported once, without a guard.
struct GuardedFindings {
    private struct Key: Hashable {
        var message: String
        var node: NodeID?
        var resource: String
        var path: [String]
    }

    private struct Entry {
        var key: Key
        var resource: Resource
        var guards: [Guard]
    }

    private var entries: [Entry] = []
    private var index: [Key: Int] = [:]

    /// Records a problem at `node` (the resource's logical ID when nil) under `guardCondition`.
    mutating func add(_ message: String, at node: NodeID?, in resource: Resource, path: [String], when guardCondition: Guard) {
        let key = Key(message: message, node: node, resource: resource.logicalId, path: path)
        if let position = index[key] {
            entries[position].guards.append(guardCondition)
        } else {
            index[key] = entries.count
            entries.append(Entry(key: key, resource: resource, guards: [guardCondition]))
        }
    }

    /// The findings, each message followed by " (when …)" unless its guard is always true.
    func findings(_ descriptor: RuleDescriptor, _ context: ResolvedTemplate) -> [Finding] {
        entries.flatMap { entry in
            Self.simplify(entry.guards).map { conditions in
                let message = conditions.isAlways ? entry.key.message : "\(entry.key.message) (\(conditions.description))"
                return context.finding(descriptor, message, at: entry.key.node, in: entry.resource, path: entry.key.path)
            }
        }
    }

    /// The guards, with the same disjunction, fewer where possible, sorted by their description.
    static func simplify(_ input: [Guard]) -> [Guard] {
        var guards = Array(Set(input))
        var changed = true
        while changed {
            changed = false
            let kept = guards.filter { candidate in
                !guards.contains { other in other != candidate && Set(other.literals).isSubset(of: candidate.literals) }
            }
            if kept.count != guards.count {
                guards = kept
                changed = true
                continue
            }
            search: for first in guards.indices {
                for second in guards.indices where second > first {
                    if let merged = merge(guards[first], guards[second]) {
                        guards.remove(at: second)
                        guards[first] = merged
                        changed = true
                        break search
                    }
                }
            }
        }
        return guards.sorted { $0.description < $1.description }
    }

    /// `C and X` with `not C and X` is `X`; nil for any other pair.
    static func merge(_ first: Guard, _ second: Guard) -> Guard? {
        guard first.literals.count == second.literals.count else { return nil }
        let onlyFirst = Set(first.literals).subtracting(second.literals)
        let onlySecond = Set(second.literals).subtracting(first.literals)
        guard onlyFirst.count == 1, onlySecond.count == 1, let one = onlyFirst.first, let other = onlySecond.first,
              one.condition == other.condition, one.holds != other.holds else { return nil }
        return Guard(first.literals.filter { $0 != one })
    }
}
