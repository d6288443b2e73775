/// Lambda no longer creates functions on a runtime after its create-block date.
public struct RuntimeCreateBlockedRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.runtime-create-blocked", severity: .error, summary: "Lambda no longer creates functions on a runtime after its create-block date",
        explanation: "New functions with a runtime past its create-block date are refused, so a stack that creates (or replaces) this function fails; updates are blocked later. Dates: Lambda's runtime deprecation policy, as shipped in schemas/lambda-runtime-lifecycle.json; judged on --today (default: today).")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ↓nodejs20.x\n",
            "Parameters:\n  Legacy: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  IsLegacy: !Equals [!Ref Legacy, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsLegacy, ↓nodejs20.x, python3.12]\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n",
            "Parameters:\n  Runtime: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n",
        ],
        settings: ValidationSettings(today: "2026-06-15"))

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        RuntimeStageCheck(stage: .createBlocked, descriptor: Self.descriptor) { runtime, dates, today in
            "runtime \(runtime): Lambda refuses to create functions since \(dates.createBlock) and will refuse updates from \(dates.updateBlock)"
        }.run(context)
    }
}
