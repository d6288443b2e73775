import CFNLoader

/// What a function's layers of this template declare they are compatible with, for the
/// `CompatibleRuntimes` and `CompatibleArchitectures` checks.
struct LayerCompatibility {
    /// A `!Ref` (or `GetAtt LayerVersionArn`) of a layer version of the template in a function's `Layers`.
    struct Use {
        let layer: LambdaLayerVersion
        let node: NodeID?
        let index: Int
        let guardCondition: Guard
    }

    /// The template's layer versions a function uses, each with the guard of the element naming it.
    static func uses(of function: LambdaFunction, in context: RuleContext) -> [Use] {
        var uses: [Use] = []
        for list in FunctionLayers.lists(of: function, in: context) {
            for layer in list.presentLayers {
                guard case .resource(let name)? = LayerIdentity(layer.value),
                      let version = context.lambda.layerVersions.first(where: { $0.logicalId == name }) else { continue }
                uses.append(Use(layer: version, node: layer.value.node, index: layer.index, guardCondition: layer.guardCondition))
            }
        }
        return uses
    }

    /// Every value a known list property of a layer can hold, per reachable alternative of the list:
    /// the union over its elements' branches. Alternatives where the list is absent, empty, not a
    /// list, or has an element that is not known are left out (nothing is judged there).
    static func declared(_ property: String, of layer: LambdaLayerVersion, in context: RuleContext)
        -> [(guardCondition: Guard, values: [String])] {
        context.reachable(layer.resource, property).compactMap { reached in
            guard let elements = reached.value?.elements, !elements.isEmpty else { return nil }
            var values: [String] = []
            for element in elements {
                for alternative in element.alternatives(under: reached.guardCondition, context.conditionSet) {
                    guard let value = alternative.value else { continue }
                    guard let text = value.text else { return nil }
                    if !values.contains(text) { values.append(text) }
                }
            }
            return values.isEmpty ? nil : (reached.guardCondition, values)
        }
    }
}
