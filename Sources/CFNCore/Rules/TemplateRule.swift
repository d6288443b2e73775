import CFNLoader

/// A check over a whole template. One rule per file, with examples that the tests run:
/// each `triggering` example must produce a finding of this rule at every `↓` marker (and nowhere
/// else); each `nonTriggering` example must produce none.
public protocol TemplateRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    static var examples: RuleExamples { get }
    func check(_ context: RuleContext) -> [Finding]
}

/// Example templates for a rule. A `↓` marks where a finding starts; it is removed before loading.
public struct RuleExamples: Sendable {
    public var triggering: [String]
    public var nonTriggering: [String]

    public init(triggering: [String], nonTriggering: [String]) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    public static let marker: Character = "↓"
}
