/// A runtime deprecated within 90 days.
public struct RuntimeDeprecationSoonRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.runtime-deprecation-soon", severity: .info, summary: "A runtime deprecated within 90 days",
        explanation: "The runtime reaches its deprecation date within 90 days: plan the move to its successor. Dates: Lambda's runtime deprecation policy, as shipped in schemas/lambda-runtime-lifecycle.json; judged on --today (default: today).")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ↓nodejs20.x\n",
            "Parameters:\n  Legacy: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  IsLegacy: !Equals [!Ref Legacy, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsLegacy, ↓nodejs20.x, python3.12]\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n",
            "Parameters:\n  Runtime: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n",
        ],
        settings: ValidationSettings(today: "2026-03-01"))

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        RuntimeStageCheck(stage: .deprecationSoon, descriptor: Self.descriptor) { runtime, dates, today in
            "runtime \(runtime) will be deprecated on \(dates.deprecated) (in \(RuntimeLifecycle.days(from: today, to: dates.deprecated) ?? 0) days)"
        }.run(context)
    }
}
