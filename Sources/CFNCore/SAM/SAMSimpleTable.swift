import CFNLoader

/// `AWS::Serverless::SimpleTable` → an `AWS::DynamoDB::Table` under the same logical ID: a hash key
/// (`id` of type `S` unless `PrimaryKey` says otherwise), on-demand billing unless
/// `ProvisionedThroughput` is given, and the table's other settings copied
/// (`SamSimpleTable` in samtranslator/model/sam_resources.py, read, not ported).
struct SAMSimpleTable {
    static let type = "AWS::Serverless::SimpleTable"
    static let propertyTypes = SAMPropertyTypes(type: type, properties: [
        ("PointInTimeRecoverySpecification", .any), ("PrimaryKey", .mapOfStrings), ("ProvisionedThroughput", .mapOfIntsOrMaps),
        ("TableName", .stringOrMap), ("Tags", .map), ("SSESpecification", .map),
    ])
    /// `attribute_type_conversions`: the names SAM takes for DynamoDB's attribute types.
    static let attributeTypes = ["String": "S", "Number": "N", "Binary": "B"]

    let expander: SAMExpander
    let resource: Resource
    var document: SAMDocument { expander.document }

    init(_ expander: SAMExpander, _ resource: Resource) {
        self.expander = expander
        self.resource = resource
    }

    func expand() throws -> [SAMResource] {
        let idRange = resource.idRange
        let properties = try expander.properties(of: resource, globals: "SimpleTable")
        try Self.propertyTypes.validate(properties, document, idRange: idRange)
        let keyRange = { (key: String) in properties.entries.last { $0.key == key }?.keyRange ?? idRange }

        var table = SAMResource(resource.logicalId, "AWS::DynamoDB::Table", at: idRange)
        // All the resource attributes the translator supports stay on the table (`resource_attributes`).
        for attribute in ["DependsOn", "DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"] {
            if let node = resource.node(attribute) {
                table.attributes.set(attribute, .node(node), keyRange: document.keyRange(attribute, in: .node(resource.node)) ?? idRange)
            }
        }
        var name: SAMValue = .string("id", at: idRange)
        var type: SAMValue = .string("S", at: idRange)
        let primaryKey = properties["PrimaryKey"].flatMap { document.isTruthy($0) ? $0 : nil }
        if let primaryKey {
            guard let given = document.value("Name", in: primaryKey), !document.isNull(given) else {
                throw SAMError("Property 'PrimaryKey.Name' is required.", at: keyRange("PrimaryKey"))
            }
            guard let typeName = document.value("Type", in: primaryKey), !document.isNull(typeName) else {
                throw SAMError("Property 'PrimaryKey.Type' is required.", at: keyRange("PrimaryKey"))
            }
            guard let text = document.text(typeName), let converted = Self.attributeTypes[text] else {
                throw SAMError("Invalid 'Type' \"\(document.string(typeName) ?? "")\".", at: document.range(typeName))
            }
            name = given
            type = .string(converted, at: document.range(typeName))
        }
        let at = primaryKey.map(document.range) ?? idRange
        let atKey = keyRange("PrimaryKey")
        table.properties.set("AttributeDefinitions", .list([.map([SAMEntry("AttributeName", name, keyRange: atKey),
                                                                  SAMEntry("AttributeType", type, keyRange: atKey)], at: at)], at: at),
                             keyRange: atKey)
        table.properties.set("KeySchema", .list([.map([SAMEntry("AttributeName", name, keyRange: atKey),
                                                       SAMEntry("KeyType", .string("HASH", at: at), keyRange: atKey)], at: at)], at: at),
                             keyRange: atKey)
        let truthy = { (key: String) in properties[key].flatMap { document.isTruthy($0) ? $0 : nil } }
        table.properties.set("PointInTimeRecoverySpecification", truthy("PointInTimeRecoverySpecification"),
                             keyRange: keyRange("PointInTimeRecoverySpecification"))
        if let throughput = truthy("ProvisionedThroughput") {
            table.properties.set("ProvisionedThroughput", throughput, keyRange: keyRange("ProvisionedThroughput"))
        } else {
            table.properties.set("BillingMode", .string("PAY_PER_REQUEST", at: idRange), keyRange: idRange)
        }
        table.properties.set("SSESpecification", truthy("SSESpecification"), keyRange: keyRange("SSESpecification"))
        table.properties.set("TableName", truthy("TableName"), keyRange: keyRange("TableName"))
        if let tags = truthy("Tags") {
            table.properties.set("Tags", Self.tagList(tags, document), keyRange: keyRange("Tags"))
        }
        return [table]
    }

    /// `{K: V}` → `[{Key: K, Value: V}]`, a null value as `""` (`get_tag_list`).
    static func tagList(_ tags: SAMValue, _ document: SAMDocument) -> SAMValue {
        var list: [SAMValue] = []
        // The translator reads an intrinsic function as a mapping of one tag.
        let entries = document.entries(tags) ?? document.intrinsic(tags).map { [SAMEntry($0.function.longName, $0.argument, keyRange: document.range(tags))] }
        for entry in entries ?? [] {
            let value: SAMValue = document.isNull(entry.value) ? .string("", at: document.range(entry.value)) : entry.value
            list.append(.map([SAMEntry("Key", .string(entry.key, at: entry.keyRange), keyRange: entry.keyRange),
                              SAMEntry("Value", value, keyRange: entry.keyRange)], at: entry.keyRange))
        }
        return .list(list, at: document.range(tags))
    }
}
