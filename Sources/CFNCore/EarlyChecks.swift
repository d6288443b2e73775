import CFNLoader

/// Resources resolved and schema-checked on another core while the rest of their file still loads.
///
/// The loader is one thread's work, and the other core has little to do until it ends. Resolving a
/// resource's `Properties` needs the template's parameters, conditions and mappings, which come
/// before `Resources` in most templates, and other resources only where a property names one
/// (`Ref` to a resource, `${Resource}` in `Fn::Sub`). So the follower resolves each resource as
/// soon as it is loaded, on a template of the sections loaded before the first resource, and
/// checks it against its schema. A resource whose resolution looked up any resource is left for
/// the usual path: the partial template has none, and the answer could differ in the whole one.
///
/// What is done early must be what the usual path would do, finding for finding. When the load
/// ends, `usable(for:)` keeps the work only if the whole template has the same Parameters,
/// Conditions, Mappings and Transform sections as the ones it was based on, and no logical ID
/// twice; and each resource's work only if the resource at its position is the same node under
/// the same key. The tests compare both paths over every template of the corpus, and the `early`
/// fuzz target on any input.
struct EarlyChecks: Sendable {
    /// One resource done early. A class, so that handing it on (to the parser, to the context by
    /// position) is one reference, not a copy of every field; it is complete before the follower
    /// returns, and not changed after (the `var`s are set by the follower only).
    final class Work: @unchecked Sendable {
        /// The resource's key in `Resources`: a value can be written twice through an alias (and
        /// `Resources` itself twice), so the key is compared as well as the value (`node`).
        let keyNode: NodeID
        /// False when resolving the properties looked up a resource: then neither they nor the
        /// schema findings are kept.
        let resolved: Bool
        let properties: Resolved?
        /// The schema findings, when the schemas are checked.
        let schemaFindings: [Finding]?
        /// The intrinsic calls under each attribute the rules evaluate (`EvaluatedPlace`): these
        /// depend on the resource's own nodes only.
        let sites: [(node: NodeID, sites: [IntrinsicSite])]
        /// The resource as `TemplateParser` reads it, and what it finds in it: also its own nodes only.
        let resource: Resource
        let structureFindings: [Finding]
        /// For a function, the findings of the rules `functionRules` names; nil when one of them
        /// asked for another resource (then they all run again once the file is loaded).
        var functionFindings: [Finding]?
        /// For a function resolved early, its model, which the context takes where the resource
        /// is the template's own.
        var function: LambdaFunction?

        /// The resource's position among the resources, logical ID and value node.
        var position: Int { resource.position }
        var logicalId: String { resource.logicalId }
        var node: NodeID { resource.node }

        init(keyNode: NodeID, resolved: Bool, properties: Resolved?, schemaFindings: [Finding]?,
             sites: [(node: NodeID, sites: [IntrinsicSite])], resource: Resource, structureFindings: [Finding]) {
            self.keyNode = keyNode
            self.resolved = resolved
            self.properties = properties
            self.schemaFindings = schemaFindings
            self.sites = sites
            self.resource = resource
            self.structureFindings = structureFindings
        }
    }

    /// The sections the work depends on, as they were when it began.
    private let basis: [Template.Section: NodeID]
    private let work: [Work]
    /// The IDs of the function rules run on each function, in the order they ran.
    let functionRules: [String]

    /// The sections whose values decide what a resource's properties resolve to.
    private static let basisSections: [Template.Section] = [.parameters, .conditions, .mappings, .transform]

