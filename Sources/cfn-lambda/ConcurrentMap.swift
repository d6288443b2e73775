import Dispatch
import Foundation

/// Maps work over all cores, keeping results in input order.
enum ConcurrentMap {
    /// `progress` is called with the number of items done so far, from any thread.
    static func map<T: Sendable, R: Sendable>(_ items: [T], progress: (@Sendable (Int) -> Void)? = nil,
                                              _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let done = results.set(index, transform(items[index]))
            progress?(done)
        }
        return results.values()
    }

    /// Maps blocking work (a process, the network) on at most `width` threads at once, whatever
    /// the number of cores, keeping results in input order.
    static func map<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
        if items.count < 2 || width < 2 { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        let next = NextIndex()
        let done = DispatchGroup()
        for _ in 0..<min(width, items.count) {
            done.enter()
            Thread {
                while let index = next.take(below: items.count) {
                    _ = results.set(index, transform(items[index]))
                }
                done.leave()
            }.start()
        }
        done.wait()
        return results.values()
    }
}

/// The next item to take, shared by the threads of `map(_:width:_:)`.
private final class NextIndex: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Slots filled from many threads, each exactly once.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    private var filled = 0

    /// Stores a result and returns how many are stored.
    func set(_ index: Int, _ value: R) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
        filled += 1
        return filled
    }

    func values() -> [R] { slots.compactMap { $0 } }
}
