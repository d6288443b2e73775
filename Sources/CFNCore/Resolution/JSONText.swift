/// Compact JSON text of a fully known value, as `Fn::ToJsonString` produces; nil when any part is
/// unknown or conditional. Plain scalars that read as numbers or booleans are written bare.
public enum JSONText {
    static func render(_ value: Resolved) -> String? {
        switch value.kind {
        case .scalar(let text, let isString):
            if !isString, text == "true" || text == "false" || Double(text) != nil { return text }
            return literal(text, escapingByteOrderMark: false)
        case .list(let elements):
            var parts: [String] = []
            for element in elements {
                guard let part = render(element) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ",") + "]"
        case .map(let entries):
            var parts: [String] = []
            for entry in entries {
                guard let part = render(entry.value) else { return nil }
                parts.append(literal(entry.key, escapingByteOrderMark: false) + ":" + part)
            }
            return "{" + parts.joined(separator: ",") + "}"
        case .unknown, .noValue, .choice:
            return nil
        }
    }

    /// A JSON string literal: `"`, `\`, control characters, DEL and the line and paragraph
    /// separators (which JavaScript and YAML treat as line breaks) escaped, and U+FEFF (a byte order
    /// mark inside a logical ID, say): Foundation's `JSONSerialization` drops it from the start of a
    /// string written as it is, and reads `\ufeff` right. The one quoting of every JSON output.
    public static func quoted(_ text: String) -> String {
        literal(text, escapingByteOrderMark: true)
    }

    /// The literal. `Fn::ToJsonString` values (evaluated text, not this tool's output) keep U+FEFF as
    /// it is.
    static func literal(_ text: String, escapingByteOrderMark: Bool) -> String {
        // Most text has nothing to escape: quoted as it is.
        if !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 == 0x7F || $0 == 0xE2 || $0 == 0xEF }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20 || c.value == 0x7F || c.value == 0x2028 || c.value == 0x2029
                || (escapingByteOrderMark && c.value == 0xFEFF):
                let hex = String(c.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
