/// Lambda blocks updates of functions on a runtime after its update-block date.
public struct RuntimeUpdateBlockedRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.runtime-update-blocked", severity: .error, summary: "Lambda blocks updates of functions on a runtime after its update-block date",
        explanation: "A function whose runtime is past its update-block date can no longer be updated (code or configuration): the next deployment that touches it fails. Dates: Lambda's runtime deprecation policy, as shipped in schemas/lambda-runtime-lifecycle.json; judged on --today (default: today).")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ↓nodejs16.x\n",
            "Parameters:\n  Legacy: {Type: String, AllowedValues: ['yes', 'no']}\nConditions:\n  IsLegacy: !Equals [!Ref Legacy, 'yes']\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !If [IsLegacy, ↓nodejs16.x, python3.12]\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n",
            "Parameters:\n  Runtime: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n",
        ],
        settings: ValidationSettings(today: "2026-08-01"))

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        RuntimeStageCheck(stage: .updateBlocked, descriptor: Self.descriptor) { runtime, dates, today in
            "runtime \(runtime): Lambda blocks function updates since \(dates.updateBlock)"
        }.run(context)
    }
}
