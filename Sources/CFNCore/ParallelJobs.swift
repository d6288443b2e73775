import Foundation

/// Runs independent jobs on every core and gives their results in the jobs' order, so that what is
/// made of them does not depend on which thread ran what. Jobs are taken in order as threads come
/// free: put the longest first.
enum ParallelJobs {
    static func run<R: Sendable>(_ jobs: [@Sendable () -> R]) -> [R] {
        if jobs.count < 2 { return jobs.map { $0() } }
        let slots = Slots<R>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            slots.set(index, jobs[index]())
        }
        return slots.values()
    }

    /// Two jobs of different results at once.
    static func pair<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let (firstSlot, secondSlot) = (Slots<A>(count: 1), Slots<B>(count: 1))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstSlot.set(0, first()) } else { secondSlot.set(0, second()) }
        }
        // Both are always made: concurrentPerform returns when every iteration has run.
        guard let a = firstSlot.values().first, let b = secondSlot.values().first else { return (first(), second()) }
        return (a, b)
    }

    /// One slot per job, each filled once, from any thread.
    private final class Slots<R: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var slots: [R?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.withLock { slots[index] = value }
        }

        func values() -> [R] {
            lock.withLock { slots.compactMap { $0 } }
        }
    }
}
