import CFNLoader

/// A layer of the template whose `CompatibleArchitectures` does not include the function's architecture.
public struct LayerArchitectureRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-architecture", severity: .warning, summary: "A layer not marked compatible with the function's architecture",
        explanation: "An AWS::Lambda::LayerVersion's CompatibleArchitectures lists the instruction sets its content is built for (arm64, x86_64). A function of the template that uses the layer (Ref, or GetAtt LayerVersionArn, in Layers) on another architecture — its Architectures, x86_64 when not set (AWS::Lambda::Function schema) — may fail to run native code from the layer. Judged only when both are known and the layer's list is present and not empty.")

    public static let defaultArchitecture = "x86_64"

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              ArmDeps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleArchitectures: [arm64]
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: [↓!Ref ArmDeps]
              Graviton:
                Type: AWS::Lambda::Function
                Properties:
                  Architectures: [arm64]
                  Layers: [!Ref ArmDeps]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Arch: {Type: String}
            Resources:
              ArmDeps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleArchitectures: [arm64]
              BothDeps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleArchitectures: [arm64, x86_64]
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Layers: [!Ref BothDeps]
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Architectures: [!Ref Arch]
                  Layers: [!Ref ArmDeps]
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // Only layers declared in the template are judged: without any, there is nothing to compare.
        guard !context.lambda.layerVersions.isEmpty else { return [] }
        var findings: [Finding] = []
        for function in context.lambda.functions {
            let architectures = Self.architectures(of: function, in: context)
            guard !architectures.isEmpty else { continue }
            // A layer named twice (`[!Ref L, !Ref L]`) is one problem, reported at its first use.
            var reported: Set<String> = []
            for use in LayerCompatibility.uses(of: function, in: context) where !reported.contains(use.layer.logicalId) {
                let declared = LayerCompatibility.declared("CompatibleArchitectures", of: use.layer, in: context)
                search: for (architectureGuard, architecture, isDefault) in architectures {
                    for (layerGuard, compatible) in declared where !compatible.contains(architecture) {
                        let both = use.guardCondition.and(architectureGuard).and(layerGuard)
                        guard context.conditionSet.isSatisfiable(both) else { continue }
                        let runs = isDefault ? "\(architecture) (the default without Architectures)" : architecture
                        let message = "layer \(LayerName.of(use.layer.logicalId, in: context.template)) is built for \(compatible.joined(separator: ", ")) (CompatibleArchitectures), but the function runs on \(runs); use a layer built for \(architecture), or set the function's Architectures to match"
                        findings.append(context.locatedFinding(Self.descriptor, both.annotate(message), at: use.node,
                                                               in: function.resource, fallbackPath: ["Properties", "Layers", String(use.index)]))
                        reported.insert(use.layer.logicalId)
                        break search
                    }
                }
            }
        }
        return findings
    }

    /// The function's reachable architectures: its one-element `Architectures`, or x86_64 where it is absent.
    static func architectures(of function: LambdaFunction, in context: RuleContext)
        -> [(guardCondition: Guard, architecture: String, isDefault: Bool)] {
        var result: [(Guard, String, Bool)] = []
        for reached in context.reachable(function.resource, "Architectures") {
            guard let value = reached.value else {
                result.append((reached.guardCondition, defaultArchitecture, true))
                continue
            }
            guard let elements = value.elements, elements.count == 1 else { continue }
            for alternative in elements[0].alternatives(under: reached.guardCondition, context.conditionSet) {
                if let text = alternative.value?.text { result.append((alternative.guardCondition, text, false)) }
            }
        }
        return result
    }
}
