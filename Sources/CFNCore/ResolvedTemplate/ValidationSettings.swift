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
