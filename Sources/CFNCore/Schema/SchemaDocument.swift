/// A resource schema's document kept in parts, each decoded when first read: the top-level members
/// and each definition apart, so a template that reaches three of the function schema's 19
/// definitions decodes those three. A patch decodes the parts its paths reach and no others.
struct SchemaDocument: Sendable {
    enum Part: Sendable {
        case packed(PackedJSON)
        case value(JSONValue)

        var value: JSONValue {
            switch self {
            case .packed(let packed): packed.value
            case .value(let value): value
            }
        }
    }

    /// The top-level members other than `definitions`.
    private var members: [String: Part] = [:]
    /// The members of `definitions`, or nil when the document has none.
    private var definitions: [String: Part]?
    /// A document that is not an object, or whose `definitions` is not one: kept whole.
    private var whole: JSONValue?

    init(_ packed: PackedJSON) {
        guard packed.isObject else {
            whole = packed.value
            return
        }
        for (name, member) in packed.members where members[name] == nil {
            if name != "definitions" {
                members[name] = .packed(member)
            } else if definitions == nil, member.isObject {
                definitions = Dictionary(member.members.map { ($0.name, Part.packed($0.value)) }, uniquingKeysWith: { first, _ in first })
            } else {
                whole = packed.value
                return
            }
        }
    }

    init(_ value: JSONValue) {
        guard case .object(var members) = value, members["definitions"].map({ $0.object != nil }) ?? true else {
            whole = value
            return
        }
        definitions = members.removeValue(forKey: "definitions")?.object?.mapValues(Part.value)
        self.members = members.mapValues(Part.value)
    }

    /// The whole document.
    var value: JSONValue {
        if let whole { return whole }
        var object = members.mapValues(\.value)
        if let definitions { object["definitions"] = .object(definitions.mapValues(\.value)) }
        return .object(object)
    }

    /// A top-level member.
    subscript(name: String) -> JSONValue? {
        whole.map { $0[name] } ?? members[name]?.value
    }

    /// The top-level members `SchemaNode` reads (the keywords of the `Properties` schema), the
    /// others (`handlers`, descriptions) left undecoded.
    var keywords: JSONValue {
        if let whole { return whole }
        return .object(members.filter { SchemaKeywords.reads($0.key) }.mapValues(\.value))
    }

    /// The members of `definitions`, each still in its part.
    var definitionParts: [String: Part] {
        guard let whole else { return definitions ?? [:] }
        return (whole["definitions"]?.object ?? [:]).mapValues(Part.value)
    }

    /// Applies a patch to the parts its paths reach (all or nothing): on those parts alone the
    /// operations do what they do on the whole document, since no path leaves its part.
    mutating func apply(_ patch: JSONPatch) throws(JSONPatch.Failure) {
        var names: Set<String> = []
        var definitionNames: Set<String> = []
        for pointer in patch.operations.flatMap(\.pointers) {
            switch pointer.tokens.first {
            case nil:
                // The whole document.
                names.insert("")
            case "definitions"?:
                if pointer.tokens.count == 1 { names.insert("") } else { definitionNames.insert(pointer.tokens[1]) }
            case let name?:
                names.insert(name)
            }
        }
        if whole != nil || names.contains("") {
            self = SchemaDocument(try patch.apply(to: value))
            return
        }
        var part = members.filter { names.contains($0.key) }.mapValues(\.value)
        if let definitions {
            part["definitions"] = .object(definitions.filter { definitionNames.contains($0.key) }.mapValues(\.value))
        }
        let patched = try patch.apply(to: .object(part))
        for name in names {
            members[name] = patched[name].map(Part.value)
        }
        if definitions != nil {
            let patchedDefinitions = patched["definitions"]?.object ?? [:]
            for name in definitionNames {
                definitions?[name] = patchedDefinitions[name].map(Part.value)
            }
        }
    }
}

extension JSONPatch.Operation {
    /// The paths the operation reads or writes.
    var pointers: [JSONPointer] {
        switch self {
        case .add(let path, _), .remove(let path), .replace(let path, _), .test(let path, _): [path]
        case .move(let from, let to), .copy(let from, let to): [from, to]
        }
    }
}
