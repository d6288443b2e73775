extension NodeTree {
    /// Whether two nodes mean the same thing to CloudFormation: the same kinds, functions, keys and
    /// scalar text, ignoring source ranges, key order, layout and quoting — except that a plain
    /// scalar that YAML would read as a boolean, number or null (`true`, `1e3`, `~`) differs from
    /// its quoted form, since type checks tell them apart.
    ///
    /// Iterative, so depth costs no stack.
    public func isEquivalent(_ node: NodeID, to otherNode: NodeID, in other: NodeTree) -> Bool {
        var work: [(NodeID, NodeID)] = [(node, otherNode)]
        while let (a, b) = work.popLast() {
            let left = records[a.index]
            let right = other.records[b.index]
            guard left.kind == right.kind else { return false }
            switch left.kind {
            case .scalar:
                guard let leftBytes = bytes(a), let rightBytes = other.bytes(b),
                      leftBytes.elementsEqual(rightBytes) else { return false }
                if isExplicitString(a) != other.isExplicitString(b), ScalarText.looksNonString(leftBytes) {
                    return false
                }
            case .intrinsic:
                guard left.count == right.count else { return false }
                work.append((NodeID(Int(left.payload)), NodeID(Int(right.payload))))
            case .sequence:
                let leftElements = elements(a)
                let rightElements = other.elements(b)
                guard leftElements.count == rightElements.count else { return false }
                work.append(contentsOf: zip(leftElements, rightElements).map { ($0, $1) })
            case .mapping:
                let leftEntries = entries(a)
                let rightEntries = other.entries(b)
                guard leftEntries.count == rightEntries.count else { return false }
                // Entries paired in key order; a repeated key's entries in source order, so that the
                // k-th `K:` on one side goes with the k-th on the other (pairing each with the first
                // made a mapping with a repeated key differ from itself).
                let leftSorted = Self.keyOrder(leftEntries, in: self)
                let rightSorted = Self.keyOrder(rightEntries, in: other)
                for (left, right) in zip(leftSorted, rightSorted) {
                    guard let leftKey = bytes(left.key), let rightKey = other.bytes(right.key),
                          leftKey.elementsEqual(rightKey) else { return false }
                    work.append((left.value, right.value))
                }
            }
        }
        return true
    }

    /// A mapping's entries sorted by key bytes, entries with the same key in source order.
    private static func keyOrder(_ entries: MappingEntries, in tree: NodeTree) -> [MappingEntries.Entry] {
        entries.indices
            .map { (entry: entries[$0], key: tree.bytes(entries[$0].key) ?? [], position: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) || $0.key.elementsEqual($1.key) && $0.position < $1.position }
            .map(\.entry)
    }
}

/// Classification of plain scalar text, without `String` and without regular expressions.
public enum ScalarText {
    /// Whether plain text would be read by a YAML or JSON parser as null, a boolean or a number
    /// (YAML 1.1 and 1.2 core forms: `~`, `null`, `true`, `yes`, `on`, `0x1F`, `1e3`, `.inf`, ...).
    /// CloudFormation keeps all of these as text unless a property's schema says otherwise.
    public static func looksNonString<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if bytes.isEmpty { return true }
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        switch String(decoding: lowered, as: UTF8.self) {
        case "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan":
            return true
        default:
            break
        }
        // A number: optional sign, digits with at most one dot, optional exponent; or 0x/0o forms.
        var index = lowered.startIndex
        if index < lowered.endIndex, lowered[index] == 0x2B || lowered[index] == 0x2D { index += 1 }
        if lowered.count - index > 2, lowered[index] == 0x30, lowered[index + 1] == 0x78 || lowered[index + 1] == 0x6F {
            return lowered[(index + 2)...].allSatisfy { isHexDigit($0) }
        }
        var digits = 0
        var dots = 0
        while index < lowered.endIndex, isDigit(lowered[index]) || lowered[index] == 0x2E || lowered[index] == 0x5F {
            if lowered[index] == 0x2E { dots += 1 } else if lowered[index] != 0x5F { digits += 1 }
            index += 1
        }
        guard digits > 0, dots <= 1 else { return false }
        if index < lowered.endIndex, lowered[index] == 0x65 {
            index += 1
            if index < lowered.endIndex, lowered[index] == 0x2B || lowered[index] == 0x2D { index += 1 }
            guard index < lowered.endIndex else { return false }
            while index < lowered.endIndex, isDigit(lowered[index]) { index += 1 }
        }
        return index == lowered.endIndex
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x66) }
}
