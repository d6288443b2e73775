import CFNLoader

/// A check over a whole template. One rule per file, with examples that the tests run:
/// each `triggering` example must produce a finding of this rule at every `↓` marker (and nowhere
/// else); each `nonTriggering` example must produce none.
public protocol TemplateRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    static var examples: RuleExamples { get }
    func check(_ context: RuleContext) -> [Finding]
    /// When the validator runs the rule; `.wholeTemplate` unless the rule says otherwise.
    static var schedule: RuleSchedule { get }
}

extension TemplateRule {
    public static var schedule: RuleSchedule { .wholeTemplate }

    /// Whether the rule is a `FunctionRule`, asked without a dynamic cast (which costs a search of
    /// the program's conformances, tens of microseconds a rule, on every validation).
    public static var judgesEachFunctionAlone: Bool { schedule == .eachFunction }
}

/// Example templates for a rule. A `↓` marks where a finding starts; it is removed before loading.
public struct RuleExamples: Sendable {
    public var triggering: [String]
    public var nonTriggering: [String]
    /// The settings the examples are validated with (parameters, region, today).
    public var settings: ValidationSettings

    public init(triggering: [String], nonTriggering: [String], settings: ValidationSettings = ValidationSettings()) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.settings = settings
    }

    public static let marker: Character = "↓"
}
