/// Makes a new `NodeTree` node by node, children before their container, each node with the source
/// range it is told: a tree generated from a template (the SAM transform's output) keeps pointing at
/// the bytes of the file a user edits.
public struct NodeTreeBuilder {
    private var tree = NodeTree()
    /// Copies already made, by the source node's index (-1: none yet): a node shared through a
    /// YAML alias stays shared.
    private var copies: [Int32] = []

    public init() {}

    public var nodeCount: Int { tree.nodeCount }

    /// A scalar. `explicitString` marks a plain scalar that is a string whatever its text (`!!str`).
    public mutating func scalar(_ text: String, style: ScalarStyle, explicitString: Bool = false, at range: SourceRange) -> NodeID {
        let offset = UInt32(truncatingIfNeeded: tree.text.count)
        tree.text.append(contentsOf: text.utf8)
        return append(NodeRecord(start: range.start, end: range.end, payload: offset,
                                 count: UInt32(truncatingIfNeeded: text.utf8.count), kind: .scalar, style: style,
                                 flags: explicitString ? NodeRecord.explicitString : 0))
    }

    /// A string scalar, written quoted so that no reader takes it for a number or a boolean.
    public mutating func string(_ text: String, at range: SourceRange) -> NodeID {
        scalar(text, style: .doubleQuoted, at: range)
    }

    public mutating func sequence(_ elements: [NodeID], at range: SourceRange) -> NodeID {
        let first = UInt32(truncatingIfNeeded: tree.children.count)
        tree.children.append(contentsOf: elements)
        return append(NodeRecord(start: range.start, end: range.end, payload: first,
                                 count: UInt32(truncatingIfNeeded: elements.count), kind: .sequence, style: .plain, flags: 0))
    }

    /// A mapping of scalar keys, in the order given; a key given twice is flagged as the loader flags it.
    public mutating func mapping(_ entries: [(key: NodeID, value: NodeID)], at range: SourceRange) -> NodeID {
        let first = UInt32(truncatingIfNeeded: tree.children.count)
        for entry in entries {
            tree.children.append(entry.key)
            tree.children.append(entry.value)
        }
        let repeated = hasRepeatedKey(entries)
        return append(NodeRecord(start: range.start, end: range.end, payload: first,
                                 count: UInt32(truncatingIfNeeded: entries.count), kind: .mapping, style: .plain,
                                 flags: repeated ? NodeRecord.repeatedKeys : 0))
    }

    /// Whether two keys have the same text: key by key for the few keys most mappings have (hashing
    /// each key cost the SAM transform more than comparing them), through a set for more.
    private func hasRepeatedKey(_ entries: [(key: NodeID, value: NodeID)]) -> Bool {
        guard entries.count > 12 else {
            for index in entries.indices.dropFirst() {
                let key = tree.records[entries[index].key.index]
                guard key.kind == .scalar else { continue }
                for earlier in entries[..<index] {
                    // Lengths first: taking the texts apart costs more than most keys need.
                    let other = tree.records[earlier.key.index]
                    if other.kind == .scalar, other.count == key.count, tree.bytes(earlier.key) == tree.bytes(entries[index].key) { return true }
                }
            }
            return false
        }
        var seen = Set<ArraySlice<UInt8>>()
        return entries.contains { entry in tree.bytes(entry.key).map { !seen.insert($0).inserted } ?? false }
    }

    public mutating func intrinsic(_ function: IntrinsicFunction, argument: NodeID, at range: SourceRange) -> NodeID {
        append(NodeRecord(start: range.start, end: range.end, payload: UInt32(truncatingIfNeeded: argument.rawValue),
                          count: UInt32(function.rawValue), kind: .intrinsic, style: .plain, flags: 0))
    }

    /// A copy of `node` and everything under it, with their ranges. Every copy must come from the
    /// same `source` tree: copies are remembered by source node.
    public mutating func copy(_ node: NodeID, from source: NodeTree) -> NodeID {
        if copies.isEmpty { copies = [Int32](repeating: -1, count: source.nodeCount) }
        if copies[node.index] >= 0 { return NodeID(rawValue: copies[node.index]) }
        var record = source.records[node.index]
        switch record.kind {
        case .scalar:
            let start = Int(record.payload)
            record.payload = UInt32(truncatingIfNeeded: tree.text.count)
            tree.text.append(contentsOf: source.text[start..<start + Int(record.count)])
        case .sequence, .mapping:
            let start = Int(record.payload)
            let width = record.kind == .mapping ? 2 * Int(record.count) : Int(record.count)
            let copied = source.children[start..<start + width].map { copy($0, from: source) }
            record.payload = UInt32(truncatingIfNeeded: tree.children.count)
            tree.children.append(contentsOf: copied)
        case .intrinsic:
            record.payload = UInt32(truncatingIfNeeded: copy(NodeID(Int(record.payload)), from: source).rawValue)
        }
        let made = append(record)
        copies[node.index] = made.rawValue
        return made
    }

    /// The tree, with `root` as its document.
    public func finish(root: NodeID) -> NodeTree {
        var result = tree
        result.root = root
        return result
    }

    private mutating func append(_ record: NodeRecord) -> NodeID {
        tree.records.append(record)
        return NodeID(tree.records.count - 1)
    }
}
