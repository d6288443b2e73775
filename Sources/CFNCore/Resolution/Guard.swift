/// A named condition, asserted to hold or not to hold.
public struct ConditionLiteral: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var condition: String
    public var holds: Bool

    public init(_ condition: String, holds: Bool) {
        self.condition = condition
        self.holds = holds
    }

    public static func < (lhs: ConditionLiteral, rhs: ConditionLiteral) -> Bool {
        lhs.condition != rhs.condition ? lhs.condition < rhs.condition : (!lhs.holds && rhs.holds)
    }

    public var description: String { holds ? condition : "not \(condition)" }
}

/// The conditions under which a value is reached: a conjunction of condition literals, from the
/// resource's `Condition` and the `Fn::If` branches on the way to the value.
public struct Guard: Sendable, Hashable, CustomStringConvertible {
    public private(set) var literals: [ConditionLiteral]

    public init(_ literals: [ConditionLiteral] = []) {
        self.literals = Array(Set(literals)).sorted()
    }

    public static let always = Guard()

    public var isAlways: Bool { literals.isEmpty }

    public func and(_ literal: ConditionLiteral) -> Guard {
        // The literals stay sorted and unique: insert in place, as `Guard(literals + [literal])` would.
        var result = self
        if let position = literals.firstIndex(where: { !($0 < literal) }) {
            if literals[position] != literal { result.literals.insert(literal, at: position) }
        } else {
            result.literals.append(literal)
        }
        return result
    }

    public func and(_ other: Guard) -> Guard {
        other.literals.reduce(self) { $0.and($1) }
    }

    /// Contains both `C` and `not C`. Sorted, the two are neighbours.
    public var isContradictory: Bool {
        zip(literals, literals.dropFirst()).contains { $0.condition == $1.condition }
    }

    /// "when IsProd and not HasVpc", or "" when unconditional. "not Stage=dev" is left out when
    /// "Stage=prod" is there: a parameter has one value.
    public var description: String {
        let valued = Set(literals.filter(\.holds).compactMap { literal -> String? in
            guard let equals = literal.condition.firstIndex(of: "=") else { return nil }
            return String(literal.condition[..<equals])
        })
        let shown = literals.filter { literal in
            guard !literal.holds, let equals = literal.condition.firstIndex(of: "=") else { return true }
            return !valued.contains(String(literal.condition[..<equals]))
        }
        return shown.isEmpty ? "" : "when " + shown.map { $0.description }.joined(separator: " and ")
    }
}

/// Answers whether a set of condition literals can hold together for some parameter values.
public protocol ConditionOracle: Sendable {
    func isSatisfiable(_ conditions: Guard) -> Bool
}

/// An oracle that knows nothing about the conditions' definitions: only `C and not C` is impossible.
public struct UnconstrainedConditions: ConditionOracle {
    public init() {}
    public func isSatisfiable(_ conditions: Guard) -> Bool { !conditions.isContradictory }
}
