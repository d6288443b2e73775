import Foundation

/// Runs independent work on every core and gives the results in input order, so that what is
/// made of them does not depend on which thread ran what. Items are taken in order as threads
/// come free: put the longest first. The one concurrency helper of the library and the CLI.
public enum ParallelJobs {
    /// The jobs' results, in their order.
    public static func run<R: Sendable>(_ jobs: [@Sendable () -> R]) -> [R] {
        map(jobs) { $0() }
    }

    /// `transform` of each item, on every core. `progress` is told how many items are done, from any thread.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], progress: (@Sendable (Int) -> Void)? = nil,
                                                     _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let done = slots.set(index, transform(items[index]))
            progress?(done)
        }
        return slots.values()
    }

    /// `transform` of each item on at most `width` threads at once, whatever the number of cores:
    /// for work that blocks (a process, the network).
    public static func map<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        if items.count < 2 || width < 2 { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let done = DispatchGroup()
        for _ in 0..<min(width, items.count) {
            done.enter()
            Thread {
                while let index = slots.take() {
                    _ = slots.set(index, transform(items[index]))
                }
                done.leave()
            }.start()
        }
        done.wait()
        return slots.values()
    }

    /// Two jobs of different results at once.
    static func pair<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let (firstSlot, secondSlot) = (Slots<A>(count: 1), Slots<B>(count: 1))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { _ = firstSlot.set(0, first()) } else { _ = secondSlot.set(0, second()) }
        }
        // Both are always made: concurrentPerform returns when every iteration has run.
        guard let a = firstSlot.values().first, let b = secondSlot.values().first else { return (first(), second()) }
        return (a, b)
    }

    /// One slot per item, each filled once, from any thread; and the next item to take.
    private final class Slots<R: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var slots: [R?]
        private var filled = 0
        private var next = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// Stores a result and returns how many are stored.
        func set(_ index: Int, _ value: R) -> Int {
            lock.withLock {
                slots[index] = value
                filled += 1
                return filled
            }
        }

        /// The index of the next item no thread has taken, nil when every one has been.
        func take() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                next += 1
                return next - 1
            }
        }

        func values() -> [R] {
            lock.withLock { slots.compactMap { $0 } }
        }
    }
}