    /// Follows a load through `progress` until it ends, or until it is asked to stop (then with the
    /// resources done so far); nil when there was nothing to do early (the load ended first, a
    /// transform or a condition that names a resource). Each function resolved early is also judged
    /// by `functionRules`: rules that read only the function (`readsOnlyTheFunction`).
    static func follow(_ progress: LoadProgress, settings: ValidationSettings, checksSchemas: Bool,
                       functionRules: [any TemplateRule] = []) -> EarlyChecks? {
        guard progress.follow() else { return nil }
        var replica = NodeTree()
        var sections: [Template.Section: NodeID] = [:]
        var basis: (sections: [Template.Section: NodeID], parameters: ParameterValues, conditions: ConditionSet)?
        var work: [Work] = []
        var position = 0
        let lookups = ResourceLookups()
        let schemas = SchemaValidator()
        let cache = RuleContextCache()
        following: while let entries = progress.next(into: &replica) {
            var resources: [(key: NodeID, value: NodeID)] = []
            for entry in entries {
                switch entry {
                case .section(let key, let value):
                    // The sections before the first resource, as `TemplateParser` reads them: a
                    // section written twice counts with its last value.
                    if basis == nil, let name = replica.string(key), let section = Template.Section(rawValue: name) {
                        sections[section] = value
                    }
                case .resource(let key, let value):
                    if basis == nil {
                        // A transform may rewrite anything; a condition that names a resource is an error.
                        guard sections[.transform] == nil else { return cancel(progress) }
                        let template = Template.partial(tree: replica, sections: sections, lookups: lookups)
                        let parameters = ParameterValues(template: template, given: settings.parameters)
                        let plain = Resolver(template: template, settings: settings, parameters: parameters, conditions: nil)
                        let conditions = ConditionSet(template: template, resolver: plain)
                        guard !lookups.missed else { return cancel(progress) }
                        basis = (sections, parameters, conditions)
                    }
                    resources.append((key, value))
                }
            }
            guard !resources.isEmpty, let (sections, parameters, conditions) = basis else { continue }
            // Made again for each batch and let go before the next: the replica grows in place only
            // while nothing else holds it.
            let template = Template.partial(tree: replica, sections: sections, lookups: lookups)
            let resolver = Resolver(template: template, settings: settings, parameters: parameters, conditions: conditions)
            // The batch's functions resolved here, judged together by the function rules.
            var functions: [(work: Int, function: LambdaFunction)] = []
            /// Runs the function rules on the batch's functions at once, and gives each its findings.
            /// A rule that asks for another resource (a miss), or a finding that names no function of
            /// the batch, leaves them all to be judged when the file is loaded.
            func judge(_ functions: [(work: Int, function: LambdaFunction)], _ work: inout [Work]) {
                guard !functions.isEmpty else { return }
                let context = RuleContext(partial: template, settings: settings, parameters: parameters, conditionSet: conditions,
                                          resolver: resolver, cache: cache, functions: functions.map(\.function))
                // A logical ID twice: the template's work is not used (`usable(for:)`).
                let byLogicalId = Dictionary(functions.enumerated().map { ($1.function.resource.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
                guard byLogicalId.count == functions.count else { return }
                var judged = [[Finding]](repeating: [], count: functions.count)
                lookups.missed = false
                for rule in functionRules {
                    for finding in rule.check(context) {
                        guard let index = finding.resource.flatMap({ byLogicalId[$0] }) else { return }
                        judged[index].append(finding)
                    }
                }
                guard !lookups.missed else { return }
                for (index, function) in functions.enumerated() { work[function.work].functionFindings = judged[index] }
            }
            for (key, value) in resources {
                // As `TemplateParser` counts resources: a key that is not a scalar is dropped when
                // its mapping closes, and a value that is not a mapping is not a resource.
                guard replica.kind(key) == .scalar, replica.kind(value) == .mapping else { continue }
                if progress.isStopped { break following }
                var structureFindings: [Finding] = []
                let resource = TemplateParser.parseResource(replica.string(key) ?? "", replica.range(key), value, replica,
                                                            position: position, &structureFindings)
                position += 1
                let sites = RuleContext.evaluatedAttributes.compactMap { attribute in
                    resource[attribute].map { ($0, IntrinsicSite.find(under: $0, in: replica)) }
                }
                lookups.missed = false
                let properties = resource.properties.map { resolver.resolve($0) }
                if lookups.missed {
                    work.append(Work(keyNode: key, resolved: false, properties: nil, schemaFindings: nil, sites: sites,
                                     resource: resource, structureFindings: structureFindings))
                    continue
                }
                let guardCondition = RuleContext.guardOf(resource, tree: replica, conditionSet: conditions)
                var findings: [Finding]?
                if checksSchemas {
                    findings = []
                    if let type = resource.type {
                        findings = schemas.validate(resourceType: type, properties: properties, resource: resource,
                                                    when: guardCondition, oracle: conditions, tree: replica)
                    }
                }
                let done = Work(keyNode: key, resolved: true, properties: properties, schemaFindings: findings, sites: sites,
                                resource: resource, structureFindings: structureFindings)
                if resource.type == LambdaFunction.type {
                    let function = LambdaFunction(resource: resource, guardCondition: guardCondition, properties: properties)
                    done.function = function
                    if !functionRules.isEmpty { functions.append((work.count, function)) }
                }
                work.append(done)
            }
            judge(functions, &work)
            functions = []
        }
        guard let basis else { return nil }
        return EarlyChecks(basis: basis.sections, work: work, functionRules: functionRules.map { type(of: $0).descriptor.id })
    }

    private static func cancel(_ progress: LoadProgress) -> EarlyChecks? {
        progress.cancel()
        return nil
    }

    /// The resources read early, by position among the resources: `TemplateParser` takes each
    /// one whose key, node and logical ID are those at its position in the whole template.
    var parsedResources: [Work] { work }

    /// The work that holds for the whole template, by position in `template.resources`; nil when
    /// none does.
    func usable(for template: Template) -> [Work?]? {
        guard !template.repeatsLogicalIds,
              Self.basisSections.allSatisfy({ template.section($0) == basis[$0] }) else { return nil }
        let resources = template.resources
        var usable = [Work?](repeating: nil, count: resources.count)
        var any = false
        for done in work where done.position < resources.count {
            let resource = resources[done.position]
            // The same object where `TemplateParser` took it from here.
            guard resource === done.resource
                || (resource.node == done.node && resource.logicalId == done.logicalId && resource.idRange == done.resource.idRange)
            else { continue }
            usable[done.position] = done
            any = true
        }
        return any ? usable : nil
    }
}
