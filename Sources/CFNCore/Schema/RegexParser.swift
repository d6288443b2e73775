/// Reads a pattern of `RegexAutomaton`'s subset into an expression; nil for anything outside it,
/// so that ICU judges that pattern instead.
struct RegexParser {
    indirect enum Expression {
        case scalar(ScalarSet)
        case assertion(RegexAutomaton.Assertion)
        case sequence([Expression])
        case alternation([Expression])
        case repetition(Expression, minimum: Int, maximum: Int?)
        /// `(?=…)` or `(?!…)`.
        case lookahead(Expression, negative: Bool)
    }

    private let source: [Unicode.Scalar]
    private var position = 0

    init(_ source: [Unicode.Scalar]) {
        self.source = source
    }

    mutating func parse() -> Expression? {
        guard let expression = alternation(), position == source.count else { return nil }
        return expression
    }

    private var current: Unicode.Scalar? {
        position < source.count ? source[position] : nil
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        position += 1
        return true
    }

    private mutating func alternation() -> Expression? {
        var branches: [Expression] = []
        repeat {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
        } while take("|")
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() -> Expression? {
        var parts: [Expression] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let atom = atom() else { return nil }
            guard let quantified = quantified(atom) else { return nil }
            parts.append(quantified)
        }
        return .sequence(parts)
    }

    /// The atom with the quantifier that follows it, if any.
    private mutating func quantified(_ atom: Expression) -> Expression? {
        let bounds: (Int, Int?)
        switch current {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        case "{":
            guard let counted = counted() else { return nil }
            bounds = counted
            position -= 1
        default:
            return atom
        }
        position += 1
        // Lazy and possessive quantifiers, repeated quantifiers and a quantified assertion are not taken.
        switch atom {
        case .assertion, .lookahead: return nil
        default: break
        }
        if let next = current, "*+?{".unicodeScalars.contains(next) { return nil }
        return .repetition(atom, minimum: bounds.0, maximum: bounds.1)
    }

    /// `{n}`, `{n,}` or `{n,m}`, leaving the position on the closing brace.
    private mutating func counted() -> (Int, Int?)? {
        position += 1
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if take(",") {
            maximum = current == "}" ? nil : number()
            if maximum == nil, current != "}" { return nil }
        }
        guard current == "}", maximum.map({ $0 >= minimum }) ?? true, minimum <= 1_000 else { return nil }
        position += 1
        return (minimum, maximum)
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = current, ("0"..."9").contains(scalar), digits < 4 {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : value
    }

    private mutating func atom() -> Expression? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "(":
            return group()
        case "[":
            return characterClass().map(Expression.scalar)
        case ".":
            return .scalar(.anyButLineTerminator)
        case "^":
            return .assertion(.start)
        case "$":
            return .assertion(.end)
        case "\\":
            return escape().map(Expression.scalar)
        case "*", "+", "?", "{", "}", "]":
            return nil
        default:
            return .scalar(Self.single(scalar))
        }
    }

    private mutating func group() -> Expression? {
        if take("?") {
            if take(":") { return closedGroup() }
            if take("=") { return closedGroup().map { .lookahead($0, negative: false) } }
            if take("!") { return closedGroup().map { .lookahead($0, negative: true) } }
            guard take("<") else { return nil }
            let negative: Bool
            if take("!") { negative = true } else if take("=") { negative = false } else { return nil }
            // One character behind: a single atom that consumes exactly one scalar.
            guard let atom = atom(), case .scalar(let set) = atom, take(")") else { return nil }
            return .assertion(negative ? .notPrecededBy(set) : .precededBy(set))
        }
        return closedGroup()
    }

    private mutating func closedGroup() -> Expression? {
        guard let inner = alternation(), take(")") else { return nil }
        return inner
    }

    /// An escape outside a class: a class escape or one character.
    private mutating func escape() -> ScalarSet? {
        guard let item = escapeItem() else { return nil }
        switch item {
        case .scalar(let scalar): return Self.single(scalar)
        case .named(let named, let negated): return ScalarSet(named: [(named, negated)], negated: false)
        }
    }

    private enum ClassItem {
        case scalar(Unicode.Scalar)
        case named(ScalarSet.Named, negated: Bool)
    }

    /// What follows a backslash: `\d \s \w` and their negations, `\p{L} \p{N} \p{Z}`, `\uHHHH`, or
    /// escaped punctuation (a letter or digit with another meaning to ICU is not taken).
    private mutating func escapeItem() -> ClassItem? {
        guard let scalar = current else { return nil }
        position += 1
        switch scalar {
        case "d": return .named(.digit, negated: false)
        case "D": return .named(.digit, negated: true)
        case "s": return .named(.space, negated: false)
        case "S": return .named(.space, negated: true)
        case "w": return .named(.word, negated: false)
        case "W": return .named(.word, negated: true)
        case "p":
            guard take("{"), let name = current, take(name), take("}") else { return nil }
            switch name {
            case "L": return .named(.letter, negated: false)
            case "N": return .named(.number, negated: false)
            case "Z": return .named(.separator, negated: false)
            default: return nil
            }
        case "u":
            guard position + 4 <= source.count, source[position..<position + 4].allSatisfy(\.properties.isASCIIHexDigit),
                  let value = UInt32(String(String.UnicodeScalarView(source[position..<position + 4])), radix: 16),
                  let escaped = Unicode.Scalar(value) else { return nil }
            position += 4
            return .scalar(escaped)
        default:
            guard scalar.isASCII, !("a"..."z").contains(scalar), !("A"..."Z").contains(scalar), !("0"..."9").contains(scalar) else { return nil }
            return .scalar(scalar)
        }
    }

    /// `[…]` after its opening bracket: items, ranges between single characters, a leading `^`;
    /// a `-` first, last or right after a range or a named class is itself. Nested classes and set operations are not taken.
    private mutating func characterClass() -> ScalarSet? {
        var set = ScalarSet()
        set.negated = take("^")
        var afterRange = false
        var first = true
        while let scalar = current, scalar != "]" || first {
            if first, scalar == "]" { return nil }
            let atStart = first
            first = false
            position += 1
            let item: ClassItem
            switch scalar {
            case "[", "&":
                return nil
            case "\\":
                guard let escaped = escapeItem() else { return nil }
                item = escaped
            case "-" where atStart || afterRange || current == "]":
                item = .scalar("-")
            case "-":
                return nil
            default:
                item = .scalar(scalar)
            }
            afterRange = false
            switch item {
            case .named(let named, let negated):
                set.named.append((named, negated))
                afterRange = true
            case .scalar(let low):
                // A range, unless the dash ends the class.
                if current == "-", position + 1 < source.count, source[position + 1] != "]" {
                    position += 1
                    guard let high = rangeEnd(), high.value >= low.value else { return nil }
                    set.ranges.append(low.value...high.value)
                    afterRange = true
                } else {
                    set.ranges.append(low.value...low.value)
                }
            }
        }
        guard take("]"), !(set.ranges.isEmpty && set.named.isEmpty) else { return nil }
        return set
    }

    private mutating func rangeEnd() -> Unicode.Scalar? {
        guard let scalar = current, scalar != "[" else { return nil }
        position += 1
        guard scalar == "\\" else { return scalar }
        guard case .scalar(let escaped)? = escapeItem() else { return nil }
        return escaped
    }

    private static func single(_ scalar: Unicode.Scalar) -> ScalarSet {
        ScalarSet(ranges: [scalar.value...scalar.value])
    }
}
