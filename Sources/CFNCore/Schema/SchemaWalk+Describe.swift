/// Type admission under CloudFormation's coercions, value comparison, and message wording.
extension SchemaWalk {
    /// Whether a known value is of one of the types. Scalars are text: a string property takes any
    /// scalar; integer, number and boolean take text that reads as one; a scalar is never a mapping
    /// or a list.
    static func admits(_ value: Resolved, _ types: [SchemaNode.JSONType]) -> Bool {
        switch value.kind {
        case .scalar(let text, let isString):
            return types.contains { type in
                switch type {
                case .string: true
                case .integer: ScalarText.isInteger(text)
                case .number: ScalarText.number(text) != nil
                case .boolean: ScalarText.isBoolean(text)
                case .null: !isString && ["", "~", "null", "Null", "NULL"].contains(text)
                case .object, .array: false
                }
            }
        case .list:
            return types.contains(.array)
        case .map:
            return types.contains(.object)
        case .unknown, .noValue, .choice:
            return true
        }
    }

    /// "an integer", "a mapping or a string".
    static func describe(_ types: [SchemaNode.JSONType]) -> String {
        let names = types.map { type in
            switch type {
            case .string: "a string"
            case .integer: "an integer"
            case .number: "a number"
            case .boolean: "a boolean (true or false)"
            case .object: "a mapping"
            case .array: "a list"
            case .null: "null"
            }
        }
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// "'abc'", "a list", "a mapping".
    static func describe(_ value: Resolved) -> String {
        switch value.kind {
        case .scalar(let text, _): quoted(text)
        case .list: "a list"
        case .map: "a mapping"
        case .unknown, .noValue, .choice: "a value"
        }
    }

    /// Whether scalar text is an allowed JSON value: strings exactly, numbers by value, booleans in any case.
    static func scalar(_ text: String, isString: Bool, equals value: JSONValue) -> Bool {
        switch value {
        case .string(let string): text == string
        case .number(let number): ScalarText.number(text) == number
        case .bool(let bool): text.lowercased() == (bool ? "true" : "false")
        case .null: admits(Resolved(.scalar(text, isString: isString), node: nil), [.null])
        case .array, .object: false
        }
    }

    /// "one of: COPY, REFERENCE", or for long lists "one of the 46 allowed values (closest: python2.7, python3.8, python3.9)".
    static func describeChoices(_ values: [JSONValue], near text: String) -> String {
        let texts = values.compactMap(\.text)
        if texts.count <= 10 { return "one of: " + texts.joined(separator: ", ") }
        let lowered = Array(text.lowercased().utf8)
        let closest = texts.enumerated()
            .map { (distance: TemplateParser.editDistance(Array($0.element.lowercased().utf8), lowered, limit: 1000), index: $0.offset) }
            .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
            .prefix(3)
            .map { texts[$0.index] }
        return "one of the \(texts.count) allowed values (closest: \(closest.joined(separator: ", ")))"
    }

    /// The name that a misspelt one most likely meant: the same but for case, or one edit away
    /// (two for names of six letters or more); nil when none is that close.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = Array(name.lowercased().utf8)
        let limit = lowered.count < 6 ? 1 : 2
        return candidates
            .map { (candidate: $0, distance: TemplateParser.editDistance(Array($0.lowercased().utf8), lowered, limit: limit)) }
            .filter { $0.distance <= limit }
            .min { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }?
            .candidate
    }

    /// A key under which equal known values are equal: scalars by text, mappings regardless of
    /// key order. Nil when the value is not entirely known (it then counts as distinct).
    static func canonical(_ value: Resolved) -> String? {
        switch value.kind {
        case .scalar(let text, _):
            return "s" + String(text.utf8.count) + ":" + text
        case .list(let elements):
            let parts = elements.map(canonical)
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "[" + parts.compactMap { $0 }.joined(separator: ",") + "]"
        case .map(let entries):
            var parts: [String] = []
            for entry in entries.sorted(by: { $0.key < $1.key }) {
                guard let part = canonical(entry.value) else { return nil }
                parts.append("k" + String(entry.key.utf8.count) + ":" + entry.key + "=" + part)
            }
            return "{" + parts.joined(separator: ",") + "}"
        case .unknown, .noValue, .choice:
            return nil
        }
    }

    /// No `.unknown`, `.noValue` or `.choice` anywhere in the value.
    static func isFullyKnown(_ value: Resolved) -> Bool {
        canonical(value) != nil
    }

    /// The guards without those implied by another in the list (`C and D` is implied by `C`), sorted.
    static func minimal(_ guards: [Guard]) -> [Guard] {
        let unique = Array(Set(guards))
        return unique.filter { candidate in
            let literals = Set(candidate.literals)
            return !unique.contains { other in other != candidate && Set(other.literals).isSubset(of: literals) }
        }.sorted { $0.literals.lexicographicallyPrecedes($1.literals) }
    }

    /// `'abc'`; long or multi-line text is shortened.
    static func quoted(_ text: String) -> String {
        var shown = text.replacingNewlines()
        if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
        return "'\(shown)'"
    }

    static func characters(_ count: Int) -> String { plural(count, "character") }

    static func items(_ count: Int) -> String { plural(count, "item") }
}

private extension String {
    func replacingNewlines() -> String {
        String(flatMap { $0 == "\n" ? ["\\", "n"] : [$0] })
    }
}
