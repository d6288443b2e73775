import CFNLoader

/// Settings that change what a template means: parameter values, pseudo parameters and "today".
public struct ValidationSettings: Sendable, Hashable {
    /// Parameter values given by the user, by parameter name.
    public var parameters: [String: String]
    public var region: String?
    public var accountId: String?
    public var stackName: String?
    /// The date runtime lifecycle rules judge against, as `YYYY-MM-DD`. The CLI fills it with today
    /// unless `--today` is given; the library never reads the clock.
    public var today: String?

    public init(parameters: [String: String] = [:], region: String? = nil, accountId: String? = nil,
                stackName: String? = nil, today: String? = nil) {
        self.parameters = parameters
        self.region = region
        self.accountId = accountId
        self.stackName = stackName
        self.today = today
    }
}

/// What a rule sees: the template, the settings, parameter values, the resolver, the conditions,
/// and every resource's resolved `Properties` with the guard under which the resource exists.
///
/// A class, though immutable: rules pass the context along (into closures, say), and a copy is then
/// one reference instead of every field.
public final class RuleContext: Sendable {
    public let template: Template
    public let settings: ValidationSettings
    public let parameters: ParameterValues
    public let conditionSet: ConditionSet
    public let resolver: Resolver
    /// Resolved `Properties` by logical ID (absent when the resource has none).
    public let properties: [String: Resolved]
    /// The Lambda resources, typed.
    public let lambda: LambdaModel
    /// Evaluated places and references, shared by the rules that ask for them.
    let cache: RuleContextCache
    /// By position in `template.resources`: each resource's guard, and its resolved Properties as
    /// `properties` has them. Rules ask for these for every resource, many times.
    private let guardsByPosition: [Guard]
    private let propertiesByPosition: [Resolved?]
    public init(template: Template, settings: ValidationSettings) {
        cache = RuleContextCache()
        self.template = template
        self.settings = settings
        parameters = ParameterValues(template: template, given: settings.parameters)
        let plain = Resolver(template: template, settings: settings, parameters: parameters, conditions: nil)
        conditionSet = ConditionSet(template: template, resolver: plain)
        resolver = Resolver(template: template, settings: settings, parameters: parameters, conditions: conditionSet)
        let resolved = Self.resolveProperties(of: template.resources, with: resolver)
        let resources = template.resources
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
            // Side by side: each takes about a millisecond for 5,000 resources, after the load.
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
    }

    /// The same context with only some of the template's functions in `lambda.functions`: what a
    /// `FunctionRule` checks to judge those functions alone. Everything else, the cache included,
    /// is shared with `base`.
    public init(_ base: RuleContext, functions: some Sequence<LambdaFunction>) {
        template = base.template
        settings = base.settings
        parameters = base.parameters
        conditionSet = base.conditionSet
        resolver = base.resolver
        properties = base.properties
        cache = base.cache
        guardsByPosition = base.guardsByPosition
        propertiesByPosition = base.propertiesByPosition
        lambda = LambdaModel(functions: Array(functions), layerVersions: base.lambda.layerVersions,
                             layerVersionPermissions: base.lambda.layerVersionPermissions)
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

    /// From this many resources on, the context's `properties` by logical ID and its Lambda model are
    /// made on two threads.
    static let modelAsideCount = 1_000

    public var tree: NodeTree { template.tree }
    public var conditions: any ConditionOracle { conditionSet }

    /// Resources of one type, in source order.
    public func resources(ofType type: String) -> [Resource] {
        template.resources.filter { $0.type == type }
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
