import CFNLoader

/// A layer of the template whose `CompatibleRuntimes` does not include the function's runtime.
public struct LayerRuntimeRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-runtime", severity: .warning, summary: "A layer not marked compatible with the function's runtime",
        explanation: "An AWS::Lambda::LayerVersion's CompatibleRuntimes lists the runtimes its content is built for (AWS::Lambda::LayerVersion schema). A function of the template that uses the layer (Ref, or GetAtt LayerVersionArn, in Layers) with a Runtime outside that list may fail to load what the layer provides. Judged only when the runtime and the list are known and the list is present and not empty.")

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              NodeDeps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleRuntimes: [nodejs20.x, nodejs22.x]
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Layers: [↓!Ref NodeDeps]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Runtime: {Type: String}
            Resources:
              PyDeps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  CompatibleRuntimes: [python3.11, python3.12]
              AnyDeps:
                Type: AWS::Lambda::LayerVersion
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Layers: [!Ref PyDeps, !Ref AnyDeps]
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !Ref Runtime
                  Layers: [!GetAtt PyDeps.LayerVersionArn]
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // Only layers declared in the template are judged: without any, there is nothing to compare.
        guard !context.lambda.layerVersions.isEmpty else { return [] }
        var findings: [Finding] = []
        for function in context.lambda.functions {
            let runtimes = context.reachable(function.resource, "Runtime").compactMap { reached in
                reached.value?.text.map { (reached.guardCondition, $0) }
            }
            guard !runtimes.isEmpty else { continue }
            // A layer named twice (`[!Ref L, !Ref L]`) is one problem, reported at its first use.
            var reported: Set<String> = []
            for use in LayerCompatibility.uses(of: function, in: context) where !reported.contains(use.layer.logicalId) {
                let declared = LayerCompatibility.declared("CompatibleRuntimes", of: use.layer, in: context)
                search: for (runtimeGuard, runtime) in runtimes {
                    for (layerGuard, compatible) in declared where !compatible.contains(runtime) {
                        let both = use.guardCondition.and(runtimeGuard).and(layerGuard)
                        guard context.conditionSet.isSatisfiable(both) else { continue }
                        let message = "layer \(LayerName.of(use.layer.logicalId, in: context.template)) is not marked compatible with runtime \(runtime): its CompatibleRuntimes are \(compatible.joined(separator: ", ")); add \(runtime) there if the layer works with it, or use a layer built for \(runtime)"
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
}
