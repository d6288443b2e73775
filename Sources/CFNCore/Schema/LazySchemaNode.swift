import Foundation

/// A schema node built from its part of the document on first use, once, whichever thread asks: a template reaches
/// few of a schema's definitions, and building the others (with their patterns) was most of what a
/// one-function template's schema cost.
final class LazySchemaNode: @unchecked Sendable {
    private let part: SchemaDocument.Part
    private let lock = NSLock()
    // Guarded by `lock`.
    private var built: SchemaNode?

    init(_ part: SchemaDocument.Part) {
        self.part = part
    }

    var node: SchemaNode {
        lock.withLock {
            if let built { return built }
            let node = SchemaNode(part.value)
            built = node
            return node
        }
    }
}
