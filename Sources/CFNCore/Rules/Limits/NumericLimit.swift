import CFNLoader

/// An inclusive range a numeric property of every function must fall in, and the check that
/// reports each known value outside it once, at the value, with the value and the limit.
struct NumericLimit {
    /// The property path below Properties, e.g. ["EphemeralStorage", "Size"].
    let path: [String]
    let minimum: Double
    let maximum: Double
    /// "MB", "seconds".
    let unit: String
    /// What to do, appended after the limit.
    let advice: String

    func check(_ context: RuleContext, _ descriptor: RuleDescriptor) -> [Finding] {
        var findings: [Finding] = []
        let name = path.joined(separator: ".")
        for function in context.lambda.functions {
            var reported: Set<NodeID> = []
            for reached in context.reachable(function.resource, path: path) {
                guard let value = reached.value, let text = value.text, let number = LimitNumber.parse(text) else { continue }
                let problem: String
                if number < minimum {
                    problem = "\(name) \(text) is below Lambda's minimum of \(Self.format(minimum)) \(units(minimum))"
                } else if number > maximum {
                    problem = "\(name) \(text) is above Lambda's maximum of \(Self.format(maximum)) \(units(maximum))"
                } else {
                    continue
                }
                if let node = value.node {
                    guard reported.insert(node).inserted else { continue }
                }
                let message = "\(problem); \(advice)"
                findings.append(context.locatedFinding(descriptor, reached.guardCondition.annotate(message), at: value.node,
                                                       in: function.resource, fallbackPath: ["Properties"] + path))
            }
        }
        return findings
    }

    /// "1 second", "900 seconds".
    func units(_ number: Double) -> String {
        number == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
