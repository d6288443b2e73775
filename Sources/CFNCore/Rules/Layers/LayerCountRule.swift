/// More than five layers on a function, under some combination of the conditions of its `Layers`.
public struct LayerCountRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-count", severity: .error, summary: "More than 5 layers on a function",
        explanation: "A function can use at most 5 layers (seed sharing-lambda-layers.txt: \"You can add up to five layers to each function\"; the AWS::Lambda::Function schema gives Layers maxItems 5). Every reachable combination of the list's Fn::If elements is counted, and an element that is AWS::NoValue in a branch is absent there; combinations whose conditions cannot hold together are not. Merge layers, or move their content into the deployment package.",
        restates: ["schema.items"])

    public static let limit = 5

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: ↓[arn:aws:lambda:us-east-1:123456789012:layer:a:1, arn:aws:lambda:us-east-1:123456789012:layer:b:1,
                    arn:aws:lambda:us-east-1:123456789012:layer:c:1, arn:aws:lambda:us-east-1:123456789012:layer:d:1,
                    arn:aws:lambda:us-east-1:123456789012:layer:e:1, arn:aws:lambda:us-east-1:123456789012:layer:f:1]
            """,
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
              Tracing: {Type: String, AllowedValues: ['on', 'off']}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              HasTracing: !Equals [!Ref Tracing, 'on']
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    ↓- arn:aws:lambda:us-east-1:123456789012:layer:a:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:b:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:c:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:d:1
                    - !If [IsProd, arn:aws:lambda:us-east-1:123456789012:layer:monitoring:1, !Ref AWS::NoValue]
                    - !If [HasTracing, arn:aws:lambda:us-east-1:123456789012:layer:tracing:1, !Ref AWS::NoValue]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
              SomeLayers: {Type: CommaDelimitedList}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsDev: !Equals [!Ref Stage, dev]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:a:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:b:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:c:1
                    - arn:aws:lambda:us-east-1:123456789012:layer:d:1
                    - !If [IsProd, arn:aws:lambda:us-east-1:123456789012:layer:monitoring:1, !Ref AWS::NoValue]
                    - !If [IsDev, arn:aws:lambda:us-east-1:123456789012:layer:debug:1, !Ref AWS::NoValue]
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: !Ref SomeLayers
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            for list in FunctionLayers.lists(of: function, in: context) {
                let items = list.elements.map { element in
                    HeaviestCombination.Item(options: element.present.map { ($0.guardCondition, 1) },
                                             fallback: element.always ? 1 : 0)
                }
                guard let most = HeaviestCombination.find(items, under: list.guardCondition, above: Self.limit, context.conditionSet) else {
                    continue
                }
                let count = most.complete ? "\(most.total)" : "at least \(most.total)"
                let message = "function \(function.logicalId) has \(count) layers; Lambda allows at most \(Self.limit): merge layers or move their content into the deployment package"
                findings.append(context.locatedFinding(Self.descriptor, most.guardCondition.annotate(message), at: list.node,
                                                       in: function.resource, fallbackPath: ["Properties", "Layers"]))
            }
        }
        return findings
    }
}
