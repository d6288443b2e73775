import CFNLoader

/// The template's `Conditions`, each as a formula over comparisons of parameters, and a
/// satisfiability check for combinations of them.
///
/// No scenario is enumerated: a question such as "can `IsProd and not HasVpc` hold?" is answered by
/// a small DPLL search over the atoms of just those conditions, with each parameter's atoms kept
/// mutually exclusive and bounded by its `AllowedValues`. Cost depends on the conditions asked
/// about, not on how many the template has.
///
/// A class, though immutable: it is passed as `any ConditionOracle` and copied into every resolver
/// and context, and a reference fits where several fields would be boxed and retained.
public final class ConditionSet: Sendable, ConditionOracle {
    public let formulas: [String: ConditionFormula]
    public let atoms: [ConditionAtom]
    /// Allowed values of the parameters that appear in atoms.
    public let domains: [String: Set<String>]
    /// Conditions that refer to themselves through `Condition`, in the order found.
    public let cycles: [String]
    /// Answers already given: rules ask about the same few guards many times.
    private let answers = SatisfiabilityCache()

    public init(template: Template, resolver: Resolver) {
        var builder = ConditionBuilder(template: template, resolver: resolver)
        for entry in template.entries(of: .conditions) ?? .empty {
            if let name = template.tree.string(entry.key) { _ = builder.formula(named: name) }
        }
        formulas = builder.formulas
        atoms = builder.atoms
        // Every bounded parameter's domain, for the synthetic value conditions too.
        var domains = builder.domains
        for declaration in resolver.parameters.ordered {
            let hasValue = resolver.parameters.values[declaration.name] != nil && !resolver.parameters.rejected.contains(declaration.name)
            if let domain = declaration.domain, !hasValue {
                domains[declaration.name] = domain
            }
        }
        self.domains = domains
        cycles = builder.cycles
    }

    /// True or false when the condition's value is known (all it compares is known), else nil.
    public func value(of condition: String) -> Bool? {
        if case .constant(let value)? = formulas[condition] { return value }
        return nil
    }

    /// The formula of an inline condition function (`Fn::Equals`, `Fn::And`, ...) outside the
    /// Conditions section, when it needs no atom beyond constants; nil otherwise.
    func formula(ofInline node: NodeID, resolver: Resolver) -> ConditionFormula? {
        var builder = ConditionBuilder(template: resolver.template, resolver: resolver)
        builder.formulas = formulas
        let formula = builder.formula(of: node)
        if case .constant = formula { return formula }
        return nil
    }

    /// The name of the synthetic condition "parameter P has value V", which the resolver uses to
    /// branch on the keys of an `Fn::FindInMap` whose key is a parameter (or pseudo parameter)
    /// without a value. It cannot clash with a declared condition: those are alphanumeric.
    public static func valueCondition(parameter: String, value: String) -> String {
        "\(parameter)=\(value)"
    }

    /// Whether the literals can hold together for some values of the parameters.
    public func isSatisfiable(_ conditions: Guard) -> Bool {
        // No literal: the empty conjunction, true for any parameter values.
        if conditions.isAlways { return true }
        if conditions.isContradictory { return false }
        if let known = answers.answer(for: conditions) { return known }
        let answer = solve(conditions)
        answers.record(answer, for: conditions)
        return answer
    }

    private func solve(_ conditions: Guard) -> Bool {
        var parts: [ConditionFormula] = []
        var atoms = self.atoms
        for literal in conditions.literals {
            let formula: ConditionFormula
            if let declared = formulas[literal.condition] {
                formula = declared
            } else if let equals = literal.condition.firstIndex(ofASCII: "=") {
                let atom = ConditionAtom.parameterEquals(parameter: String(literal.condition[..<equals]),
                                                         value: String(literal.condition[literal.condition.index(after: equals)...]))
                if let index = atoms.firstIndex(of: atom) {
                    formula = .atom(index)
                } else {
                    atoms.append(atom)
                    formula = .atom(atoms.count - 1)
                }
            } else {
                // An undefined condition is reported elsewhere; here it may be anything.
                continue
            }
            parts.append(literal.holds ? formula : .negation(formula))
        }
        var assignment: [Int: Bool] = [:]
        return search(.conjunction(parts), atoms, &assignment)
    }

    /// DPLL: fix one atom at a time, simplify, backtrack; reject assignments the parameters'
    /// domains make impossible.
    private func search(_ formula: ConditionFormula, _ atoms: [ConditionAtom], _ assignment: inout [Int: Bool]) -> Bool {
        switch formula {
        case .constant(false): return false
        case .constant(true): return domainsAllow(assignment, atoms, complete: true)
        default: break
        }
        guard let atom = formula.firstAtom else { return false }
        for value in [true, false] {
            assignment[atom] = value
            if domainsAllow(assignment, atoms, complete: false), search(formula.assigning([atom: value]), atoms, &assignment) {
                return true
            }
            assignment[atom] = nil
        }
        return false
    }

