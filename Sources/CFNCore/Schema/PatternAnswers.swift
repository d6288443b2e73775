import Foundation

/// The answers one schema pattern gave, by text: templates repeat values (handlers, bucket names,
/// tags, security groups), and a lookup costs far less than running the regular expression. An
/// answer is true, false, or nil (not judged).
///
/// Only ASCII text is remembered, where equal strings are equal bytes (other text is matched every
/// time), and only so much of it. Safe to share between threads.
final class PatternAnswers: @unchecked Sendable {
    private static let capacity = 4_096
    private static let longestText = 256

    private let lock = NSLock()
    // Guarded by `lock`.
    private var answers: [String: Bool?] = [:]

    func answer(for text: String, _ compute: (String) -> Bool?) -> Bool? {
        let utf8 = text.utf8
        guard utf8.count <= Self.longestText, utf8.allSatisfy({ $0 < 0x80 }) else { return compute(text) }
        if let known = lock.withLock({ answers[text] }) { return known }
        let answer = compute(text)
        lock.withLock {
            if answers.count < Self.capacity { answers[text] = .some(answer) }
        }
        return answer
    }
}
