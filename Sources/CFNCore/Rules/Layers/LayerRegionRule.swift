import CFNLoader

/// A layer ARN in another region than the one the stack deploys the function to.
public struct LayerRegionRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-region", severity: .error, summary: "A layer in another region than the function",
        explanation: "Layers \"must be in the same region as the function\" (seed sharing-lambda-layers.txt). The function's region is the stack's, known when the region is given (--region); the layer's is the fourth field of its ARN. Judged only when both are known. Publish the layer in the function's region, or use that region's ARN of the layer.")

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - arn:aws:lambda:eu-west-1:123456789012:layer:deps:3
                    - ↓arn:aws:lambda:us-east-1:123456789012:layer:tools:7
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Other: {Type: String}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - arn:aws:lambda:eu-west-1:123456789012:layer:deps:3
                    - !Sub arn:aws:lambda:${AWS::Region}:123456789012:layer:tools:7
                    - !Sub arn:aws:lambda:${Other}:123456789012:layer:tools:7
                    - arn:aws:lambda:::awslayer:AWSLambdaPowertools
            """,
        ],
        settings: ValidationSettings(region: "eu-west-1"))

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let region = context.settings.region else { return [] }
        var findings: [Finding] = []
        for function in context.lambda.functions {
            var reported: Set<NodeID> = []
            for list in FunctionLayers.lists(of: function, in: context) {
                for layer in list.presentLayers {
                    guard let text = layer.value.text, case .success(let arn) = LayerVersionArn.parse(text),
                          arn.version != nil, arn.region != region else { continue }
                    if let node = layer.value.node {
                        guard reported.insert(node).inserted else { continue }
                    }
                    let message = "layer \(text) is in \(arn.region), but the function is deployed to \(region); a function can only use layers of its own region: publish the layer in \(region)"
                    findings.append(context.locatedFinding(Self.descriptor, layer.guardCondition.annotate(message), at: layer.value.node,
                                                           in: function.resource, fallbackPath: ["Properties", "Layers", String(layer.index)]))
                }
            }
        }
        return findings
    }
}
