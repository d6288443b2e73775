import CFNLoader

/// Settings that change what a template means: parameter values, pseudo parameters and "today".
public struct ValidationSettings: Sendable, Hashable {
    /// Parameter values given by the user, by parameter name.
    public var parameters: [String: String]
    public var region: String?
    public var accountId: String?
    public var stackName: String?
    /// The date runtime lifecycle rules judge against, as `YYYY-MM-DD`. The CLI fills it with today
    /// unless `--today` is given; the library never reads the clock.
    public var today: String?

    public init(parameters: [String: String] = [:], region: String? = nil, accountId: String? = nil,
                stackName: String? = nil, today: String? = nil) {
        self.parameters = parameters
        self.region = region
        self.accountId = accountId
        self.stackName = stackName
        self.today = today
    }
}

/// What a rule sees: the template, the settings, and an oracle for the template's conditions.
public struct RuleContext: Sendable {
    public let template: Template
    public let settings: ValidationSettings
    public let conditions: any ConditionOracle

    public init(template: Template, settings: ValidationSettings, conditions: any ConditionOracle) {
        self.template = template
        self.settings = settings
        self.conditions = conditions
    }

    public var tree: NodeTree { template.tree }

    /// Resources of one type, in source order.
    public func resources(ofType type: String) -> [Resource] {
        template.resources.filter { $0.type == type }
    }

    /// The range to report a finding about a value at: its node, else the resource's logical ID.
    public func range(of node: NodeID?, in resource: Resource) -> SourceRange {
        node.map { tree.range($0) } ?? resource.idRange
    }
}
