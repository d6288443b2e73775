import CFNLoader

/// What a template declares under a name: a literal value equal to one of these was most likely
/// meant as a reference to it (`SubnetIds: [PrivateSubnet1ID]` for `[!Ref PrivateSubnet1ID]`).
enum DeclaredName: Equatable {
    case parameter
    case resource(type: String?)
    case mapping

    var noun: String {
        switch self {
        case .parameter: "a parameter"
        case .resource(let type?): "a resource (\(type))"
        case .resource: "a resource"
        case .mapping: "a mapping"
        }
    }
}

extension RuleContext {
    /// What the template declares under `name`, if anything.
    func declaredName(_ name: String) -> DeclaredName? {
        if parameters.declarations[name] != nil { return .parameter }
        if let resource = template.resource(named: name) { return .resource(type: resource.type) }
        if let mappings = template.section(.mappings), tree.value(forKey: name, in: mappings) != nil { return .mapping }
        return nil
    }

    /// Whether a value is text written where it is used, inside the resource (not a value a
    /// function or a parameter gave).
    func isWrittenLiterally(_ value: Resolved, in resource: Resource) -> Bool {
        guard let node = value.node, tree.kind(node) == .scalar else { return false }
        let written = tree.range(node), around = tree.range(resource.node)
        return written.start >= around.start && written.end <= around.end
    }
}
