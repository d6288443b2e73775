/// A number written plainly or quoted ("128"): optional minus, digits, optional fraction. Other text
/// (hexadecimal, exponents, `inf`, spaces) is not read as a number here; the schema rules judge types.
enum LimitNumber {
    static func parse(_ text: String) -> Double? {
        var digits = 0
        var dots = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where offset == 0: break
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, text.utf8.last != UInt8(ascii: ".") else { return nil }
        return Double(text)
    }
}
