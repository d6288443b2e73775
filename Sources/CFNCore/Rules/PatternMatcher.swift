import Foundation

/// Whole-value matching of the regular expressions templates and schemas carry (AllowedPattern,
/// schema `pattern`). Compiled patterns are cached; a pattern that does not compile answers nil
/// (not judged). Not used on the loading path.
public enum PatternMatcher {
    private static let cache = PatternCache()

    /// Whether the whole value matches, or nil when the pattern is not a valid regular expression.
    public static func wholeMatch(_ pattern: String, _ value: String) -> Bool? {
        guard let expression = cache.expression(for: "^(?:" + pattern + ")$") else { return nil }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
    }

    /// Whether the pattern, as written (anchors included), matches somewhere in the value.
    public static func search(_ pattern: String, _ value: String) -> Bool? {
        guard let expression = cache.expression(for: pattern) else { return nil }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
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
