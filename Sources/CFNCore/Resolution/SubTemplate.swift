/// The string of an `Fn::Sub`: literal text and `${Name}` / `${Resource.Attribute}` variables.
/// `${!Literal}` is the text `${Literal}`.
public struct SubTemplate: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        /// A variable and the UTF-8 offset of its name in the string.
        case variable(String, offset: Int)
    }

    public struct SyntaxError: Error, Sendable, Hashable {
        /// UTF-8 offset of the `${` that is not closed, or of the empty variable.
        public let offset: Int
        public let message: String
    }

    public let parts: [Part]

    public var variables: [String] {
        parts.compactMap { if case .variable(let name, _) = $0 { name } else { nil } }
    }

    public static func parse(_ string: String) -> Result<SubTemplate, SyntaxError> {
        var contiguous = string
        return contiguous.withUTF8 { parse(bytes: $0, of: string) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, of string: String) -> Result<SubTemplate, SyntaxError> {
        let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var parts: [Part] = []
        // The literal text since the last variable: a range of the string while it is the string's
        // own bytes, and copied into `escaped` only once a `${!Literal}` changes it.
        var textStart = 0
        var escaped: [UInt8] = []
        var hasEscape = false
        func flushText(upTo end: Int) {
            if hasEscape {
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[textStart..<end]))
                parts.append(.text(String(decoding: escaped, as: UTF8.self)))
                escaped.removeAll(keepingCapacity: true)
                hasEscape = false
            } else if textStart < end {
                // Text without variables is the string itself.
                parts.append(.text(textStart == 0 && end == bytes.count ? string
                    : String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<end]), as: UTF8.self)))
            }
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == dollar, index + 1 < bytes.count, bytes[index + 1] == open else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, bytes[end] != close { end += 1 }
            guard end < bytes.count else {
                return .failure(SyntaxError(offset: index, message: "'${' at character \(index + 1) is never closed with '}'"))
            }
            let name = UnsafeBufferPointer(rebasing: bytes[(index + 2)..<end])
            if name.first == UInt8(ascii: "!") {
                // `${!Literal}` is the text `${Literal}`.
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[textStart..<index]))
                escaped.append(dollar)
                escaped.append(open)
                escaped.append(contentsOf: name.dropFirst())
                escaped.append(close)
                hasEscape = true
            } else {
                let trimmed = String(decoding: name, as: UTF8.self).trimmingSpaces
                if trimmed.isEmpty {
                    return .failure(SyntaxError(offset: index, message: "empty variable '${}' at character \(index + 1)"))
                }
                flushText(upTo: index)
                parts.append(.variable(trimmed, offset: index + 2))
            }
            index = end + 1
            textStart = index
        }
        flushText(upTo: bytes.count)
        return .success(SubTemplate(parts: parts))
    }
}
