/// A property value in the plan: JSON where it is known when planning, and, in place of the parts
/// that are not, a value known only after the deployment or a choice under a condition not known.
///
/// The plan holds values and renderers format them: the text reporters show
/// `(known after deploy: Layer)`, the JSON reporter writes `{"unknown": "after deploy", …}`.
/// Absent (a property not set, `AWS::NoValue`) is nil wherever a value may be.
public indirect enum PlanValue: Sendable, Hashable {
    case string(String)
    /// A plain scalar that reads as a number, as the template writes it (`512`, `1.5e3`).
    case number(String)
    case bool(Bool)
    /// Elements in order; sorted where AWS treats the list as a set (subnets, security groups).
    case list([PlanValue?])
    /// Members sorted by key.
    case map([Member])
    case unknown(Unknown)
    /// `Fn::If` on a condition that is not known: `then` where it holds, `else` where it does not.
    case choice(condition: String, then: PlanValue?, else: PlanValue?)

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: PlanValue?

        public init(key: String, value: PlanValue?) {
            self.key = key
            self.value = value
        }
    }

    /// A value CloudFormation knows only when it deploys: a resource's physical ID or attribute, a
    /// parameter without a value, an import.
    public struct Unknown: Sendable, Hashable {
        /// The resources, parameters and pseudo parameters it depends on, sorted.
        public var dependsOn: [String]
        /// It is the new physical ID or ARN of the resources in `dependsOn`, which the plan replaces.
        public var afterReplacement: Bool
        /// Why, in words, when it depends on nothing the template names (an import, say); nil otherwise.
        public var reason: String?

        public init(dependsOn: [String], afterReplacement: Bool = false, reason: String? = nil) {
            self.dependsOn = dependsOn.sorted()
            self.afterReplacement = afterReplacement
            self.reason = dependsOn.isEmpty ? reason : nil
        }
    }

    /// A value known after the deployment, depending on `dependsOn`.
    public static func unknown(dependsOn: [String], reason: String? = nil) -> PlanValue {
        .unknown(Unknown(dependsOn: dependsOn, reason: reason))
    }

    /// The new physical ID or ARN of `logicalId`, which the plan replaces.
    public static func replacement(of logicalId: String) -> PlanValue {
        .unknown(Unknown(dependsOn: [logicalId], afterReplacement: true))
    }
}

extension PlanValue {
    /// The order lists that are sets are sorted in: strings, then choices, unknowns, numbers, lists,
    /// booleans and maps — the order of their text (`"…"`, `(if …`, `(known …`, digits, `[`, `f`/`t`, `{`).
    static func setOrder(_ lhs: PlanValue, _ rhs: PlanValue) -> Bool {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)): return JSONText.quoted(left) < JSONText.quoted(right)
        case (.number(let left), .number(let right)): return left < right
        case (.bool(let left), .bool(let right)): return !left && right
        case (.unknown(let left), .unknown(let right)): return left.sortText < right.sortText
        case (.choice(let leftCondition, let leftThen, let leftElse), .choice(let rightCondition, let rightThen, let rightElse)):
            if leftCondition != rightCondition { return leftCondition < rightCondition }
            if leftThen != rightThen { return precedes(leftThen, rightThen) }
            return precedes(leftElse, rightElse)
        case (.list(let left), .list(let right)):
            return left.lexicographicallyPrecedes(right, by: precedes)
        case (.map(let left), .map(let right)):
            return left.lexicographicallyPrecedes(right) { $0.key != $1.key ? $0.key < $1.key : precedes($0.value, $1.value) }
        default: return false
        }
    }

    /// Absent sorts last.
    static func precedes(_ left: PlanValue?, _ right: PlanValue?) -> Bool {
        switch (left, right) {
        case (let left?, let right?): setOrder(left, right)
        case (_?, nil): true
        case (nil, _): false
        }
    }

    private var rank: Int {
        switch self {
        case .string: 0
        case .choice: 1
        case .unknown: 2
        case .number: 3
        case .list: 4
        case .bool: 5
        case .map: 6
        }
    }
}

private extension PlanValue.Unknown {
    var sortText: String { dependsOn.isEmpty ? reason ?? "" : dependsOn.joined(separator: ", ") + (afterReplacement ? " is replaced" : "") }
}
