import CFNLoader

/// Conditions that refer to themselves through `Condition`.
public struct ConditionCycleRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "condition.cycle", severity: .error, summary: "A condition that depends on itself",
        explanation: "A condition may use other conditions (Condition: Name, Fn::And, Fn::Or, Fn::Not), but not itself, directly or through others.")

    public static let examples = RuleExamples(
        triggering: ["Conditions:\n  ↓A: !Not [!Condition B]\n  B: !And [!Condition A, !Equals [x, y]]\nResources:\n  R: {Type: T}\n"],
        nonTriggering: ["Conditions:\n  A: !Not [!Condition B]\n  B: !Equals [x, y]\nResources:\n  R: {Type: T}\n"])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        return context.conditionSet.cycles.compactMap { name in
            guard let entry = (context.template.entries(of: .conditions) ?? .empty).first(where: { tree.scalar($0.key, equals: name) })
            else { return nil }
            return Finding(Self.descriptor, "condition '\(name)' depends on itself", at: tree.range(entry.key),
                           path: ["Conditions", name])
        }
    }
}
