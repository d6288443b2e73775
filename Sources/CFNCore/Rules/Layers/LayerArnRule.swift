import CFNLoader

/// A known `Layers` element that is not a layer version ARN.
public struct LayerArnRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-arn", severity: .error, summary: "A Layers element that is not a layer version ARN",
        explanation: "Each element of a function's Layers is the ARN of one layer version, arn:<partition>:lambda:<region>:<12-digit account>:layer:<name>:<version> (seed sharing-lambda-layers.txt: \"When you add a layer to a function, you're actually adding a specific version\"), or an AWS-managed layer arn:<partition>:lambda:::awslayer:<name>; both are the forms of the AWS::Lambda::Function schema's Layers pattern. A layer ARN without the version, or the ARN of another kind of resource, fails at deploy time. Values not known before deployment are not judged.",
        restates: ["schema.pattern"])

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - ↓arn:aws:lambda:us-east-1:123456789012:layer:deps
                    - ↓arn:aws:lambda:us-east-1:123456789012:function:deps:1
                    - ↓arn:aws:lambda:us-east-1:1234:layer:deps:1
                    - ↓deps
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Extra: {Type: String}
            Resources:
              Deps:
                Type: AWS::Lambda::LayerVersion
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:deps:12
                    - arn:aws-cn:lambda:cn-north-1:123456789012:layer:my_layer-2:1
                    - !Ref Deps
                    - !Ref Extra
                    - !Sub arn:aws:lambda:${AWS::Region}:123456789012:layer:tools:3
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            var reported: Set<NodeID> = []
            for list in FunctionLayers.lists(of: function, in: context) {
                for layer in list.presentLayers {
                    guard let text = layer.value.text, case .failure(let problem) = LayerVersionArn.parse(text) else { continue }
                    // The name of a parameter or resource written without !Ref is reference.missing-ref's.
                    if context.isWrittenLiterally(layer.value, in: function.resource), context.declaredName(text) != nil { continue }
                    if let node = layer.value.node {
                        guard reported.insert(node).inserted else { continue }
                    }
                    let message = "layer '\(text)' \(problem.explanation); Layers takes layer version ARNs such as \(LayerVersionArn.example)"
                    findings.append(context.locatedFinding(Self.descriptor, layer.guardCondition.annotate(message), at: layer.value.node,
                                                           in: function.resource, fallbackPath: ["Properties", "Layers", String(layer.index)]))
                }
            }
        }
        return findings
    }
}
