/// A JSON value in the packed form `scripts/embed-data.py` compiles the data files into, read in
/// place: every value starts with a tag and carries its size, so finding a member skips the values
/// before it without reading them, and only what is asked for becomes a `JSONValue`. Parsing the
/// function schema's JSON at each start cost more than building the part a small template uses.
///
/// Bytes the generator would not write read as null or as fewer members, never out of bounds;
/// `EmbeddedDataTests` compares every embedded file with the JSON it came from.
public struct PackedJSON: Sendable {
    private let text: StaticString
    /// Where the value's tag is.
    private let start: Int

    /// The value a packed text holds.
    public init(_ text: StaticString) {
        self.init(text, at: 0)
    }

    private init(_ text: StaticString, at start: Int) {
        self.text = text
        self.start = start
    }

    private static let width = 4

    /// The whole value as a `JSONValue`.
    public var value: JSONValue {
        text.withUTF8Buffer { Self.value(at: start, in: $0) }
    }

    /// An object's member, or nil when there is none or this is not an object.
    public subscript(name: String) -> PackedJSON? {
        text.withUTF8Buffer { bytes in
            var name = name
            return name.withUTF8 { wanted in
                var found: Int?
                Self.forEachMember(of: start, in: bytes) { key, value in
                    guard key.elementsEqual(wanted) else { return true }
                    found = value
                    return false
                }
                return found.map { PackedJSON(text, at: $0) }
            }
        }
    }

    /// An object's members in file order (empty when this is not an object).
    public var members: [(name: String, value: PackedJSON)] {
        text.withUTF8Buffer { bytes in
            var members: [(name: String, value: PackedJSON)] = []
            Self.forEachMember(of: start, in: bytes) { key, value in
                members.append((String(decoding: key, as: UTF8.self), PackedJSON(text, at: value)))
                return true
            }
            return members
        }
    }

    /// Whether this is an object.
    public var isObject: Bool {
        text.withUTF8Buffer { Self.tag(at: start, in: $0) } == UInt8(ascii: "o")
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let string) = text.withUTF8Buffer({ Self.scalar(at: start, in: $0) }) { return string }
        return nil
    }

    // MARK: Reading

    private static func value(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        switch tag(at: offset, in: bytes) {
        case UInt8(ascii: "a"):
            var elements: [JSONValue] = []
            elements.reserveCapacity(number(at: offset + 1, in: bytes) ?? 0)
            forEachElement(of: offset, in: bytes) { elements.append(value(at: $0, in: bytes)) }
            return .array(elements)
        case UInt8(ascii: "o"):
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(number(at: offset + 1, in: bytes) ?? 0)
            forEachMember(of: offset, in: bytes) { key, member in
                let name = String(decoding: key, as: UTF8.self)
                // A repeated name keeps its first value, as `JSONParser` does.
                if members[name] == nil { members[name] = value(at: member, in: bytes) }
                return true
            }
            return .object(members)
        default:
            return scalar(at: offset, in: bytes)
        }
    }

    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        switch tag(at: offset, in: bytes) {
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "s"):
            return sized(at: offset + 1, in: bytes).map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null
        case UInt8(ascii: "d"):
            // The number as written in the file, converted as `JSONParser` converts it.
            guard let digits = sized(at: offset + 1, in: bytes),
                  let number = Double(String(decoding: digits, as: UTF8.self)), number.isFinite else { return .null }
            return .number(number)
        default: return .null
        }
    }

    private static func tag(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// The offset just past the value at `offset`.
    private static func end(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch tag(at: offset, in: bytes) {
        case UInt8(ascii: "s"), UInt8(ascii: "d"):
            return offset + 1 + width + (number(at: offset + 1, in: bytes) ?? bytes.count)
        case UInt8(ascii: "a"), UInt8(ascii: "o"):
            return offset + 1 + 2 * width + (number(at: offset + 1 + width, in: bytes) ?? bytes.count)
        default:
            return offset + 1
        }
    }

    /// The bytes of a size and what follows it, when they are all there.
    private static func sized(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let size = number(at: offset, in: bytes), offset + width + size <= bytes.count else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[(offset + width)..<(offset + width + size)])
    }

    /// Calls `body` with the offset of each element of the array at `offset`.
    private static func forEachElement(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard tag(at: offset, in: bytes) == UInt8(ascii: "a"), let size = number(at: offset + 1 + width, in: bytes) else { return }
        var position = offset + 1 + 2 * width
        let end = min(position + size, bytes.count)
        while position < end {
            body(position)
            position = Self.end(of: position, in: bytes)
        }
    }

    /// Calls `body` with each member's name and value offset of the object at `offset`, until it returns false.
    private static func forEachMember(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                      _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        guard tag(at: offset, in: bytes) == UInt8(ascii: "o"), let size = number(at: offset + 1 + width, in: bytes) else { return }
        var position = offset + 1 + 2 * width
        let end = min(position + size, bytes.count)
        while position < end, let key = sized(at: position, in: bytes) {
            let value = position + width + key.count
            guard value < end, body(key, value) else { return }
            position = Self.end(of: value, in: bytes)
        }
    }

    /// A count or size: `width` digits of base 64, most significant first.
    private static func number(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard offset >= 0, offset + width <= bytes.count else { return nil }
        var number = 0
        for byte in bytes[offset..<(offset + width)] {
            guard let digit = digit(byte) else { return nil }
            number = number << 6 | digit
        }
        return number
    }

    private static func digit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 36
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
