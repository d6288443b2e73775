import CFNLoader

/// Checks a resource's resolved `Properties` against its type's CloudFormation schema.
///
/// Only known values are judged (`.unknown` is never reported); `.noValue` is an absent property;
/// both branches of a `.choice` are checked under their conditions, and a violation is reported only
/// when those conditions can hold together (the oracle says so), naming them in the message.
public struct SchemaValidator: Sendable {
    public let library: SchemaLibrary

    public init(library: SchemaLibrary = .shared) {
        self.library = library
    }

    /// Findings for one resource, in source order. `properties` is nil when the resource has none;
    /// `reached` is the guard under which the resource exists (its `Condition`). Types without a
    /// shipped schema are not judged.
    public func validate(resourceType: String, properties: Resolved?, resource: Resource, when reached: Guard = .always,
                         oracle: any ConditionOracle, tree: NodeTree) -> [Finding] {
        guard let schema = library.schema(forType: resourceType), oracle.isSatisfiable(reached) else { return [] }
        var walk = SchemaWalk(schema: schema, resourceType: resourceType, oracle: oracle)
        walk.mappingKey = resource.propertiesKey(in: tree)
        walk.check(properties ?? Resolved(.map([]), node: nil), against: schema.root, when: reached, anchor: nil)
        if walk.violations.isEmpty { return [] }
        // A property missing from absent Properties is still a property: `Properties/Role`.
        let base = resource.path("Properties")
        var seen = Set<Finding>()
        return walk.violations.compactMap { violation -> Finding? in
            let message = violation.message + (violation.conditions.isAlways ? "" : " (\(violation.conditions))")
            let finding = Finding(violation.rule, message, at: violation.node.map(tree.range) ?? resource.idRange,
                                  resource: resource.logicalId, resourceType: resourceType,
                                  path: base + violation.path.map(\.description))
            return seen.insert(finding).inserted ? finding : nil
        }.sorted(by: Finding.sourceOrder)
    }
}
