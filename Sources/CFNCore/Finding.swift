import CFNLoader

/// One problem found in a template: a plain value with a stable rule id, never thrown.
///
/// Locations stay byte ranges; reporters turn them into lines and columns with the file's `SourceText`.
public struct Finding: Hashable, Sendable {
    /// A stable identifier such as `yaml.duplicate-key`. Released ids never change.
    public var rule: String
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// The logical ID of the resource the finding is about, if any.
    public var resource: String?
    public var resourceType: String?
    /// Where in the template, as keys and indexes: `["Resources", "Fn", "Properties", "Handler"]`.
    public var path: [String]

    public init(rule: String, severity: Severity, message: String, range: SourceRange,
                resource: String? = nil, resourceType: String? = nil, path: [String] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.range = range
        self.resource = resource
        self.resourceType = resourceType
        self.path = path
    }

    /// `Resources/Fn/Properties/Handler`, or nil when the finding has no path.
    public var pathString: String? { path.isEmpty ? nil : path.joined(separator: "/") }

    public init(_ descriptor: RuleDescriptor, _ message: String, at range: SourceRange,
                resource: String? = nil, resourceType: String? = nil, path: [String] = []) {
        self.init(rule: descriptor.id, severity: descriptor.severity, message: message, range: range,
                  resource: resource, resourceType: resourceType, path: path)
    }
}

extension Finding {
    /// Order within one file: by position, then rule id, then message; findings that agree on all
    /// of these (one node reported for two resources that share it through an alias) by resource,
    /// path, resource type and severity. A total order: the report does not depend on which check
    /// job, or which thread, found what first.
    public static func sourceOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.range.end != rhs.range.end { return lhs.range.end < rhs.range.end }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        if lhs.resource != rhs.resource { return precedes(lhs.resource, rhs.resource) }
        if lhs.path != rhs.path { return lhs.path.lexicographicallyPrecedes(rhs.path) }
        if lhs.resourceType != rhs.resourceType { return precedes(lhs.resourceType, rhs.resourceType) }
        return lhs.severity < rhs.severity
    }

    /// Absent first, then by text.
    private static func precedes(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let rhs else { return false }
        guard let lhs else { return true }
        return lhs < rhs
    }
}
