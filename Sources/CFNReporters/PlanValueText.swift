import CFNCore

/// How the plan's values are written: as text for people, and as JSON.
///
/// Text: known values are compact JSON (`"REFERENCE"`, `512`, `["sg-1"]`); an unknown part reads
/// `(known after deploy: Layer)`, or `(known after deploy: Layer is replaced)` for the new ID of a
/// replaced resource; a choice reads `(if IsProd then 1024 else absent)`. Nil (absent) has no text.
///
/// JSON: known values as themselves, absent as null; an unknown part is
/// `{"unknown": "after deploy", "dependsOn": ["Layer"]}` (`"after replacement"` for the new ID of a
/// replaced resource; with `"reason"` when it depends on nothing named), and a choice is
/// `{"if": "IsProd", "then": 1024, "else": null}`.
enum PlanValueText {
    static func text(_ value: PlanValue?) -> String? {
        guard let value else { return nil }
        switch value {
        case .string(let text): return JSONText.quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let elements): return "[" + elements.map { text($0) ?? "null" }.joined(separator: ",") + "]"
        case .map(let members):
            return "{" + members.map { JSONText.quoted($0.key) + ":" + (text($0.value) ?? "null") }.joined(separator: ",") + "}"
        case .unknown(let unknown):
            let on = unknown.dependsOn.isEmpty ? unknown.reason ?? "" : unknown.dependsOn.joined(separator: ", ")
            return "(known after deploy: \(on)\(unknown.afterReplacement ? " is replaced" : ""))"
        case .choice(let condition, let then, let otherwise):
            return "(if \(condition) then \(text(then) ?? "absent") else \(text(otherwise) ?? "absent"))"
        }
    }

    static func write(_ value: PlanValue?, to json: inout JSONWriter) {
        guard let value else { json.raw("null"); return }
        switch value {
        case .string(let text): json.string(text)
        // A number JSON has no syntax for (`0x1F`, `.5`, `+1`) is written as the string the template has.
        case .number(let text): if isJSONNumber(text) { json.raw(text) } else { json.string(text) }
        case .bool(let flag): json.bool(flag)
        case .list(let elements):
            json.beginArray()
            for element in elements { write(element, to: &json) }
            json.endArray()
        case .map(let members):
            json.beginObject()
            for member in members {
                json.key(member.key)
                write(member.value, to: &json)
            }
            json.endObject()
        case .unknown(let unknown):
            json.beginObject()
            json.key("unknown"); json.string(unknown.afterReplacement ? "after replacement" : "after deploy")
            json.key("dependsOn")
            json.beginArray()
            for name in unknown.dependsOn { json.string(name) }
            json.endArray()
            if let reason = unknown.reason { json.key("reason"); json.string(reason) }
            json.endObject()
        case .choice(let condition, let then, let otherwise):
            json.beginObject()
            json.key("if"); json.string(condition)
            json.key("then"); write(then, to: &json)
            json.key("else"); write(otherwise, to: &json)
            json.endObject()
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259).
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        func skip(_ byte: Character) -> Bool {
            guard bytes.first == byte.asciiValue else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        _ = skip("-")
        if bytes.first == UInt8(ascii: "0") { bytes = bytes.dropFirst() } else if digits() == 0 { return false }
        if skip("."), digits() == 0 { return false }
        if skip("e") || skip("E") {
            if !skip("+") { _ = skip("-") }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
