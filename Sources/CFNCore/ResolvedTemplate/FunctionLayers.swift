import CFNLoader

/// The `Layers` lists a function can have: one per reachable alternative of the property that is a
/// known list, each element with the alternatives under which it is present (an element that is
/// `AWS::NoValue` in a branch is absent there).
struct FunctionLayers {
    let guardCondition: Guard
    /// The list node (for findings about the list as a whole).
    let node: NodeID?
    let elements: [PresentAlternatives]

    static func lists(of function: LambdaFunction, in context: ResolvedTemplate) -> [FunctionLayers] {
        context.reachable(function.resource, "Layers").compactMap { reached in
            guard let list = reached.value, let elements = list.elements else { return nil }
            return FunctionLayers(guardCondition: reached.guardCondition, node: list.node,
                                  elements: elements.map { PresentAlternatives($0, under: reached.guardCondition, context.conditionSet) })
        }
    }

    /// Each present layer with its guard and its position in the list, in list order.
    var presentLayers: [(index: Int, guardCondition: Guard, value: Resolved)] {
        elements.enumerated().flatMap { index, element in
            element.present.map { (index, $0.guardCondition, $0.value) }
        }
    }
}
