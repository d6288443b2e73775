/// The keywords of a schema object that `SchemaNode` reads, found in one pass over its members:
/// looking each of the 25 up by name hashed every name for every node, most of the cost of
/// building a schema's tree.
struct SchemaKeywords {
    var ref, type, enumValues, constValue, pattern: JSONValue?
    var minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum: JSONValue?
    var items, minItems, maxItems, uniqueItems: JSONValue?
    var properties, patternProperties, additionalProperties, required: JSONValue?
    var dependentRequired, dependencies, dependentExcluded: JSONValue?
    var allOf, anyOf, oneOf: JSONValue?

    /// Nothing when the schema is not an object.
    init(_ json: JSONValue) {
        guard case .object(let members) = json else { return }
        for (key, value) in members {
            take(key, value)
        }
    }

    private init() {}

    /// Whether `SchemaNode` reads a member of this name (a schema document's others need no decoding).
    static func reads(_ name: String) -> Bool {
        var keywords = SchemaKeywords()
        return keywords.take(name, .null)
    }

    /// Keeps a member when it is a keyword, and says whether it was.
    @discardableResult
    private mutating func take(_ key: String, _ value: JSONValue) -> Bool {
        switch key {
        case "$ref": ref = value
        case "type": type = value
        case "enum": enumValues = value
        case "const": constValue = value
        case "pattern": pattern = value
        case "minLength": minLength = value
        case "maxLength": maxLength = value
        case "minimum": minimum = value
        case "maximum": maximum = value
        case "exclusiveMinimum": exclusiveMinimum = value
        case "exclusiveMaximum": exclusiveMaximum = value
        case "items": items = value
        case "minItems": minItems = value
        case "maxItems": maxItems = value
        case "uniqueItems": uniqueItems = value
        case "properties": properties = value
        case "patternProperties": patternProperties = value
        case "additionalProperties": additionalProperties = value
        case "required": required = value
        case "dependentRequired": dependentRequired = value
        case "dependencies": dependencies = value
        case "dependentExcluded": dependentExcluded = value
        case "allOf": allOf = value
        case "anyOf": anyOf = value
        case "oneOf": oneOf = value
        default: return false
        }
        return true
    }
}
