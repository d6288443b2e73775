import CFNLoader

/// The same layer twice in one reachable `Layers` list: the same version, or two versions of it.
public struct DuplicateLayerRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-duplicate", severity: .error, summary: "A layer attached twice to one function",
        explanation: "A function's Layers list must not name a layer twice (the AWS::Lambda::Function schema gives Layers uniqueItems), and Lambda rejects two versions of one layer: \"Two different versions of the same layer are not allowed to be referenced in the same function\". Elements are the same when their ARN text is equal, when they reference the same AWS::Lambda::LayerVersion of the template (Ref, or GetAtt LayerVersionArn), or the same parameter; two known ARNs that differ only in the version are versions of one layer. Elements reached under conditions that cannot hold together are not compared.")

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Deps:
                Type: AWS::Lambda::LayerVersion
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - !Ref Deps
                    - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
                    - ↓!GetAtt Deps.LayerVersionArn
                    - ↓arn:aws:lambda:us-east-1:123456789012:layer:tools:4
            """,
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
                    - !If [IsProd, ↓arn:aws:lambda:us-east-1:123456789012:layer:tools:3, !Ref AWS::NoValue]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Deps:
                Type: AWS::Lambda::LayerVersion
              Other:
                Type: AWS::Lambda::LayerVersion
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers:
                    - !Ref Deps
                    - !Ref Other
                    - !If [IsProd, arn:aws:lambda:us-east-1:123456789012:layer:tools:4, !Ref AWS::NoValue]
                    - !If [IsProd, !Ref AWS::NoValue, arn:aws:lambda:us-east-1:123456789012:layer:tools:3]
                    - arn:aws:lambda:us-east-1:123456789012:layer:tools-extra:3
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            var reported: Set<NodeID> = []
            for list in FunctionLayers.lists(of: function, in: context) {
                let layers = list.presentLayers.map { layer in
                    (layer, LayerIdentity(layer.value))
                }
                for (second, (later, laterIdentity)) in layers.enumerated() {
                    guard let laterIdentity, let node = later.value.node, !reported.contains(node) else { continue }
                    for (earlier, earlierIdentity) in layers[..<second] where earlier.index != later.index {
                        guard let earlierIdentity,
                              let problem = Self.problem(earlierIdentity, laterIdentity, earlierIndex: earlier.index, in: context.template) else { continue }
                        let both = earlier.guardCondition.and(later.guardCondition)
                        guard context.conditionSet.isSatisfiable(both) else { continue }
                        reported.insert(node)
                        findings.append(context.locatedFinding(Self.descriptor, both.annotate(problem), at: node,
                                                               in: function.resource, fallbackPath: ["Properties", "Layers"]))
                        break
                    }
                }
            }
        }
        return findings
    }

    static func problem(_ earlier: LayerIdentity, _ later: LayerIdentity, earlierIndex: Int, in template: Template) -> String? {
        if earlier == later {
            return "layer \(LayerName.of(later, in: template)) is already attached at Layers/\(earlierIndex); remove one of them"
        }
        guard case .arn(let first) = earlier, case .arn(let second) = later,
              case .success(let a) = LayerVersionArn.parse(first), case .success(let b) = LayerVersionArn.parse(second),
              a.layerArn == b.layerArn else { return nil }
        return "layer \(second) is another version of \(first) at Layers/\(earlierIndex); a function can use only one version of a layer"
    }
}
