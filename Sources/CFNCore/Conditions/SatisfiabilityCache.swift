import Foundation

/// Memoized satisfiability answers, shared by the copies of one `ConditionSet` (validation of one
/// file may ask from several rules; files are validated in parallel, each with its own set).
final class SatisfiabilityCache: @unchecked Sendable {
    private var answers: [Guard: Bool] = [:]
    private let lock = NSLock()

    func answer(for conditions: Guard) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        return answers[conditions]
    }

    func record(_ answer: Bool, for conditions: Guard) {
        lock.lock()
        defer { lock.unlock() }
        answers[conditions] = answer
    }
}
