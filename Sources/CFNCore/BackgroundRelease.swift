import Foundation

/// Frees large values on a background thread. A rule context of a large template is hundreds of
/// thousands of small allocations; freeing them takes as long as a fair part of validating, and
/// nothing waits for it. The caller gives up its reference (`BackgroundRelease.free(consume value)`),
/// so the background job holds the last one.
public enum BackgroundRelease {
    private static let pending = DispatchGroup()

    public static func free<T: Sendable>(_ value: consuming T) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async(group: pending) { box.drop() }
    }

    /// Waits until everything handed over has been freed (for benchmarks, so that freeing one
    /// measurement's values does not slow the next).
    public static func waitUntilFreed() {
        pending.wait()
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        private var value: T?
        init(_ value: T) { self.value = value }
        func drop() { value = nil }
    }
}
