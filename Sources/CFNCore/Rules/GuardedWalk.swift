import CFNLoader

extension NodeTree {
    /// Every node under `root` with the guard under which it is evaluated: each `Fn::If` branch adds
    /// its condition (held in the second argument, not held in the third). Depth first, no recursion.
    public func walk(_ root: NodeID, guard start: Guard, _ visit: (NodeID, Guard) -> Void) {
        walk(root, guard: start, intrinsicsOnly: false, visit)
    }

    /// The intrinsic function calls under `root` (itself included), as `walk(_:guard:_:)` visits them.
    func walkIntrinsics(_ root: NodeID, guard start: Guard, _ visit: (NodeID, Guard) -> Void) {
        walk(root, guard: start, intrinsicsOnly: true, visit)
    }

    private func walk(_ root: NodeID, guard start: Guard, intrinsicsOnly: Bool, _ visit: (NodeID, Guard) -> Void) {
        // Nodes carry the index of their guard: a new guard is made only for an `Fn::If` branch.
        var guards = [start]
        var stack = [(node: root, guard: 0)]
        stack.reserveCapacity(64)
        while let (node, index) = stack.popLast() {
            let kind = kind(node)
            if !intrinsicsOnly || kind == .intrinsic { visit(node, guards[index]) }
            switch kind {
            case .scalar: break
            case .sequence:
                for element in elements(node).reversed() { stack.append((element, index)) }
            case .mapping:
                for entry in entries(node).reversed() { stack.append((entry.value, index)) }
            case .intrinsic:
                guard let (function, argument) = intrinsic(node) else { break }
                let arguments = elements(argument)
                if function == .if, arguments.count == 3, let condition = string(arguments[arguments.startIndex]) {
                    let start = arguments.startIndex
                    guards.append(guards[index].and(ConditionLiteral(condition, holds: false)))
                    stack.append((arguments[start + 2], guards.count - 1))
                    guards.append(guards[index].and(ConditionLiteral(condition, holds: true)))
                    stack.append((arguments[start + 1], guards.count - 1))
                    stack.append((arguments[start], index))
                } else {
                    stack.append((argument, index))
                }
            }
        }
    }
}

/// A place in the template where values are evaluated: a resource's attributes, or an output.
public struct EvaluatedPlace: Sendable {
    public let node: NodeID
    /// The resource this place belongs to, if any.
    public let resource: Resource?
    /// The resource's attribute this place is (`Properties`, say); nil for an output.
    public let attribute: Resource.Attribute?
    /// The path of `node` from the top of the template.
    public let path: [String]
    public let guardCondition: Guard
}

extension RuleContext {
    /// Where intrinsic functions are evaluated: each resource's Properties, Condition, DependsOn,
    /// DeletionPolicy and UpdateReplacePolicy, and each output. Metadata is free-form and skipped.
    /// Computed once per context.
    public var evaluatedPlaces: [EvaluatedPlace] {
        if let places = cache.evaluatedPlaces { return places }
        let places = findEvaluatedPlaces()
        cache.evaluatedPlaces = places
        return places
    }

    static let evaluatedAttributes: [Resource.Attribute] = [.properties, .deletionPolicy, .updateReplacePolicy]

    private func findEvaluatedPlaces() -> [EvaluatedPlace] {
        let tree = self.tree
        var places: [EvaluatedPlace] = []
        for resource in template.resources {
            let conditions = guardOf(resource)
            for attribute in Self.evaluatedAttributes {
                if let node = resource[attribute] {
                    places.append(EvaluatedPlace(node: node, resource: resource, attribute: attribute,
                                                 path: ["Resources", resource.logicalId, attribute.rawValue],
                                                 guardCondition: conditions))
                }
            }
        }
        for entry in template.entries(of: .outputs) ?? .empty {
            guard let name = tree.string(entry.key) else { continue }
            var conditions = Guard.always
            if let condition = tree.value(forKey: "Condition", in: entry.value), let text = tree.string(condition),
               conditionSet.value(of: text) != true {
                conditions = Guard([ConditionLiteral(text, holds: true)])
            }
            places.append(EvaluatedPlace(node: entry.value, resource: nil, attribute: nil, path: ["Outputs", name], guardCondition: conditions))
        }
        return places
    }

    /// A finding at a node inside a place, attributed to the place's resource when it has one.
    public func finding(_ descriptor: RuleDescriptor, _ message: String, at node: NodeID, in place: EvaluatedPlace) -> Finding {
        let range = tree.range(node)
        let located = template.location(of: range.start)
        return Finding(descriptor, message, at: range, resource: place.resource?.logicalId,
                       resourceType: place.resource?.type, path: located.path.isEmpty ? place.path : located.path)
    }
}
