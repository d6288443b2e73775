import Foundation

/// Whole-value matching of the regular expressions templates and schemas carry (AllowedPattern,
/// schema `pattern`). Compiled patterns are cached; a pattern that does not compile answers nil
/// (not judged), and so does a match that takes more than `workBudget`. Not used on the loading path.
public enum PatternMatcher {
    private static let cache = PatternCache()

    /// How much matching one value may take, in ICU's progress reports (each about 10,000
    /// backtracking steps, a quarter of a millisecond). A template's pattern that backtracks
    /// catastrophically on a value it does not match, such as `[a-z]+([a-z-]*[a-z])*` on
    /// `quickstart-amazon-eks/`, would otherwise run for minutes. Counted in steps, not time, so
    /// the answer does not depend on the machine.
    public static let workBudget = 50

    /// Whether the whole value matches, or nil when the pattern is not a valid regular expression
    /// or matching it is over the budget.
    public static func wholeMatch(_ pattern: String, _ value: String) -> Bool? {
        guard let expression = cache.expression(for: "^(?:" + pattern + ")$") else { return nil }
        return firstMatch(expression, value)
    }

    /// Whether the pattern, as written (anchors included), matches somewhere in the value.
    public static func search(_ pattern: String, _ value: String) -> Bool? {
        // Tried from the start only, skipping ahead lazily: ICU reports progress at every start
        // position of an unanchored search, which would count against the budget.
        guard let expression = cache.expression(for: "^(?s:.*?)(?:" + pattern + ")") else { return nil }
        return firstMatch(expression, value)
    }

    /// Whether ICU compiles the pattern, both as written and in the form `search` uses.
    static func compiles(_ pattern: String) -> Bool {
        cache.expression(for: pattern) != nil && cache.expression(for: "^(?s:.*?)(?:" + pattern + ")") != nil
    }

    private static func firstMatch(_ expression: NSRegularExpression, _ value: String) -> Bool? {
        var found = false
        var reports = 0
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        expression.enumerateMatches(in: value, options: [.reportProgress], range: range) { match, _, stop in
            if match != nil {
                found = true
                stop.pointee = true
                return
            }
            reports += 1
            if reports > workBudget { stop.pointee = true }
        }
        return found ? true : reports > workBudget ? nil : false
    }
}

private final class PatternCache: @unchecked Sendable {
    private var expressions: [String: NSRegularExpression?] = [:]
    private let lock = NSLock()

    func expression(for pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = expressions[pattern] { return cached }
        let compiled = try? NSRegularExpression(pattern: pattern)
        expressions[pattern] = compiled
        return compiled
    }
}
