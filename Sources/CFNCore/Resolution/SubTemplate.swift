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
        let bytes = Array(string.utf8)
        var parts: [Part] = []
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                text.append(bytes[index])
                index += 1
                continue
            }
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                return .failure(SyntaxError(offset: index, message: "'${' at character \(index + 1) is never closed with '}'"))
            }
            let name = bytes[(index + 2)..<close]
            if name.first == UInt8(ascii: "!") {
                text += Array("${".utf8) + name.dropFirst() + [UInt8(ascii: "}")]
            } else {
                let trimmed = String(decoding: name, as: UTF8.self).trimmingSpaces
                if trimmed.isEmpty {
                    return .failure(SyntaxError(offset: index, message: "empty variable '${}' at character \(index + 1)"))
                }
                if !text.isEmpty {
                    parts.append(.text(String(decoding: text, as: UTF8.self)))
                    text = []
                }
                parts.append(.variable(trimmed, offset: index + 2))
            }
            index = close + 1
        }
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        return .success(SubTemplate(parts: parts))
    }
}
