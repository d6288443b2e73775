import Foundation

/// A JSON Schema `pattern`: a regular expression that must match somewhere in the text (JSON Schema
/// patterns are not implicitly anchored). Compiled once, with ICU (`NSRegularExpression`), which
/// handles what the schemas use: lookbehind, `\p{L}`, `\uHHHH`.
public struct SchemaPattern: @unchecked Sendable {
    public let source: String
    // Immutable once made, and documented as safe to use from several threads at once.
    private let regex: NSRegularExpression
    private let answers = PatternAnswers()

    /// Nil when the expression does not compile.
    public init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.regex = regex
    }

    public func matches(_ text: String) -> Bool {
        answers.answer(for: text) { [regex] text in
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
}
