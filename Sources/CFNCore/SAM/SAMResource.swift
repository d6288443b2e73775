import CFNLoader

/// A resource the transform makes, before it is written into the output tree.
struct SAMResource: Sendable {
    var logicalId: String
    var type: String
    var properties: SAMMap
    /// Resource attributes (`Condition`, `DeletionPolicy`, `DependsOn`, …) in order.
    var attributes: SAMMap
    /// Where a finding about the resource as a whole points: the SAM resource's logical ID.
    var idRange: SourceRange
    /// Whether `Properties: {}` is written when there are none (the translator writes it for some types).
    var writesEmptyProperties = false

    init(_ logicalId: String, _ type: String, at range: SourceRange) {
        self.logicalId = logicalId
        self.type = type
        properties = SAMMap(at: range)
        attributes = SAMMap(at: range)
        idRange = range
    }

    /// The resource's own mapping: Type, the attributes, Properties (omitted when empty, as SAM mostly omits it).
    func value(typeRange: SourceRange) -> SAMValue {
        var entries = [SAMEntry("Type", .string(type, at: typeRange), keyRange: typeRange)]
        entries += attributes.entries
        if !properties.entries.isEmpty || writesEmptyProperties {
            entries.append(SAMEntry("Properties", properties.value, keyRange: properties.range))
        }
        return .map(entries, at: idRange)
    }
}
