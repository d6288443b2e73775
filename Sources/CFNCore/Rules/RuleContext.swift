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
    /// By position in `template.resources`: schema findings made while the file loaded (`EarlyChecks`).
    private let earlySchemaFindings: [[Finding]?]
    /// By position: the intrinsic calls under a resource's evaluated attributes, found while the file loaded.
    private let earlySites: [[(node: NodeID, sites: [IntrinsicSite])]?]
    /// By position: the findings of the rules `earlyFunctionRules` names on a function, made while
    /// the file loaded; nil where they still have to be made.
    private let earlyFunctionFindings: [[Finding]?]
    /// The IDs of the function rules that ran while the file loaded, in the order they ran.
    let earlyFunctionRules: [String]
    /// How many resources' properties were resolved while the file loaded.
    let resolvedEarly: Int
    /// The functions of a context made while the file loads (`init(partial:...)`), whose template
    /// has no resources to find them in: by position less the first one's.
    private let partialFunctions: (first: Int, byPosition: [LambdaFunction?])?

    public convenience init(template: Template, settings: ValidationSettings) {
        self.init(template: template, settings: settings, early: nil)
    }

    /// The context, taking each resource's resolved properties and schema findings from `early`
    /// where it has them (what `EarlyChecks.usable(for:)` gives for this template and settings).
    init(template: Template, settings: ValidationSettings, early: [EarlyChecks.Work?]?, earlyFunctionRules: [String] = []) {
        cache = RuleContextCache()
        self.template = template
        self.settings = settings
        parameters = ParameterValues(template: template, given: settings.parameters)
        let plain = Resolver(template: template, settings: settings, parameters: parameters, conditions: nil)
        conditionSet = ConditionSet(template: template, resolver: plain)
        resolver = Resolver(template: template, settings: settings, parameters: parameters, conditions: conditionSet)
        let resolved = Self.resolveProperties(of: template.resources, with: resolver, early: early)
        earlySchemaFindings = early?.map { $0?.schemaFindings } ?? []
        earlySites = early?.map { $0?.sites } ?? []
        earlyFunctionFindings = early?.map { $0?.functionFindings } ?? []
        self.earlyFunctionRules = early == nil ? [] : earlyFunctionRules
        resolvedEarly = early?.reduce(0) { $0 + ($1?.resolved == true ? 1 : 0) } ?? 0
        partialFunctions = nil
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
        /// A function resolved early was also modelled early, from the same resource and properties.
        @Sendable func guardsAndModel(_ byPosition: [Resolved?]) -> ([Guard], LambdaModel) {
            let guards = resources.map { Self.guardOf($0, tree: tree, conditionSet: conditionSet) }
            return (guards, LambdaModel(resources: resources, propertiesAt: { byPosition[$0] }, guardAt: { guards[$0] },
                                        made: { early?[$0]?.resolved == true ? early?[$0]?.function : nil }))
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
        earlySchemaFindings = base.earlySchemaFindings
        earlySites = base.earlySites
        earlyFunctionFindings = base.earlyFunctionFindings
        earlyFunctionRules = base.earlyFunctionRules
        resolvedEarly = base.resolvedEarly
        partialFunctions = base.partialFunctions
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
    private static func resolveProperties(of resources: [Resource], with resolver: Resolver, early: [EarlyChecks.Work?]?) -> [Resolved?] {
        if let early {
            // Resolved early, or still to resolve (their positions).
            let left = resources.indices.filter { early[$0]?.resolved != true }
            var resolved = early.map { $0?.properties }
            for (position, value) in zip(left, resolveProperties(of: left.map { resources[$0] }, with: resolver, early: nil)) {
                resolved[position] = value
            }
            return resolved
        }
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

    /// The intrinsic calls under one of a resource's evaluated attributes, found while its file loaded.
    func earlySites(under node: NodeID, of resource: Resource) -> [IntrinsicSite]? {
        guard let position = position(of: resource), position < earlySites.count else { return nil }
        return earlySites[position]?.first { $0.node == node }?.sites
    }

    /// Functions judged while their file loads (`EarlyChecks`): a context with a partial template,
    /// the parameters and conditions it was based on, and only these functions, with their guards
    /// and resolved properties (which `reachable` and `guardAndProperties` give; `properties`, by
    /// logical ID, is empty). A rule that asks the template for any resource is told of a miss
    /// through its lookups. `cache` is the follower's own.
    init(partial template: Template, settings: ValidationSettings, parameters: ParameterValues, conditionSet: ConditionSet,
         resolver: Resolver, cache: RuleContextCache, functions: [LambdaFunction]) {
        self.cache = cache
        self.template = template
        self.settings = settings
        self.parameters = parameters
        self.conditionSet = conditionSet
        self.resolver = resolver
        properties = [:]
        lambda = LambdaModel(functions: functions, layerVersions: [], layerVersionPermissions: [])
        guardsByPosition = []
        propertiesByPosition = []
        earlySchemaFindings = []
        earlySites = []
        earlyFunctionFindings = []
        earlyFunctionRules = []
        resolvedEarly = 0
        let first = functions.first?.resource.position ?? 0
        var byPosition = [LambdaFunction?](repeating: nil, count: (functions.last?.resource.position ?? first) - first + 1)
        for function in functions where byPosition.indices.contains(function.resource.position - first) {
            byPosition[function.resource.position - first] = function
        }
        partialFunctions = (first, byPosition)
    }

    /// One of the functions of a context made while the file loads, found by its position.
    private func partialFunction(_ resource: Resource) -> LambdaFunction? {
        guard let (first, byPosition) = partialFunctions, byPosition.indices.contains(resource.position - first),
              let function = byPosition[resource.position - first], function.resource === resource else { return nil }
        return function
    }

    /// From this many resources on, the context's `properties` by logical ID and its Lambda model are
    /// made on two threads.
    static let modelAsideCount = 1_000

    /// The findings of the function rules `earlyFunctionRules` on a function, made while the file
    /// loaded; nil when they were not.
    func earlyFunctionFindings(of resource: Resource) -> [Finding]? {
        guard let position = position(of: resource), position < earlyFunctionFindings.count else { return nil }
        return earlyFunctionFindings[position]
    }

    /// The schema findings of a resource made while its file loaded, when there are any.
    func earlySchemaFindings(of resource: Resource) -> [Finding]? {
        guard let position = position(of: resource), position < earlySchemaFindings.count else { return nil }
        return earlySchemaFindings[position]
    }

    public var tree: NodeTree { template.tree }
    public var conditions: any ConditionOracle { conditionSet }

    /// Resources of one type, in source order.
    public func resources(ofType type: String) -> [Resource] {
        template.resources.filter { $0.type == type }
    }

    /// The guard under which a resource exists: its `Condition`, unless that is known to be true.
    public func guardOf(_ resource: Resource) -> Guard {
        if let position = position(of: resource) { return guardsByPosition[position] }
        if let function = partialFunction(resource) { return function.guardCondition }
        return Self.guardOf(resource, tree: tree, conditionSet: conditionSet)
    }

    /// The guard and the resolved Properties of a resource (nil when it has none).
    func guardAndProperties(of resource: Resource) -> (guardCondition: Guard, properties: Resolved?) {
        if let position = position(of: resource) { return (guardsByPosition[position], propertiesByPosition[position]) }
        if let function = partialFunction(resource) { return (function.guardCondition, function.properties) }
        return (Self.guardOf(resource, tree: tree, conditionSet: conditionSet), properties[resource.logicalId])
    }

    /// The resource's position in `template.resources`, when it is the template's own resource.
    private func position(of resource: Resource) -> Int? {
        let position = resource.position
        let resources = template.loadedResources
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
