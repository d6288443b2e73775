/// One (sub)schema of a resource schema, with the keywords cfn-lambda checks.
///
/// Reference-typed so that `items`, `properties` and combinators can nest; immutable, so it is
/// shared freely between threads.
public final class SchemaNode: Sendable {
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, integer, number, boolean, object, array, null
    }

    public enum Additional: Sendable {
        case allowed
        case forbidden
        case schema(SchemaNode)
    }

    public let ref: String?
    /// Empty when the schema does not constrain the type.
    public let types: [JSONType]
    public let enumValues: [JSONValue]?
    public let constValue: JSONValue?
    // Strings.
    public let pattern: SchemaPattern?
    public let minLength: Int?
    public let maxLength: Int?
    // Numbers.
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Double?
    public let exclusiveMaximum: Double?
    // Arrays.
    public let items: SchemaNode?
    public let minItems: Int?
    public let maxItems: Int?
    public let uniqueItems: Bool
    // Objects.
    public let properties: [String: SchemaNode]
    /// `properties`, for the walk's lookups.
    let propertyTable: NameTable<SchemaNode>
    public let patternProperties: [(pattern: SchemaPattern, schema: SchemaNode)]
    public let additionalProperties: Additional
    public let required: [String]
    public let dependentRequired: [String: [String]]
    public let dependentExcluded: [String: [String]]
    // Combinators.
    public let allOf: [SchemaNode]
    public let anyOf: [SchemaNode]
    public let oneOf: [SchemaNode]
    /// The patterns of this node's own keywords (and of `additionalProperties`) that did not compile.
    private let ownInvalidPatterns: [String]

    /// Patterns that did not compile (they are not checked), as written: this node's, then those
    /// below it. Gathered when asked, so that building the tree sorts nothing.
    public var invalidPatterns: [String] {
        ownInvalidPatterns + properties.sorted(by: { $0.key < $1.key }).flatMap(\.value.invalidPatterns)
            + patternProperties.flatMap(\.schema.invalidPatterns) + (items?.invalidPatterns ?? [])
            + (allOf + anyOf + oneOf).flatMap(\.invalidPatterns)
    }

    /// Reads the keywords of a schema object; anything else (annotations, `format`, unknown keywords)
    /// is ignored. A schema that is not an object (`true`) constrains nothing.
    public init(_ json: JSONValue) {
        let keywords = SchemaKeywords(json)
        ref = keywords.ref?.string
        if let name = keywords.type?.string {
            types = JSONType(rawValue: name).map { [$0] } ?? []
        } else {
            types = keywords.type?.strings?.compactMap(JSONType.init(rawValue:)) ?? []
        }
        enumValues = keywords.enumValues?.array
        constValue = keywords.constValue
        var invalid: [String] = []
        if let source = keywords.pattern?.string {
            pattern = SchemaPattern(source)
            if pattern == nil { invalid.append(source) }
        } else {
            pattern = nil
        }
        minLength = keywords.minLength?.count
        maxLength = keywords.maxLength?.count
        minimum = keywords.minimum?.number
        maximum = keywords.maximum?.number
        exclusiveMinimum = keywords.exclusiveMinimum?.number
        exclusiveMaximum = keywords.exclusiveMaximum?.number
        items = keywords.items.flatMap { $0.object == nil ? nil : SchemaNode($0) }
        minItems = keywords.minItems?.count
        maxItems = keywords.maxItems?.count
        uniqueItems = keywords.uniqueItems?.bool ?? false
        let properties = (keywords.properties?.object ?? [:]).mapValues(SchemaNode.init)
        self.properties = properties
        propertyTable = NameTable(properties)
        var patternProperties: [(pattern: SchemaPattern, schema: SchemaNode)] = []
        for (source, schema) in (keywords.patternProperties?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let pattern = SchemaPattern(source) {
                patternProperties.append((pattern, SchemaNode(schema)))
            } else {
                invalid.append(source)
            }
        }
        self.patternProperties = patternProperties
        switch keywords.additionalProperties {
        case .bool(false):
            additionalProperties = .forbidden
        case .some(let schema) where schema.object != nil:
            let additional = SchemaNode(schema)
            invalid += additional.invalidPatterns
            additionalProperties = .schema(additional)
        default:
            additionalProperties = .allowed
        }
        required = keywords.required?.strings ?? []
        var dependentRequired = (keywords.dependentRequired?.object ?? [:]).compactMapValues(\.strings)
        // Draft 4 `dependencies` with a list of names means the same.
        for (name, list) in keywords.dependencies?.object ?? [:] {
            if let names = list.strings { dependentRequired[name, default: []] += names }
        }
        self.dependentRequired = dependentRequired
        dependentExcluded = (keywords.dependentExcluded?.object ?? [:]).compactMapValues(\.strings)
        allOf = keywords.allOf?.array?.map(SchemaNode.init) ?? []
        anyOf = keywords.anyOf?.array?.map(SchemaNode.init) ?? []
        oneOf = keywords.oneOf?.array?.map(SchemaNode.init) ?? []
        ownInvalidPatterns = invalid
    }
}
