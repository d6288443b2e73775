/// A value as the SAM translator (Python) holds it: what its hashed logical IDs are computed from.
enum PythonValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// An integer, kept as its decimal text (no overflow on long digit strings).
    case int(String)
    case float(Double)
    case string(String)
    case list([PythonValue])
    case dict([(String, PythonValue)])

    static func == (lhs: PythonValue, rhs: PythonValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.float(let a), .float(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.dict(let a), .dict(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Whether a plain scalar is YAML 1.1's null.
    static func isNull(_ text: String) -> Bool {
        // Longer texts skip comparing with each word (asked of every property of every function).
        guard text.utf8.count <= 4 else { return false }
        return switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    /// A plain YAML scalar as PyYAML's YAML 1.1 resolver types it (the loader SAM uses).
    static func plain(_ text: String) -> PythonValue {
        // The null and boolean words have five letters at most: longer texts skip comparing with each.
        if text.utf8.count <= 5 {
            if isNull(text) { return .null }
            switch text {
            case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
            case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
            default: break
            }
        }
        if let integer = decimalInteger(text) { return .int(integer) }
        if isFloat(text), let value = Double(text.replacingOccurrences(of: "_", with: "")) { return .float(value) }
        return .string(text)
    }

    /// `[-+]?(0|[1-9][0-9_]*)`, as its canonical decimal text.
    private static func decimalInteger(_ text: String) -> String? {
        var digits = text.utf8[...]
        var sign = ""
        if let first = digits.first, first == 0x2D || first == 0x2B {
            if first == 0x2D { sign = "-" }
            digits = digits.dropFirst()
        }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        guard let first = digits.first, isDigit(first) else { return nil }
        if first == 0x30 { return digits.count == 1 ? "0" : nil }
        guard digits.allSatisfy({ isDigit($0) || $0 == 0x5F }) else { return nil }
        return sign + String(decoding: digits.filter { $0 != 0x5F }, as: UTF8.self)
    }

    /// `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?`: PyYAML's float needs a dot.
    private static func isFloat(_ text: String) -> Bool {
        // Most scalars are words: a float starts with a sign, a digit or the dot, and has a dot.
        guard let first = text.utf8.first, first == 0x2B || first == 0x2D || first == 0x2E || (first >= 0x30 && first <= 0x39),
              text.utf8.contains(0x2E) else { return false }
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == 0x2B || first == 0x2D { bytes = bytes.dropFirst() }
        let mantissaEnd = bytes.firstIndex { $0 == 0x65 || $0 == 0x45 } ?? bytes.endIndex
        let mantissa = bytes[bytes.startIndex..<mantissaEnd]
        guard let dot = mantissa.firstIndex(of: 0x2E), mantissa.filter({ $0 == 0x2E }).count == 1 else { return false }
        let isDigit: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        guard mantissa[..<dot].allSatisfy(isDigit), mantissa[(dot + 1)...].allSatisfy(isDigit),
              mantissa.first != 0x5F, mantissa.count > 1 else { return false }
        guard mantissaEnd < bytes.endIndex else { return true }
        let exponent = bytes[(mantissaEnd + 1)...]
        guard let sign = exponent.first, sign == 0x2B || sign == 0x2D else { return false }
        let power = exponent.dropFirst()
        return !power.isEmpty && power.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let text): text != "0"
        case .float(let value): value != 0
        case .string(let text): !text.isEmpty
        case .list(let elements): !elements.isEmpty
        case .dict(let entries): !entries.isEmpty
        }
    }

    /// `json.dumps(value, separators=(",", ":"), sort_keys=True)`: ASCII only, keys sorted by code point.
    var compactSortedJSON: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let text): out += text
        case .float(let value): out += Self.pythonRepr(value)
        case .string(let text): Self.writeString(text, to: &out)
        case .list(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out)
            }
            out += "]"
        case .dict(let entries):
            out += "{"
            // Python keeps the last value of a key given twice.
            var byKey: [String: PythonValue] = [:]
            for (key, value) in entries { byKey[key] = value }
            let keys = byKey.keys.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                byKey[key]?.write(to: &out)
            }
            out += "}"
        }
    }

    static func pythonRepr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let text = "\(value)"
        // Swift writes 1e+16 as Python does, and 100.0 as "100.0".
        return text
    }

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    // Python escapes DEL too: only ' ' to '~' are written as they are.
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        out += hex4(0xD800 + (offset >> 10)) + hex4(0xDC00 + (offset & 0x3FF))
                    } else {
                        out += hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
