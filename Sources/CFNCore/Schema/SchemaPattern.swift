/// A JSON Schema `pattern`: a regular expression that must match somewhere in the text (JSON Schema
/// patterns are not implicitly anchored).
///
/// A pattern of `RegexAutomaton`'s subset (every shipped one) is matched by that automaton on texts
/// of up to `automatonLongest` bytes, without ICU; longer texts, and patterns outside the subset
/// (lookahead, named properties beyond L, N and Z, …), go to ICU (`PatternMatcher.search`), compiled
/// on first use. ICU may take at most `PatternMatcher.workBudget` of its progress reports on one text:
/// a pattern such as LayerName's `^(arn:…)|[a-zA-Z0-9-_]+$`, whose second branch is not anchored at
/// the start, takes time quadratic in a long text it does not match, and a template may hold one.
/// Past the budget the text is not judged. On the short texts the automaton takes, the shipped
/// patterns stay far within that budget, so both give the same answers.
public struct SchemaPattern: Sendable {
    public let source: String
    private let automaton: RegexAutomaton?
    private let answers = PatternAnswers()

    /// The longest text, in UTF-8 bytes, that the automaton matches.
    static let automatonLongest = 256

    /// Nil when the expression does not compile.
    public init?(_ source: String) {
        automaton = RegexAutomaton(source)
        // The subset is valid to ICU; anything else is compiled now, to know whether it is.
        guard automaton != nil || PatternMatcher.compiles(source) else { return nil }
        self.source = source
    }

    /// A pattern that must match the whole text, as `PatternMatcher.wholeMatch` reads it.
    public init?(whole source: String) {
        self.init("^(?:" + source + ")$")
    }

    /// Whether the pattern matches somewhere in the text; nil when finding out takes more than the
    /// work budget.
    public func match(_ text: String) -> Bool? {
        answers.answer(for: text) { [automaton, source] text in
            if let automaton, text.utf8.count <= Self.automatonLongest { return automaton.search(text) }
            return PatternMatcher.search(source, text)
        }
    }

    /// Whether the text passes the pattern: true where it matches and where it is not judged (past the
    /// work budget), so that what cannot be judged is not reported.
    public func matches(_ text: String) -> Bool {
        match(text) != false
    }
}