    /// A parameter equals one value at most; and when its `AllowedValues` are all compared and all
    /// found false, it would have no value at all.
    private func domainsAllow(_ assignment: [Int: Bool], _ atoms: [ConditionAtom], complete: Bool) -> Bool {
        var trueValue: [String: String] = [:]
        var falseValues: [String: Set<String>] = [:]
        for (atom, value) in assignment {
            guard case .parameterEquals(let parameter, let compared) = atoms[atom] else { continue }
            if value {
                if let other = trueValue[parameter], other != compared { return false }
                trueValue[parameter] = compared
            } else {
                falseValues[parameter, default: []].insert(compared)
            }
        }
        for (parameter, excluded) in falseValues {
            if let value = trueValue[parameter], excluded.contains(value) { return false }
            if complete, trueValue[parameter] == nil, let domain = domains[parameter], domain.isSubset(of: excluded) {
                return false
            }
        }
        return true
    }
}

/// Builds condition formulas: resolves what `Fn::Equals` compares and names the atoms.
struct ConditionBuilder {
    let template: Template
    let resolver: Resolver
    var formulas: [String: ConditionFormula] = [:]
    var atoms: [ConditionAtom] = []
    var atomIndex: [ConditionAtom: Int] = [:]
    var domains: [String: Set<String>] = [:]
    var cycles: [String] = []
    var visiting: Set<String> = []

    init(template: Template, resolver: Resolver) {
        self.template = template
        self.resolver = resolver
    }

    var tree: NodeTree { template.tree }

    mutating func formula(named name: String) -> ConditionFormula? {
        if let known = formulas[name] { return known }
        guard let conditions = template.section(.conditions), let node = tree.value(forKey: name, in: conditions) else {
            return nil
        }
        if visiting.contains(name) {
            if !cycles.contains(name) { cycles.append(name) }
            return atom(.opaque("cycle:\(name)"))
        }
        visiting.insert(name)
        let formula = formula(of: node)
        visiting.remove(name)
        formulas[name] = formula
        return formula
    }

    mutating func formula(of node: NodeID) -> ConditionFormula {
        guard let (function, argument) = tree.intrinsic(node) else {
            return atom(.opaque("node:\(node.rawValue)"))
        }
        let arguments = tree.kind(argument) == .sequence ? Array(tree.elements(argument)) : []
        switch function {
        case .equals where arguments.count == 2:
            return equals(resolver.resolve(arguments[0]), resolver.resolve(arguments[1]))
        case .and where !arguments.isEmpty:
            return .conjunction(arguments.map { formula(of: $0) })
        case .or where !arguments.isEmpty:
            return .disjunction(arguments.map { formula(of: $0) })
        case .not where arguments.count == 1:
            return .negation(formula(of: arguments[0]))
        case .condition:
            guard let name = tree.string(argument), let formula = formula(named: name) else {
                return atom(.opaque("undefined:\(tree.string(argument) ?? "?")"))
            }
            return formula
        default:
            return atom(.opaque("node:\(node.rawValue)"))
        }
    }

    mutating func equals(_ left: Resolved, _ right: Resolved) -> ConditionFormula {
        if let a = Self.comparable(left), let b = Self.comparable(right) { return .constant(a == b) }
        if let (parameter, value) = parameterComparison(left, right) ?? parameterComparison(right, left) {
            if let domain = resolver.parameters.declarations[parameter]?.domain {
                guard domain.contains(value) else { return .constant(false) }
                domains[parameter] = domain
            }
            return atom(.parameterEquals(parameter: parameter, value: value))
        }
        let key = [Self.describe(left), Self.describe(right)].sorted().joined(separator: " == ")
        return atom(.opaque(key))
    }

    func parameterComparison(_ unknown: Resolved, _ known: Resolved) -> (String, String)? {
        guard case .unknown(let why) = unknown.kind, case .parameter(let name)? = why.origin, let value = known.text else {
            return nil
        }
        return (name, value)
    }

    mutating func atom(_ atom: ConditionAtom) -> ConditionFormula {
        if let index = atomIndex[atom] { return .atom(index) }
        atoms.append(atom)
        atomIndex[atom] = atoms.count - 1
        return .atom(atoms.count - 1)
    }

    /// Text to compare when fully known: a scalar's text, or a list's texts joined.
    static func comparable(_ value: Resolved) -> String? {
        switch value.kind {
        case .scalar(let text, _): return text
        case .list(let elements):
            var texts: [String] = []
            for element in elements {
                guard let text = element.text else { return nil }
                texts.append(text)
            }
            return "[" + texts.joined(separator: ",") + "]"
        default: return nil
        }
    }

    static func describe(_ value: Resolved) -> String {
        if let text = comparable(value) { return "'\(text)'" }
        if case .unknown(let why) = value.kind { return "(\(why.dependsOn.joined(separator: ",")): \(why.reason))" }
        return "\(value.kind)"
    }
}
