import CFNLoader

/// The `Environment.Variables` maps a function can have: one per reachable alternative that is a
/// known map, each variable with the alternatives under which it is present.
struct EnvironmentVariables {
    struct Variable {
        let key: String
        let keyNode: NodeID?
        let value: PresentAlternatives
    }

    let guardCondition: Guard
    let node: NodeID?
    let variables: [Variable]

    static func maps(of function: LambdaFunction, in context: RuleContext) -> [EnvironmentVariables] {
        context.reachable(function.resource, "Environment", "Variables").compactMap { reached in
            guard let map = reached.value, let entries = map.entries else { return nil }
            return EnvironmentVariables(guardCondition: reached.guardCondition, node: map.node, variables: entries.map { entry in
                Variable(key: entry.key, keyNode: entry.keyNode,
                         value: PresentAlternatives(entry.value, under: reached.guardCondition, context.conditionSet))
            })
        }
    }
}
