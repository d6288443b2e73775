import CFNLoader

extension ResourcePlanner {
    /// `direct` when the template text changed; `parameter` when the same text now resolves to
    /// another value (a parameter, a pseudo parameter, a mapping lookup, or a condition that flips
    /// and so chooses the other branch of the same `Fn::If`).
    func reason(_ difference: PropertyDiff.Difference, _ before: Resource, _ after: Resource) -> ChangeDetail.Reason {
        guard let base, let beforeNode = difference.before?.node, let afterNode = difference.after?.node else { return .direct }
        if base.tree.isEquivalent(beforeNode, to: afterNode, in: head.tree) { return .parameter }
        // The values differ in text, but both may come from one text written alike in both
        // templates: the branches of an unchanged `Fn::If`. A value from outside it (a mapping
        // whose entry was edited) is a change of the text.
        guard let written = Self.writtenNode(at: difference.path, in: before, tree: base.tree),
              let rewritten = Self.writtenNode(at: difference.path, in: after, tree: head.tree),
              base.tree.isEquivalent(written, to: rewritten, in: head.tree),
              base.tree.range(written).holds(base.tree.range(beforeNode)),
              head.tree.range(rewritten).holds(head.tree.range(afterNode)) else { return .direct }
        return .parameter
    }

    /// The node written at a property path, or the intrinsic function on the way that makes it
    /// (`MemorySize: !If [...]` for `MemorySize`); nil when the template has nothing there.
    static func writtenNode(at path: [String], in resource: Resource, tree: NodeTree) -> NodeID? {
        guard var node = resource.properties else { return nil }
        for key in path {
            if tree.intrinsic(node) != nil { return node }
            guard let next = tree.value(forKey: key, in: node) else { return nil }
            node = next
        }
        return node
    }
}

extension SourceRange {
    /// Whether `other` lies within this range.
    func holds(_ other: SourceRange) -> Bool { start <= other.start && other.end <= end }
}
