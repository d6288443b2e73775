/// A condition as a boolean formula over atoms (comparisons that are not known), simplified as it
/// is built: known comparisons are constants, and constants fold away.
public indirect enum ConditionFormula: Sendable, Hashable {
    case constant(Bool)
    case atom(Int)
    case not(ConditionFormula)
    case and([ConditionFormula])
    case or([ConditionFormula])

    public static func negation(_ formula: ConditionFormula) -> ConditionFormula {
        switch formula {
        case .constant(let value): .constant(!value)
        case .not(let inner): inner
        default: .not(formula)
        }
    }

    public static func conjunction(_ formulas: [ConditionFormula]) -> ConditionFormula {
        var parts: [ConditionFormula] = []
        for formula in formulas {
            switch formula {
            case .constant(false): return .constant(false)
            case .constant(true): continue
            case .and(let inner): parts += inner
            default: parts.append(formula)
            }
        }
        return parts.isEmpty ? .constant(true) : parts.count == 1 ? parts[0] : .and(parts)
    }

    public static func disjunction(_ formulas: [ConditionFormula]) -> ConditionFormula {
        var parts: [ConditionFormula] = []
        for formula in formulas {
            switch formula {
            case .constant(true): return .constant(true)
            case .constant(false): continue
            case .or(let inner): parts += inner
            default: parts.append(formula)
            }
        }
        return parts.isEmpty ? .constant(false) : parts.count == 1 ? parts[0] : .or(parts)
    }

    /// The formula with some atoms fixed, simplified.
    func assigning(_ assignment: [Int: Bool]) -> ConditionFormula {
        switch self {
        case .constant: self
        case .atom(let index): assignment[index].map { .constant($0) } ?? self
        case .not(let inner): .negation(inner.assigning(assignment))
        case .and(let parts): .conjunction(parts.map { $0.assigning(assignment) })
        case .or(let parts): .disjunction(parts.map { $0.assigning(assignment) })
        }
    }

    /// Some atom the formula still depends on.
    var firstAtom: Int? {
        switch self {
        case .constant: nil
        case .atom(let index): index
        case .not(let inner): inner.firstAtom
        case .and(let parts), .or(let parts): parts.lazy.compactMap(\.firstAtom).first
        }
    }

    func collectAtoms(into atoms: inout Set<Int>) {
        switch self {
        case .constant: break
        case .atom(let index): atoms.insert(index)
        case .not(let inner): inner.collectAtoms(into: &atoms)
        case .and(let parts), .or(let parts): for part in parts { part.collectAtoms(into: &atoms) }
        }
    }
}

/// A comparison whose outcome is not known.
public enum ConditionAtom: Sendable, Hashable {
    /// `Fn::Equals [!Ref Parameter, value]` for a parameter without a value.
    case parameterEquals(parameter: String, value: String)
    /// Any other comparison of values not known, keyed by what it compares.
    case opaque(String)
}
