import Foundation

/// A schema node built from its JSON on first use, once, whichever thread asks: a template reaches
/// few of a schema's definitions, and building the others (with their patterns) was most of what a
/// one-function template's schema cost.
final class LazySchemaNode: @unchecked Sendable {
    private let json: JSONValue
    private let lock = NSLock()
    // Guarded by `lock`.
    private var built: SchemaNode?

    init(_ json: JSONValue) {
        self.json = json
    }

    var node: SchemaNode {
        lock.withLock {
            if let built { return built }
            let node = SchemaNode(json)
            built = node
            return node
        }
    }
}
