import CFNLoader

/// A read-only view of one value of a JSON document loaded into a `NodeTree` (a state file, or a
/// response embedded in it): absent keys and wrong kinds read as nil, never trap.
struct StateValue {
    let tree: NodeTree
    let node: NodeID?

    init(tree: NodeTree, node: NodeID?) {
        self.tree = tree
        self.node = node
    }

    var exists: Bool { node != nil }
    var isMapping: Bool { node.map { tree.kind($0) == .mapping } ?? false }
    var isSequence: Bool { node.map { tree.kind($0) == .sequence } ?? false }
    var isNull: Bool {
        guard let node, tree.kind(node) == .scalar, !tree.isExplicitString(node) else { return false }
        return tree.string(node) == "null"
    }

    subscript(key: String) -> StateValue {
        guard let node, tree.kind(node) == .mapping else { return StateValue(tree: tree, node: nil) }
        return StateValue(tree: tree, node: tree.value(forKey: key, in: node))
    }

    /// A scalar's text (not `null`).
    var string: String? {
        guard let node, tree.kind(node) == .scalar, !isNull else { return nil }
        return tree.string(node)
    }

    /// A whole number.
    var integer: Int64? { string.flatMap { Int64($0) } }

    var bool: Bool? {
        switch string {
        case "true": true
        case "false": false
        default: nil
        }
    }

    var elements: [StateValue] {
        guard let node, tree.kind(node) == .sequence else { return [] }
        return tree.elements(node).map { StateValue(tree: tree, node: $0) }
    }

    /// A mapping's entries, in file order.
    var entries: [(key: String, value: StateValue)] {
        guard let node, tree.kind(node) == .mapping else { return [] }
        return tree.entries(node).map { (tree.string($0.key) ?? "", StateValue(tree: tree, node: $0.value)) }
    }

    /// A list of strings (other items are skipped).
    var strings: [String] { elements.compactMap(\.string) }

    var range: SourceRange? { node.map { tree.range($0) } }
}
