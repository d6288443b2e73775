/// The scalars one position of a `RegexAutomaton` accepts: ranges and ICU's named classes, or
/// everything but them.
struct ScalarSet: Sendable {
    /// ICU's classes, by the Unicode properties ICU defines them with (tests compare every scalar).
    enum Named: Sendable {
        /// `\d`: General_Category Nd.
        case digit
        /// `\s`: White_Space.
        case space
        /// `\w`: Alphabetic, marks, Nd, Pc, ZWNJ and ZWJ.
        case word
        /// `\p{L}`, `\p{N}`, `\p{Z}`: the general category groups.
        case letter, number, separator
    }

    var ranges: [ClosedRange<UInt32>] = []
    /// Named classes, each possibly negated (`\S` inside a class).
    var named: [(Named, negated: Bool)] = []
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = ranges.contains { $0.contains(value) }
        if !found {
            found = named.contains { Self.contains($0.0, scalar) != $0.negated }
        }
        return found != negated
    }

    /// `.`: anything but a line terminator.
    static let anyButLineTerminator = ScalarSet(ranges: [0x0A...0x0D, 0x85...0x85, 0x2028...0x2029], negated: true)

    /// ICU's line terminators: LF, VT, FF, CR, NEL, LS and PS.
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The Unicode version of Foundation's ICU (76): the standard library knows characters assigned
    /// since, which ICU's classes do not hold yet.
    static let icuUnicodeMajorVersion = 16

    private static func contains(_ named: Named, _ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if named != .space {
            guard let age = properties.age, age.major <= icuUnicodeMajorVersion else { return false }
        }
        switch named {
        case .digit:
            return properties.generalCategory == .decimalNumber
        case .space:
            return properties.isWhitespace
        case .word:
            switch properties.generalCategory {
            case .decimalNumber, .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark:
                return true
            default:
                return properties.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D
            }
        case .letter:
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        case .number:
            switch properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        case .separator:
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}
