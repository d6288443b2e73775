import CFNLoader

/// One intrinsic function call under a root, as the rules that look at calls need it.
struct IntrinsicSite: Sendable {
    let node: NodeID
    let function: IntrinsicFunction
    let argument: NodeID
    /// The `Fn::If` branches on the way from the root to the call (the root's own guard not included).
    let guardCondition: Guard
    /// For `Fn::Sub` whose string is a scalar: that string's node and the string parsed.
    let sub: (string: NodeID, parsed: Result<SubTemplate, SubTemplate.SyntaxError>)?
    /// The name the call gives, when written as a scalar: `Ref`'s and `Condition`'s argument, the
    /// first argument of `Fn::GetAtt` (the resource), `Fn::If` (the condition) and `Fn::FindInMap`
    /// (the map). Read once here, where the reference rules would each read it again.
    let name: String?
}

extension RuleContext {
    /// Every intrinsic function call under `root` (itself included), in source order (the order of
    /// `NodeTree.walk`). Found once per root and context, and shared by the rules that look at calls.
    func intrinsicSites(under root: NodeID) -> [IntrinsicSite] {
        if let sites = cache.intrinsicSites(under: root) { return sites }
        let sites = findIntrinsicSites(under: root)
        cache.store(sites, under: root)
        return sites
    }

    /// The intrinsic calls of each evaluated place, by the place's index in `evaluatedPlaces`. Found
    /// once per context and handed out whole: one lock for a rule instead of one for each place,
    /// which the rules on both cores contended for.
    var sitesOfPlaces: [[IntrinsicSite]] {
        if let table = cache.sitesOfPlaces { return table }
        let table = evaluatedPlaces.map { findIntrinsicSites(under: $0.node) }
        cache.sitesOfPlaces = table
        return table
    }

    private func findIntrinsicSites(under root: NodeID) -> [IntrinsicSite] {
        IntrinsicSite.find(under: root, in: tree)
    }
}

extension IntrinsicSite {
    /// Every intrinsic function call under `root`, in the order of `NodeTree.walk`.
    static func find(under root: NodeID, in tree: NodeTree) -> [IntrinsicSite] {
        var sites: [IntrinsicSite] = []
        sites.reserveCapacity(8)
        tree.walkIntrinsics(root, guard: .always) { node, conditions in
            guard let (function, argument) = tree.intrinsic(node) else { return }
            var sub: (NodeID, Result<SubTemplate, SubTemplate.SyntaxError>)?
            if function == .sub, let string = tree.kind(argument) == .scalar ? argument : tree.elements(argument).first,
               let text = tree.string(string) {
                sub = (string, SubTemplate.parse(text))
            }
            let name: String? = switch function {
            case .ref, .condition: tree.string(argument)
            case .getAtt, .if, .findInMap: tree.elements(argument).first.flatMap { tree.string($0) }
            default: nil
            }
            sites.append(IntrinsicSite(node: node, function: function, argument: argument, guardCondition: conditions, sub: sub, name: name))
        }
        return sites
    }
}
