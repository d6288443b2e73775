import CFNLoader

/// A value of the SAM transform's output while it is made: a node of the source template (copied as
/// it is), or a value made by the transform, each with the source range it comes from.
/// Only `intrinsic` is boxed: an `indirect enum` allocates every value, and a function's expansion
/// passes hundreds of them.
enum SAMValue: Sendable {
    /// A node of the source tree, with everything under it.
    case node(NodeID)
    /// A scalar made by the transform; `isString` false for numbers and booleans.
    case scalar(String, isString: Bool, at: SourceRange)
    case list([SAMValue], at: SourceRange)
    case map([SAMEntry], at: SourceRange)
    indirect case intrinsic(IntrinsicFunction, SAMValue, at: SourceRange)

    static func string(_ text: String, at range: SourceRange) -> SAMValue { .scalar(text, isString: true, at: range) }
    static func bool(_ value: Bool, at range: SourceRange) -> SAMValue { .scalar(value ? "true" : "false", isString: false, at: range) }

    static func ref(_ name: String, at range: SourceRange) -> SAMValue {
        .intrinsic(.ref, .string(name, at: range), at: range)
    }

    static func getAtt(_ name: String, _ attribute: String, at range: SourceRange) -> SAMValue {
        .intrinsic(.getAtt, .list([.string(name, at: range), .string(attribute, at: range)], at: range), at: range)
    }

    static func sub(_ text: String, at range: SourceRange) -> SAMValue {
        .intrinsic(.sub, .string(text, at: range), at: range)
    }
}

/// One entry of a made mapping: the key keeps the range of the key it was copied from.
struct SAMEntry: Sendable {
    var key: String
    var keyRange: SourceRange
    var value: SAMValue

    init(_ key: String, _ value: SAMValue, keyRange: SourceRange) {
        self.key = key
        self.value = value
        self.keyRange = keyRange
    }
}

/// An ordered mapping being made: entries kept in insertion order, a key set again keeps its place.
struct SAMMap: Sendable {
    var entries: [SAMEntry] = []
    var range: SourceRange

    init(at range: SourceRange, _ entries: [SAMEntry] = []) {
        self.range = range
        self.entries = entries
    }

    subscript(_ key: String) -> SAMValue? {
        for index in entries.indices where Self.same(entries[index].key, key) { return entries[index].value }
        return nil
    }

    /// Key equality, lengths first: most lookups miss (a function asks for some fifty properties),
    /// and comparing a length is cheaper than comparing the strings.
    static func same(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left == right
    }

    /// Sets `key`, keeping its place when present; the key's range is `keyRange`, else the value's.
    mutating func set(_ key: String, _ value: SAMValue?, keyRange: SourceRange? = nil) {
        guard let value else { return }
        if let index = entries.firstIndex(where: { Self.same($0.key, key) }) {
            entries[index].value = value
            if let keyRange { entries[index].keyRange = keyRange }
        } else {
            entries.append(SAMEntry(key, value, keyRange: keyRange ?? range))
        }
    }

    mutating func remove(_ key: String) {
        entries.removeAll { Self.same($0.key, key) }
    }

    var value: SAMValue { .map(entries, at: range) }
}
