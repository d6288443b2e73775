/// A deprecated runtime.
public struct RuntimeDeprecatedRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.runtime-deprecated", severity: .warning, summary: "A deprecated runtime",
        explanation: "A deprecated runtime gets no more security patches or support. Creating functions is blocked from its create-block date and updating them from its update-block date. Dates: Lambda's runtime deprecation policy, as shipped in schemas/lambda-runtime-lifecycle.json; judged on --today (default: today).")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ↓nodejs20.x\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nMappings:\n  Runtimes: {dev: {Node: nodejs20.x}, prod: {Node: nodejs22.x}}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ↓!FindInMap [Runtimes, !Ref Stage, Node]\n",
            "Parameters:\n  Legacy: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  IsLegacy: !Equals [!Ref Legacy, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsLegacy, ↓nodejs20.x, python3.12]\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n",
            "Parameters:\n  Runtime: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n",
        ],
        settings: ValidationSettings(today: "2026-05-10"))

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        RuntimeStageCheck(stage: .deprecated, descriptor: Self.descriptor) { runtime, dates, today in
            "runtime \(runtime) is deprecated since \(dates.deprecated); creating functions is blocked from \(dates.createBlock), updating from \(dates.updateBlock)"
        }.run(context)
    }
}
