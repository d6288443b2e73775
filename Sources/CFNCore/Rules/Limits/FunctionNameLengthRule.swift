import CFNLoader

/// A `FunctionName` longer than 64 characters.
public struct FunctionNameLengthRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.function-name-length", severity: .error, summary: "FunctionName longer than 64 characters",
        explanation: "A function's name is at most 64 characters (the AWS::Lambda::Function schema gives FunctionName maxLength 64). Names built with Fn::Sub or Fn::Join are judged when all their parts are known, e.g. with --stack-name; values not known before deployment are not.",
        restates: ["schema.length"])

    public static let maximum = 64

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: ↓!Sub '${AWS::StackName}-process-incoming-orders-from-the-partner-api-and-store-them'
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: process-incoming-orders-from-the-partner-api-and-store-them
            """,
        ],
        settings: ValidationSettings(stackName: "checkout"))

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            var reported: Set<NodeID> = []
            for reached in context.reachable(function.resource, "FunctionName") {
                guard let value = reached.value, let name = value.text else { continue }
                let length = name.unicodeScalars.count
                guard length > Self.maximum else { continue }
                if let node = value.node {
                    guard reported.insert(node).inserted else { continue }
                }
                let message = "FunctionName '\(name)' is \(length) characters; Lambda allows at most \(Self.maximum): shorten it"
                findings.append(context.locatedFinding(Self.descriptor, reached.guardCondition.annotate(message), at: value.node,
                                                       in: function.resource, fallbackPath: ["Properties", "FunctionName"]))
            }
        }
        return findings
    }
}
