import CFNLoader

/// A template with what every analysis reads resolved once: parameter values, conditions, each
/// resource's resolved Properties and guard, and the typed Lambda model. Rules (through
/// `RuleContext`), the planner and drift read it; `TemplatePipeline` makes it.
///
/// A class, so that handing it on is one reference. Not final: a `RuleContext` is a resolved
/// template with the run's caches added, so every helper that reads one reads the other. Every
/// stored property is an immutable Sendable value, hence `@unchecked`.
public class ResolvedTemplate: @unchecked Sendable {
    public let template: Template
    public let settings: ValidationSettings
    public let parameters: ParameterValues
    public let conditionSet: ConditionSet
    public let resolver: Resolver
    /// Resolved `Properties` by logical ID (absent when the resource has none).
    public let properties: [String: Resolved]
    /// The Lambda resources, typed. In a `RuleContext` for a group of functions, only the group's.
    public let lambda: LambdaModel
    /// By position in `template.resources`: each resource's guard, and its resolved Properties as
    /// `properties` has them. Rules ask for these for every resource, many times.
    private let guardsByPosition: [Guard]
    private let propertiesByPosition: [Resolved?]
    /// Positions in `template.resources` by resource type, so that a rule that looks for the
    /// buckets of every function reads the buckets only.
    private let positionsByType: [String: [Int]]

    public init(template: Template, settings: ValidationSettings) {
        self.template = template
        self.settings = settings
        parameters = ParameterValues(template: template, given: settings.parameters)
        let plain = Resolver(template: template, settings: settings, parameters: parameters, conditions: nil)
        conditionSet = ConditionSet(template: template, resolver: plain)
        resolver = Resolver(template: template, settings: settings, parameters: parameters, conditions: conditionSet)
        let resources = template.resources
        let resolved = Self.resolveProperties(of: resources, with: resolver)
        @Sendable func byLogicalId() -> [String: Resolved] {
            var properties: [String: Resolved] = [:]
            properties.reserveCapacity(resources.count)
            for (resource, value) in zip(resources, resolved) {
                if let value { properties[resource.logicalId] = value }
            }
            return properties
        }
        let (tree, conditionSet) = (template.tree, conditionSet)
        /// The guards, and the Lambda model with each resource's properties (by position) and guard.
        @Sendable func guardsAndModel(_ byPosition: [Resolved?]) -> ([Guard], LambdaModel) {
            let guards = resources.map { Self.guardOf($0, tree: tree, conditionSet: conditionSet) }
            return (guards, LambdaModel(resources: resources, propertiesAt: { byPosition[$0] }, guardAt: { guards[$0] }))
        }
        if template.repeatsLogicalIds {
            // A logical ID written twice reads the Properties `properties` keeps for it (the last),
            // in every copy, also one written without Properties.
            let properties = byLogicalId()
            let byPosition = resources.map { properties[$0.logicalId] }
            self.properties = properties
            propertiesByPosition = byPosition
            (guardsByPosition, lambda) = guardsAndModel(byPosition)
        } else if resources.count >= Self.modelAsideCount {
            // Side by side: each takes about a millisecond for 5,000 resources.
            let (properties, (guards, lambda)) = ParallelJobs.pair(byLogicalId, { guardsAndModel(resolved) })
            self.properties = properties
            propertiesByPosition = resolved
            guardsByPosition = guards
            self.lambda = lambda
        } else {
            properties = byLogicalId()
            propertiesByPosition = resolved
            (guardsByPosition, lambda) = guardsAndModel(resolved)
        }
        var positionsByType: [String: [Int]] = [:]
        for (position, resource) in resources.enumerated() {
            if let type = resource.type { positionsByType[type, default: []].append(position) }
        }
        self.positionsByType = positionsByType
    }

    /// `base` with another Lambda model: what `RuleContext` makes for a group of functions.
    init(_ base: ResolvedTemplate, lambda: LambdaModel) {
        template = base.template
        settings = base.settings
        parameters = base.parameters
        conditionSet = base.conditionSet
        resolver = base.resolver
        properties = base.properties
        self.lambda = lambda
        guardsByPosition = base.guardsByPosition
        propertiesByPosition = base.propertiesByPosition
        positionsByType = base.positionsByType
    }

    /// Each resource's resolved Properties, in order; on every core when there are many. (A closure
    /// `{ resolver.resolve($0) }`, not `resolver.resolve`: the partially applied method would copy
    /// the resolver, and count references to everything it holds, for every resource.)
    private static func resolveProperties(of resources: [Resource], with resolver: Resolver) -> [Resolved?] {
        let chunk = 512
        guard resources.count > chunk else { return resources.map { resource in resource.properties.map { resolver.resolve($0) } } }
        let jobs = stride(from: 0, to: resources.count, by: chunk).map { start -> @Sendable () -> [Resolved?] in
            let part = resources[start..<min(start + chunk, resources.count)]
            return {
                let resolver = resolver.withOwnCache()
                return part.map { resource in resource.properties.map { resolver.resolve($0) } }
            }
        }
        return ParallelJobs.run(jobs).flatMap { $0 }
    }

    /// From this many resources on, `properties` by logical ID and the Lambda model are made on two threads.
    static let modelAsideCount = 1_000

    public var tree: NodeTree { template.tree }
    public var conditions: any ConditionOracle { conditionSet }

    /// Resources of one type, in source order.
    public func resources(ofType type: String) -> [Resource] {
        let resources = template.resources
        return positionsByType[type]?.map { resources[$0] } ?? []
    }

    /// The guard under which a resource exists: its `Condition`, unless that is known to be true.
    public func guardOf(_ resource: Resource) -> Guard {
        if let position = position(of: resource) { return guardsByPosition[position] }
        return Self.guardOf(resource, tree: tree, conditionSet: conditionSet)
    }

    /// The guard and the resolved Properties of a resource (nil when it has none).
    func guardAndProperties(of resource: Resource) -> (guardCondition: Guard, properties: Resolved?) {
        if let position = position(of: resource) { return (guardsByPosition[position], propertiesByPosition[position]) }
        return (Self.guardOf(resource, tree: tree, conditionSet: conditionSet), properties[resource.logicalId])
    }

    /// The resource's position in `template.resources`, when it is the template's own resource.
    private func position(of resource: Resource) -> Int? {
        let position = resource.position
        let resources = template.resources
        guard resources.indices.contains(position), resources[position] === resource else { return nil }
        return position
    }

    static func guardOf(_ resource: Resource, tree: NodeTree, conditionSet: ConditionSet) -> Guard {
        guard let node = resource[.condition], let name = tree.string(node) else { return .always }
        if conditionSet.value(of: name) == true { return .always }
        return Guard([ConditionLiteral(name, holds: true)])
    }

    /// Whether a resource is created for some parameter values (its condition is not known false).
    public func mayExist(_ resource: Resource) -> Bool {
        conditionSet.isSatisfiable(guardOf(resource))
    }

    /// The range to report a finding about a value at: its node, else the resource's logical ID.
    public func range(of node: NodeID?, in resource: Resource) -> SourceRange {
        node.map { tree.range($0) } ?? resource.idRange
    }

    /// A finding about a resource, with its type and the path below it.
    public func finding(_ descriptor: RuleDescriptor, _ message: String, at node: NodeID?, in resource: Resource,
                        path: [String]) -> Finding {
        Finding(descriptor, message, at: range(of: node, in: resource), resource: resource.logicalId,
                resourceType: resource.type, path: ["Resources", resource.logicalId] + path)
    }
}
