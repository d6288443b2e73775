/// The identity of a node in a `NodeTree`.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }
    init(_ index: Int) { self.rawValue = Int32(truncatingIfNeeded: index) }

    var index: Int { Int(rawValue) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "#\(rawValue)" }
}

public enum NodeKind: UInt8, Sendable {
    case scalar
    case sequence
    case mapping
    /// `Ref`, `Fn::*` or `Condition` in either long or short form; its argument is one child node.
    case intrinsic
}

/// How a scalar was written. Plain `true` and quoted `"true"` stay distinguishable for type checks.
public enum ScalarStyle: UInt8, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded

    /// Anything but plain: the author wrote a string on purpose.
    public var isQuoted: Bool { self != .plain }
}

/// One node, 20 bytes. Fields are reused by kind so that the tree is a few flat arrays.
struct NodeRecord {
    var start: UInt32
    var end: UInt32
    /// scalar: offset of its text in `text`; sequence/mapping: first index in `children`;
    /// intrinsic: the argument's node index.
    var payload: UInt32
    /// scalar: byte length of its text; sequence: element count; mapping: entry count;
    /// intrinsic: `IntrinsicFunction.rawValue`.
    var count: UInt32
    var kind: NodeKind
    var style: ScalarStyle
    var flags: UInt8

    static let explicitString: UInt8 = 1
    /// On a mapping: a key appears more than once.
    static let repeatedKeys: UInt8 = 2
}

/// A loaded YAML or JSON document: every mapping, sequence, scalar and intrinsic with its byte range.
///
/// Storage is flat (`records`, `children`, `text`): no class per node and no `String` per scalar
/// until a caller asks for one. A node reached through a YAML alias is the anchored node itself, so
/// aliases cost nothing; `LoaderLimits.aliasExpansionBudget` bounds what they may expand to.
public struct NodeTree: Sendable {
    var records: [NodeRecord] = []
    var children: [NodeID] = []
    var text: [UInt8] = []
    public internal(set) var root: NodeID?

    public init() {}

    public var nodeCount: Int { records.count }

    public func kind(_ node: NodeID) -> NodeKind { records[node.index].kind }

    public func range(_ node: NodeID) -> SourceRange {
        let record = records[node.index]
        return SourceRange(start: record.start, end: record.end)
    }

    // MARK: Scalars

    /// The style of a scalar, or nil for other kinds.
    public func style(_ node: NodeID) -> ScalarStyle? {
        let record = records[node.index]
        return record.kind == .scalar ? record.style : nil
    }

    /// A scalar that is a string whatever its text: quoted, block, or tagged `!!str`.
    public func isExplicitString(_ node: NodeID) -> Bool {
        let record = records[node.index]
        return record.kind == .scalar && (record.style.isQuoted || record.flags & NodeRecord.explicitString != 0)
    }

    /// The scalar's text, decoded; nil for other kinds.
    public func string(_ node: NodeID) -> String? {
        let record = records[node.index]
        guard record.kind == .scalar else { return nil }
        let start = Int(record.payload)
        return String(decoding: text[start..<start + Int(record.count)], as: UTF8.self)
    }

    /// The scalar's UTF-8 bytes; nil for other kinds.
    public func bytes(_ node: NodeID) -> ArraySlice<UInt8>? {
        let record = records[node.index]
        guard record.kind == .scalar else { return nil }
        let start = Int(record.payload)
        return text[start..<start + Int(record.count)]
    }

    /// Whether the node is a scalar whose text is exactly `string`, without decoding it.
    public func scalar(_ node: NodeID, equals string: String) -> Bool {
        let record = records[node.index]
        guard record.kind == .scalar else { return false }
        var utf8 = string
        return utf8.withUTF8 { other in
            guard other.count == Int(record.count) else { return false }
            let start = Int(record.payload)
            return text[start..<start + other.count].elementsEqual(other)
        }
    }

    // MARK: Containers

    /// Elements of a sequence (empty for other kinds).
    public func elements(_ node: NodeID) -> ArraySlice<NodeID> {
        let record = records[node.index]
        guard record.kind == .sequence else { return [] }
        let start = Int(record.payload)
        return children[start..<start + Int(record.count)]
    }

    /// Entries of a mapping in source order (empty for other kinds). Keys are always scalars.
    public func entries(_ node: NodeID) -> MappingEntries {
        let record = records[node.index]
        guard record.kind == .mapping else { return MappingEntries(children: [], start: 0, count: 0) }
        return MappingEntries(children: children, start: Int(record.payload), count: Int(record.count))
    }

    /// Whether a mapping has a key more than once (reported as a duplicate key when loading).
    public func hasRepeatedKeys(_ node: NodeID) -> Bool {
        let record = records[node.index]
        return record.kind == .mapping && record.flags & NodeRecord.repeatedKeys != 0
    }

    /// The value for a key in a mapping, or nil (also when the node is not a mapping).
    public func value(forKey key: String, in node: NodeID) -> NodeID? {
        for entry in entries(node) where scalar(entry.key, equals: key) {
            return entry.value
        }
        return nil
    }

    /// The number of elements or entries of a container; 1 for an intrinsic; 0 for a scalar.
    public func count(_ node: NodeID) -> Int {
        let record = records[node.index]
        switch record.kind {
        case .scalar: return 0
        case .intrinsic: return 1
        case .sequence, .mapping: return Int(record.count)
        }
    }

    // MARK: Intrinsics

    /// The function and argument of an intrinsic node; nil for other kinds.
    public func intrinsic(_ node: NodeID) -> (function: IntrinsicFunction, argument: NodeID)? {
        let record = records[node.index]
        guard record.kind == .intrinsic, let function = IntrinsicFunction(rawValue: UInt8(truncatingIfNeeded: record.count))
        else { return nil }
        return (function, NodeID(Int(record.payload)))
    }
}

/// A mapping's entries, as (key, value) pairs, without copying.
public struct MappingEntries: RandomAccessCollection, Sendable {
    public struct Entry: Hashable, Sendable {
        public let key: NodeID
        public let value: NodeID
    }

    let children: [NodeID]
    let start: Int
    public let count: Int

    public static let empty = MappingEntries(children: [], start: 0, count: 0)

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Entry {
        Entry(key: children[start + 2 * position], value: children[start + 2 * position + 1])
    }
}
