import CFNLoader

/// A template value after intrinsic functions were evaluated as far as the inputs allow.
///
/// Nothing is guessed: what cannot be known is `.unknown` with its reason and what it depends on.
/// An `Fn::If` whose condition is not known keeps both branches as a `.choice`, so rules can see
/// every reachable value together with the conditions under which it is reached.
public struct Resolved: Sendable, Hashable {
    // Only the large and the recursive cases are boxed: a scalar, list or map value is stored inline.
    public enum Kind: Sendable, Hashable {
        /// Text. `isString` is true when it is certainly a string (quoted, `!!str`, or made by
        /// `Fn::Sub`/`Fn::Join`); a plain scalar such as `128` or `true` may also be a number or boolean.
        case scalar(String, isString: Bool)
        case list([Resolved])
        case map([ResolvedEntry])
        indirect case unknown(Unknown)
        /// `Ref: AWS::NoValue`: the property is removed.
        case noValue
        /// `Fn::If` on a condition whose value is not known: `then` where it holds, `else` where not.
        indirect case choice(condition: String, then: Resolved, else: Resolved)
    }

    public var kind: Kind
    /// Where the value is written in the template (a literal, or the intrinsic that produced it).
    public var node: NodeID?

    public init(_ kind: Kind, node: NodeID?) {
        self.kind = kind
        self.node = node
    }

    public static func string(_ text: String, node: NodeID? = nil) -> Resolved {
        Resolved(.scalar(text, isString: true), node: node)
    }

    public static func unknown(_ reason: String, dependsOn: [String] = [], node: NodeID? = nil) -> Resolved {
        Resolved(.unknown(Unknown(reason: reason, dependsOn: dependsOn)), node: node)
    }

    /// The text of a known scalar.
    public var text: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    public var isUnknown: Bool {
        if case .unknown = kind { return true }
        return false
    }

    /// The entries of a known map.
    public var entries: [ResolvedEntry]? {
        if case .map(let entries) = kind { return entries }
        return nil
    }

    /// The elements of a known list.
    public var elements: [Resolved]? {
        if case .list(let elements) = kind { return elements }
        return nil
    }

    /// The value of a key in a known map (nil when absent or removed with `AWS::NoValue`).
    public subscript(key: String) -> Resolved? {
        // Found in place: copying out the entries, or the entry, costs more than the search.
        guard case .map(let entries) = kind, let index = entries.index(ofKey: key) else { return nil }
        if case .noValue = entries[index].value.kind { return nil }
        return entries[index].value
    }
}

public struct ResolvedEntry: Sendable, Hashable {
    public var key: String
    public var keyNode: NodeID?
    public var value: Resolved

    public init(key: String, keyNode: NodeID?, value: Resolved) {
        self.key = key
        self.keyNode = keyNode
        self.value = value
    }
}

/// Why a value is not known, and which parameters, resources or imports it depends on.
public struct Unknown: Sendable, Hashable {
    /// Where an unknown value comes from, when it is a single reference (rules judge by it, e.g. a
    /// `Role` that must be the `Arn` of an `AWS::IAM::Role`).
    public enum Origin: Sendable, Hashable {
        /// `Ref` to a resource: its physical ID (or, for some types, its ARN).
        case resource(String)
        /// `Fn::GetAtt` of a resource's attribute.
        case attribute(resource: String, attribute: String)
        /// A parameter without a value.
        case parameter(String)
        /// A pseudo parameter without a value (`AWS::Region` without `--region`).
        case pseudo(String)
        /// `Fn::ImportValue`, `Fn::GetAZs` and other values only known at deploy time.
        case deployTime(String)
    }

    public var reason: String
    public var dependsOn: [String]
    public var origin: Origin?

    public init(reason: String, dependsOn: [String] = [], origin: Origin? = nil) {
        self.reason = reason
        self.dependsOn = dependsOn
        self.origin = origin
    }
}
