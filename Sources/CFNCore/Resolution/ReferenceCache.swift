import Foundation

/// What `Ref: name` resolved to, by name, for one resolver: a template refers to the same parameters
/// and pseudo parameters many times, and their unknown values carry reasons that take work to build.
/// Safe to share between threads.
final class ReferenceCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var values: [String: Resolved] = [:]

    func value(for name: String) -> Resolved? {
        lock.withLock { values[name] }
    }

    func store(_ value: Resolved, for name: String) {
        lock.withLock { values[name] = value }
    }
}
