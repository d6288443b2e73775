/// How CloudFormation reads a scalar's text where a schema asks for a number or a boolean: numeric
/// text is a number whether quoted or not, and `true`/`false` in any case is a boolean.
enum ScalarText {
    /// `128`, `-3`, `+7`.
    static func isInteger(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        return !utf8.isEmpty && utf8.allSatisfy(isDigit)
    }

    /// The value of decimal text (`2.5`, `-1e3`, `.5`, `5.`); nil for anything else, including the
    /// hexadecimal, `inf` and `nan` forms that `Double.init` would take.
    static func number(_ text: String) -> Double? {
        var rest = text.utf8[...]
        var sign = ""
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? "-" : ""
            rest = rest.dropFirst()
        }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        if rest.isEmpty, (1...15).contains(whole.count) {
            // A whole number of up to 15 digits: exactly the Double that parsing "<digits>.0" gives.
            let magnitude = Double(whole.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
            return sign == "-" ? -magnitude : magnitude
        }
        var fraction = rest.prefix(0)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            var exponentSign = ""
            if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                exponentSign = first == UInt8(ascii: "-") ? "-" : ""
                rest = rest.dropFirst()
            }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            exponent = "e" + exponentSign + String(decoding: digits, as: UTF8.self)
        }
        guard rest.isEmpty else { return nil }
        let normalized = sign + (whole.isEmpty ? "0" : String(decoding: whole, as: UTF8.self)) + "."
            + (fraction.isEmpty ? "0" : String(decoding: fraction, as: UTF8.self)) + exponent
        return Double(normalized)
    }

    /// `true` or `false`, in any case.
    static func isBoolean(_ text: String) -> Bool {
        // ASCII text is compared byte by byte, ignoring case; other text as lowercased.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let lowered = text.utf8.lazy.map { $0 | 0x20 }
            return (text.utf8.count == 4 && lowered.elementsEqual("true".utf8))
                || (text.utf8.count == 5 && lowered.elementsEqual("false".utf8))
        }
        let lowered = text.lowercased()
        return lowered == "true" || lowered == "false"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
