import CFNLoader

/// A state machine's inline `Definition` as the translator writes it (`_build_definition_string`
/// and `_replace_dynamic_values_with_substitutions` in samtranslator/model/stepfunctions/generators.py):
/// each intrinsic function or dynamic reference (`{{resolve:…}}`) replaced by
/// `${definition_substitution_<n>}`, numbered in sorted-key order, and the document as
/// `Fn::Join` of the lines of `json.dumps(…, sort_keys=True, indent=4)`.
struct SAMStateMachineDefinition {
    let document: SAMDocument
    /// The substitutions made, in order, each keeping the value's source range.
    private(set) var substitutions: [SAMEntry] = []

    init(_ document: SAMDocument) {
        self.document = document
    }

    /// `DefinitionString`: the definition's JSON lines joined by newlines.
    mutating func definitionString(_ definition: SAMValue) -> SAMValue {
        let at = document.range(definition)
        let value = substituted(definition, isRoot: true)
        var lines: [String] = []
        var line = ""
        Self.write(value, indent: 0, line: &line, lines: &lines)
        lines.append(line)
        return .intrinsic(.join, .list([.string("\n", at: at), .list(lines.map { .string($0, at: at) }, at: at)], at: at), at: at)
    }

    /// The value as Python holds it, with the intrinsics and dynamic references below it replaced.
    private mutating func substituted(_ value: SAMValue, isRoot: Bool = false) -> PythonValue {
        if !isRoot, isDynamic(value) {
            substitutions.append(SAMEntry("definition_substitution_\(substitutions.count + 1)", value, keyRange: document.range(value)))
            return .string("${definition_substitution_\(substitutions.count)}")
        }
        if let entries = mapEntries(value) {
            // Python walks the keys sorted (code point order) to number the substitutions.
            var result: [(String, PythonValue)] = []
            for entry in entries.sorted(by: { Self.precedes($0.key, $1.key) }) { result.append((entry.key, substituted(entry.value))) }
            return .dict(result)
        }
        if let elements = document.elements(value) { return .list(elements.map { substituted($0) }) }
        return document.python(value)
    }

    /// A mapping's entries, an intrinsic function read as the one-key mapping it is to Python.
    private func mapEntries(_ value: SAMValue) -> [SAMEntry]? {
        if let entries = document.entries(value) { return entries }
        guard let (function, argument) = document.intrinsic(value) else { return nil }
        return [SAMEntry(function.longName, argument, keyRange: document.range(value))]
    }

    /// `is_intrinsic` (one key: `Ref`, `Condition` or `Fn::…`) or `is_dynamic_reference`.
    private func isDynamic(_ value: SAMValue) -> Bool {
        if document.intrinsic(value) != nil { return true }
        if let entries = document.entries(value) {
            return entries.count == 1 && (entries[0].key == "Ref" || entries[0].key == "Condition" || entries[0].key.hasPrefix("Fn::"))
        }
        guard let text = document.text(value), text.hasPrefix("{{resolve:"), text.hasSuffix("}}") else { return false }
        // ^{{resolve:([a-z-]+):(.+)}}$
        let body = text.dropFirst("{{resolve:".count).dropLast(2)
        guard let colon = body.firstIndex(of: ":"), colon > body.startIndex, body.index(after: colon) < body.endIndex else { return false }
        return body[..<colon].allSatisfy { ($0 >= "a" && $0 <= "z") || $0 == "-" } && !body[body.index(after: colon)...].contains("\n")
    }

    static func precedes(_ left: String, _ right: String) -> Bool {
        left.unicodeScalars.map(\.value).lexicographicallyPrecedes(right.unicodeScalars.map(\.value))
    }

    /// `json.dumps(value, sort_keys=True, indent=4, separators=(",", ": "))`, line by line.
    private static func write(_ value: PythonValue, indent: Int, line: inout String, lines: inout [String]) {
        let pad = { (level: Int) in String(repeating: " ", count: 4 * level) }
        switch value {
        case .list(let elements) where !elements.isEmpty:
            line += "["
            for (index, element) in elements.enumerated() {
                lines.append(line)
                line = pad(indent + 1)
                write(element, indent: indent + 1, line: &line, lines: &lines)
                if index < elements.count - 1 { line += "," }
            }
            lines.append(line)
            line = pad(indent) + "]"
        case .dict(let entries) where !entries.isEmpty:
            var byKey: [String: PythonValue] = [:]
            for (key, value) in entries { byKey[key] = value }
            let keys = byKey.keys.sorted(by: precedes)
            line += "{"
            for (index, key) in keys.enumerated() {
                lines.append(line)
                line = pad(indent + 1)
                PythonValue.writeString(key, to: &line)
                line += ": "
                write(byKey[key] ?? .null, indent: indent + 1, line: &line, lines: &lines)
                if index < keys.count - 1 { line += "," }
            }
            lines.append(line)
            line = pad(indent) + "}"
        default:
            line += value.compactSortedJSON
        }
    }
}
