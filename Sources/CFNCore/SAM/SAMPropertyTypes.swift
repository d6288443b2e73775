import CFNLoader

/// The translator's `property_types` check of a SAM resource (`Resource.validate_properties` in
/// samtranslator/model/__init__.py): a property it does not know, then each known one in its
/// order: a required one missing, or a value of the wrong type. A mapping of one key passes as an
/// intrinsic function, as the translator reads it.
struct SAMPropertyTypes {
    /// What a property's validator accepts. The message names the type only for the translator's
    /// plain `IS_STR` and `IS_DICT` validators; for the others it says the type is invalid.
    enum Expected {
        case string, map, bool, int, list, any
        case stringOrMap
        /// `one_of(IS_BOOL, IS_DICT)`.
        case boolOrMap
        /// `one_of(IS_STR, list_of(IS_STR))`.
        case stringOrListOfStrings
        /// `dict_of(IS_STR, IS_STR)`.
        case mapOfStrings
        /// `list_of(one_of(IS_STR, IS_DICT))`.
        case listOfStringsOrMaps
        /// `one_of(IS_STR, list_of(one_of(IS_STR, IS_DICT)))`: `Policies`.
        case stringOrListOfStringsOrMaps
        /// `dict_of(IS_STR, IS_DICT)`: `Events`.
        case mapOfMaps
        /// `dict_of(IS_STR, one_of(IS_INT, IS_DICT))`: `ProvisionedThroughput`.
        case mapOfIntsOrMaps
    }

    let type: String
    let properties: [(name: String, expected: Expected)]
    var required: Set<String> = []
    /// Properties declared with `Property` rather than `PropertyType`: an intrinsic function is checked as a value.
    var withoutIntrinsics: Set<String> = []

    func validate(_ given: SAMMap, _ document: SAMDocument, idRange: SourceRange) throws {
        for entry in given.entries where !properties.contains(where: { $0.name == entry.key }) {
            throw SAMError("property \(entry.key) not defined for resource of type \(type)", at: entry.keyRange)
        }
        for (name, expected) in properties {
            guard let value = given[name] else {
                if required.contains(name) { throw SAMError("Missing required property '\(name)'.", at: idRange) }
                continue
            }
            if !withoutIntrinsics.contains(name), document.intrinsic(value) != nil || document.entries(value)?.count == 1 { continue }
            guard !Self.accepts(expected, document.python(value)) else { continue }
            let keyRange = given.entries.last { $0.key == name }?.keyRange ?? idRange
            switch expected {
            case .string: throw SAMError("Property '\(name)' should be a string.", at: keyRange)
            case .map: throw SAMError("Property '\(name)' should be a map.", at: keyRange)
            default: throw SAMError("Type of property '\(name)' is invalid.", at: keyRange)
            }
        }
    }

    static func accepts(_ expected: Expected, _ value: PythonValue) -> Bool {
        switch (expected, value) {
        case (.any, _): true
        case (.string, .string), (.map, .dict), (.bool, .bool), (.list, .list), (.stringOrMap, .string), (.stringOrMap, .dict): true
        case (.boolOrMap, .bool), (.boolOrMap, .dict), (.stringOrListOfStrings, .string): true
        case (.stringOrListOfStrings, .list(let elements)): elements.allSatisfy { accepts(.string, $0) }
        // Python's bool is an int.
        case (.int, .int), (.int, .bool): true
        case (.mapOfStrings, .dict(let entries)): entries.allSatisfy { if case .string = $0.1 { true } else { false } }
        case (.mapOfMaps, .dict(let entries)): entries.allSatisfy { if case .dict = $0.1 { true } else { false } }
        case (.mapOfIntsOrMaps, .dict(let entries)): entries.allSatisfy { accepts(.int, $0.1) || accepts(.map, $0.1) }
        case (.listOfStringsOrMaps, .list(let elements)): elements.allSatisfy { accepts(.stringOrMap, $0) }
        case (.stringOrListOfStringsOrMaps, .string): true
        case (.stringOrListOfStringsOrMaps, .list): accepts(.listOfStringsOrMaps, value)
        default: false
        }
    }
}
