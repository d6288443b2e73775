import CFNLoader
import Foundation

/// Values a resolver gives the same wherever they are written, but for their node: `Ref` to a
/// parameter, pseudo parameter or resource, and `Fn::GetAtt` of a resource's attribute. A template
/// repeats these many times, and their unknown values carry reasons that take work to build.
/// Safe to share between threads.
final class ResolutionCache: @unchecked Sendable {
    enum Key: Hashable {
        case reference(String)
        case attribute(resource: String, attribute: String)
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var values: [Key: Resolved] = [:]

    /// The value kept for `key`, placed at `node`.
    func value(for key: Key, at node: NodeID?) -> Resolved? {
        guard var value = lock.withLock({ values[key] }) else { return nil }
        value.node = node
        return value
    }

    /// Keeps a value whose node is only its own: a list (a list parameter's items carry the node too)
    /// is not kept.
    func store(_ value: Resolved, for key: Key) {
        guard value.elements == nil else { return }
        lock.withLock { values[key] = value }
    }
}
