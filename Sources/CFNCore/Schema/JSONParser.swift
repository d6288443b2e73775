/// A strict JSON (RFC 8259) reader into `JSONValue`, for the shipped schema and patch files
/// (`JSONValue(data:)`). `JSONDecoder` read them through `Decodable`, trying each kind of value in
/// turn for every value: a fifth of the instructions of a whole `cfn-lambda validate` process on a
/// small template. This reads each byte once.
///
/// Numbers become `Double`s; a repeated object key keeps its first value, as `JSONDecoder` does;
/// bytes that are not UTF-8 in a string are replaced (U+FFFD). Nesting deeper than `maxDepth` is an
/// error, not a stack overflow.
struct JSONParser {
    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    static let maxDepth = 512

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The one value of the document, with nothing but whitespace around it.
    mutating func document() throws -> JSONValue {
        skipWhitespace()
        let result = try value()
        skipWhitespace()
        guard position == bytes.count else { throw failure("text after the value") }
        return result
    }

    private mutating func value() throws -> JSONValue {
        guard let byte = peek() else { throw failure("a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("a value was expected")
        }
    }

    private mutating func object() throws -> JSONValue {
        // Collected first and hashed once each into a dictionary of the right size.
        var members: [(String, JSONValue)] = []
        if try open(closedBy: UInt8(ascii: "}")) { return .object([:]) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("a member name was expected") }
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("':' was expected") }
            position += 1
            skipWhitespace()
            members.append((key, try value()))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ",")?: position += 1
            case UInt8(ascii: "}")?:
                position += 1
                depth -= 1
                return .object(Dictionary(members, uniquingKeysWith: { first, _ in first }))
            default: throw failure("',' or '}' was expected")
            }
        }
    }

    private mutating func array() throws -> JSONValue {
        var elements: [JSONValue] = []
        if try open(closedBy: UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ",")?: position += 1
            case UInt8(ascii: "]")?: position += 1; depth -= 1; return .array(elements)
            default: throw failure("',' or ']' was expected")
            }
        }
    }

    /// Enters an object or an array, its opening bracket at `position`: true when `closing` ends it
    /// right away (then it is left again).
    private mutating func open(closedBy closing: UInt8) throws -> Bool {
        depth += 1
        guard depth <= Self.maxDepth else { throw failure("nested deeper than \(Self.maxDepth)") }
        position += 1
        skipWhitespace()
        guard peek() == closing else { return false }
        position += 1
        depth -= 1
        return true
    }

    /// A string, its opening quote at `position`.
    private mutating func string() throws -> String {
        position += 1
        // Most strings have no escape: decoded straight from the bytes.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure("the string is not closed") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else { throw failure("the string is not closed") }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try unicodeEscape()).utf8)
                default: throw failure("unknown escape")
                }
            case 0..<0x20:
                throw failure("a control character in a string")
            default:
                utf8.append(byte)
            }
        }
    }

    /// The scalar of `\uXXXX` (its `\u` read), with a following low surrogate for a high one.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800..<0xDC00).contains(first) {
            guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("a high surrogate without its low one")
            }
            position += 2
            let second = try hexQuad()
            guard (0xDC00..<0xE000).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw failure("a high surrogate without its low one")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw failure("a low surrogate alone") }
        return scalar
    }

    private mutating func hexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw failure("four hexadecimal digits were expected") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("four hexadecimal digits were expected")
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    /// A number as JSON writes one: `-`, no leading zeros, then a fraction and an exponent.
    private mutating func number() throws -> Double {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() > 0 else { throw failure("a digit was expected") }
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw failure("a digit was expected after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("a digit was expected in the exponent") }
        }
        guard let number = Double(String(decoding: bytes[start..<position], as: UTF8.self)), number.isFinite else {
            throw failure("the number is out of range")
        }
        return number
    }

    /// Skips decimal digits and says how many there were.
    private mutating func digits() -> Int {
        let start = position
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return position - start
    }

    private mutating func word(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure("a value was expected") }
        let matches = word.withUTF8Buffer { expected in bytes[position..<position + count].elementsEqual(expected) }
        guard matches else { throw failure("a value was expected") }
        position += count
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func failure(_ reason: String) -> SyntaxError {
        SyntaxError(offset: position, reason: reason)
    }
}
