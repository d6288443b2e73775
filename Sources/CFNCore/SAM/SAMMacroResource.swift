import CFNLoader

/// A SAM resource expanded with its own generated resources (a function, a state machine): how
/// its properties, attributes and tags are read into what it makes.
protocol SAMMacroResource {
    var resource: Resource { get }
    var idRange: SourceRange { get }
    var document: SAMDocument { get }
    /// The properties with the type's `Globals` merged in; YAML nulls dropped.
    var properties: SAMMap { get }
    /// The key of the tag SAM adds to what it makes (`lambda:createdBy`).
    static var createdByTag: String { get }
}

extension SAMMacroResource {
    subscript(_ key: String) -> SAMValue? { properties[key] }

    /// The range of a resource attribute's key (`Condition:`), or the logical ID's.
    func attributeKeyRange(_ attribute: String) -> SourceRange {
        document.keyRange(attribute, in: .node(resource.node)) ?? idRange
    }

    func keyRange(_ key: String) -> SourceRange {
        properties.entries.first { SAMMap.same($0.key, key) }?.keyRange ?? idRange
    }

    /// `Condition`, `DeletionPolicy` and `UpdateReplacePolicy` of the SAM resource, which every
    /// generated resource gets (`get_passthrough_resource_attributes`).
    func passThroughAttributes() -> SAMMap {
        var attributes = SAMMap(at: idRange)
        for attribute in ["Condition", "DeletionPolicy", "UpdateReplacePolicy"] {
            if let node = resource.node(attribute) { attributes.set(attribute, .node(node), keyRange: attributeKeyRange(attribute)) }
        }
        return attributes
    }

    /// `<createdByTag>: SAM` unless `withSAMTag` is false, then the resource's `Tags` as a list.
    func tagList(withSAMTag: Bool = true) -> SAMValue {
        var tags: [SAMValue] = []
        if withSAMTag {
            tags.append(.map([SAMEntry("Key", .string(Self.createdByTag, at: idRange), keyRange: idRange),
                              SAMEntry("Value", .string("SAM", at: idRange), keyRange: idRange)], at: idRange))
        }
        for entry in self["Tags"].flatMap(document.entries) ?? [] {
            let value: SAMValue = document.isNull(entry.value) ? .string("", at: document.range(entry.value)) : entry.value
            tags.append(.map([SAMEntry("Key", .string(entry.key, at: entry.keyRange), keyRange: entry.keyRange),
                              SAMEntry("Value", value, keyRange: entry.keyRange)], at: entry.keyRange))
        }
        return .list(tags, at: self["Tags"].map(document.range) ?? idRange)
    }
}
