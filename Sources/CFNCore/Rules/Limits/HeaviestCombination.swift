/// The heaviest reachable combination of the items of one list or map whose presence or size
/// depends on conditions — the most layers a function can get, the largest its environment can be.
///
/// Each item weighs its `fallback` under every condition (0 when it may be absent) and one of its
/// `options` under that option's guard. The search picks, item by item, one option or the
/// fallback, keeps only guards that can hold together (`isSatisfiable` as the combination is
/// built), and drops branches that cannot beat the best total found. Only the items' own
/// conditions are combined, never all of the template's; a budget of satisfiability checks bounds
/// the work, and a search cut short says so (`complete` false) and keeps what it found.
struct HeaviestCombination {
    struct Item {
        /// Weights under conditions; those not above the fallback are ignored.
        var options: [(guardCondition: Guard, weight: Int)]
        /// What the item weighs whatever the conditions.
        var fallback: Int
    }

    /// The heaviest total found, and a guard under which the items weigh at least that much.
    let total: Int
    let guardCondition: Guard
    /// False when the budget ran out before every combination was ruled out.
    let complete: Bool

    static let defaultBudget = 4096

    /// The heaviest combination above `threshold` under `start`, or nil when there is none.
    static func find(_ items: [Item], under start: Guard, above threshold: Int, _ oracle: any ConditionOracle,
                     budget: Int = defaultBudget) -> HeaviestCombination? {
        let base = items.reduce(0) { $0 + $1.fallback }
        // Only items that can weigh more than their fallback are branched on, heaviest option first.
        let choices: [[(guardCondition: Guard, extra: Int)]] = items.compactMap { item in
            let extras = item.options.filter { $0.weight > item.fallback }
                .map { (guardCondition: $0.guardCondition, extra: $0.weight - item.fallback) }
            return extras.isEmpty ? nil : extras.enumerated().sorted {
                $0.element.extra != $1.element.extra ? $0.element.extra > $1.element.extra : $0.offset < $1.offset
            }.map(\.element)
        }
        // The most the items from index i on can add.
        var bound = Array(repeating: 0, count: choices.count + 1)
        for index in choices.indices.reversed() {
            bound[index] = bound[index + 1] + (choices[index].map(\.extra).max() ?? 0)
        }

        struct Frame {
            var item: Int
            var extra: Int
            var guardCondition: Guard
            /// The next option to try; `options.count` is the fallback.
            var next: Int
        }
        var best: (total: Int, guardCondition: Guard)?
        var bestTotal = threshold
        var checks = 0
        var complete = true
        var frames = [Frame(item: 0, extra: 0, guardCondition: start, next: 0)]
        search: while let frame = frames.last {
            if base + frame.extra + bound[frame.item] <= bestTotal {
                frames.removeLast()
                continue
            }
            if frame.item == choices.count {
                best = (base + frame.extra, frame.guardCondition)
                bestTotal = base + frame.extra
                frames.removeLast()
                continue
            }
            let options = choices[frame.item]
            let top = frames.count - 1
            frames[top].next += 1
            if frame.next < options.count {
                let option = options[frame.next]
                let combined = frame.guardCondition.and(option.guardCondition)
                if combined != frame.guardCondition {
                    guard checks < budget else {
                        complete = false
                        break search
                    }
                    checks += 1
                    guard oracle.isSatisfiable(combined) else { continue }
                }
                frames.append(Frame(item: frame.item + 1, extra: frame.extra + option.extra, guardCondition: combined, next: 0))
            } else if frame.next == options.count {
                frames.append(Frame(item: frame.item + 1, extra: frame.extra, guardCondition: frame.guardCondition, next: 0))
            } else {
                frames.removeLast()
            }
        }
        guard let best else { return nil }
        return HeaviestCombination(total: best.total, guardCondition: best.guardCondition, complete: complete)
    }
}
