import CFNLoader

/// The resources a node refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub` variables, with the
/// node of each reference, in source order.
extension RuleContext {
    /// Each reference's guard is `start` and the `Fn::If` branches on the way to it. Found once per
    /// root and context, and shared by every rule that asks.
    public func resourceReferences(under root: NodeID, guard start: Guard = .always)
        -> [(target: String, node: NodeID, range: SourceRange, guardCondition: Guard)] {
        let references: RuleContextCache.References
        if let cached = cache.references(under: root) {
            references = cached
        } else {
            references = resourceReferences(in: intrinsicSites(under: root))
            cache.store(references, under: root)
        }
        return Self.guarded(references, by: start)
    }

    /// The resource references of each evaluated place, by the place's index in `evaluatedPlaces`,
    /// with guards as reached from the place (its own guard not included). Found once per context.
    var referencesOfPlaces: [RuleContextCache.References] {
        if let table = cache.referencesOfPlaces { return table }
        let table = sitesOfPlaces.map { resourceReferences(in: $0) }
        cache.referencesOfPlaces = table
        return table
    }
}

extension ResolvedTemplate {
    /// `RuleContext.resourceReferences(under:guard:)` found anew, for the planner, which asks once per resource.
    func findResourceReferences(under root: NodeID) -> RuleContextCache.References {
        resourceReferences(in: IntrinsicSite.find(under: root, in: tree))
    }

    /// References with `start` added to each one's guard (unchanged when it always holds).
    static func guarded(_ references: RuleContextCache.References, by start: Guard) -> RuleContextCache.References {
        guard !start.isAlways else { return references }
        return references.map { ($0.target, $0.node, $0.range, start.and($0.guardCondition)) }
    }

    func resourceReferences(in sites: [IntrinsicSite]) -> RuleContextCache.References {
        let tree = self.tree
        var references: RuleContextCache.References = []
        for site in sites {
            let argument = site.argument
            switch site.function {
            case .ref:
                if let name = site.name, template.hasResource(named: name) {
                    references.append((name, argument, tree.range(argument), site.guardCondition))
                }
            case .getAtt:
                if let name = site.name, template.hasResource(named: name), let first = tree.elements(argument).first {
                    references.append((name, first, tree.range(first), site.guardCondition))
                }
            case .sub:
                guard let (stringNode, parsed) = site.sub, case .success(let sub) = parsed else { continue }
                // The variables of the second argument's mapping, in the list form only (a scalar
                // argument has none).
                var local: Set<String> = []
                if stringNode != argument, let variables = tree.elements(argument).dropFirst().first {
                    local = Set(tree.entries(variables).compactMap { tree.string($0.key) })
                }
                for case .variable(let variable, let offset) in sub.parts where !local.contains(variable) {
                    let name = variable.firstIndex(ofASCII: ".").map { String(variable[..<$0]) } ?? variable
                    if template.hasResource(named: name) {
                        references.append((name, stringNode, tree.sourceRange(ofText: offset, length: name.utf8.count, in: stringNode),
                                           site.guardCondition))
                    }
                }
            default:
                break
            }
        }
        return references
    }
}
