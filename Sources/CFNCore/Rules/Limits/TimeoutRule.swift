/// A function `Timeout` outside 1–900 seconds.
public struct TimeoutRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.timeout", severity: .error, summary: "Timeout outside 1–900 seconds",
        explanation: "A function's Timeout is 1 to 900 seconds (15 minutes): the AWS::Lambda::Function schema gives minimum 1 and maximum 900, and Lambda's quotas list 900 seconds as the longest run. Plain and quoted numbers are judged; values not known before deployment are not. Work that takes longer belongs in Step Functions or a container service.",
        restates: ["schema.range"])

    static let limit = NumericLimit(path: ["Timeout"], minimum: 1, maximum: 900, unit: "seconds",
                                    advice: "set Timeout between 1 and 900")

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: ↓1200
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: ↓'0'
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Seconds: {Type: Number}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: 900
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: !Ref Seconds
              Third:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: '30'
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        Self.limit.check(context, Self.descriptor)
    }
}
