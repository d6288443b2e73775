import Foundation

/// A JSON Schema `pattern`: a regular expression that must match somewhere in the text (JSON Schema
/// patterns are not implicitly anchored). Compiled once, with ICU (`NSRegularExpression`), which
/// handles what the schemas use: lookbehind, `\p{L}`, `\uHHHH`.
///
/// Matching one text may take at most `PatternMatcher.workBudget` of ICU's progress reports: a
/// pattern such as LayerName's `^(arn:…)|[a-zA-Z0-9-_]+$`, whose second branch is not anchored at
/// the start, takes time quadratic in a long text it does not match, and a template may hold one.
/// Past the budget the text is not judged.
public struct SchemaPattern: @unchecked Sendable {
    public let source: String
    // Immutable once made, and documented as safe to use from several threads at once.
    /// The pattern tried from the start only, skipping ahead lazily: ICU reports progress at every
    /// start position of an unanchored search, which would count against the budget.
    private let search: NSRegularExpression
    private let answers = PatternAnswers()

    /// Nil when the expression does not compile.
    public init?(_ source: String) {
        guard (try? NSRegularExpression(pattern: source)) != nil,
              let search = try? NSRegularExpression(pattern: "^(?s:.*?)(?:" + source + ")") else { return nil }
        self.source = source
        self.search = search
    }

    /// Whether the pattern matches somewhere in the text; nil when finding out takes more than the
    /// work budget.
    public func match(_ text: String) -> Bool? {
        answers.answer(for: text) { [search] text in search.firstMatch(in: text, budget: PatternMatcher.workBudget) }
    }

    /// Whether the text passes the pattern: true where it matches and where it is not judged (past the
    /// work budget), so that what cannot be judged is not reported.
    public func matches(_ text: String) -> Bool {
        match(text) != false
    }
}
