/// A function's published versions and what refers to them, from `list-versions-by-function`,
/// `list-aliases`, `list-provisioned-concurrency-configs` and `list-event-source-mappings`. Each
/// list is nil when the state does not have it (a state file from before these calls, or a call
/// that failed).
public struct DeployedVersions: Sendable, Hashable {
    /// The numbered versions (not `$LATEST`), in the order Lambda listed them.
    public var versions: [DeployedFunctionVersion]?
    public var aliases: [DeployedAlias]?
    /// The qualifiers (a version number or an alias name) that have provisioned concurrency.
    public var provisionedConcurrency: [String]?
    /// The event source mappings of the function, with the qualifier each invokes (nil: `$LATEST`).
    public var eventSourceMappings: [DeployedEventSourceMapping]?

    public init(versions: [DeployedFunctionVersion]? = nil, aliases: [DeployedAlias]? = nil,
                provisionedConcurrency: [String]? = nil, eventSourceMappings: [DeployedEventSourceMapping]? = nil) {
        self.versions = versions
        self.aliases = aliases
        self.provisionedConcurrency = provisionedConcurrency
        self.eventSourceMappings = eventSourceMappings
    }
}

/// One published version of a function: its own copy of the code, counted like `$LATEST`'s.
public struct DeployedFunctionVersion: Sendable, Hashable {
    /// `1`, `2`, …
    public var version: String
    public var arn: String?
    /// `CodeSize`: the deployment package, zipped.
    public var codeSize: Int64?
    public var codeSha256: String?
    public var description: String?
    /// The layer version ARNs the version uses: Lambda keeps each while a version refers to it.
    public var layers: [String]

    public init(version: String, arn: String?, codeSize: Int64?, codeSha256: String?, description: String?, layers: [String] = []) {
        self.version = version
        self.arn = arn
        self.codeSize = codeSize
        self.codeSha256 = codeSha256
        self.description = description
        self.layers = layers
    }
}

/// An alias: a name for one version, and the versions it routes a share of traffic to.
public struct DeployedAlias: Sendable, Hashable {
    public var name: String
    public var arn: String?
    /// The version the alias points at (`$LATEST` or a number).
    public var functionVersion: String
    /// `RoutingConfig.AdditionalVersionWeights`' versions, sorted.
    public var additionalVersions: [String]

    public init(name: String, arn: String?, functionVersion: String, additionalVersions: [String]) {
        self.name = name
        self.arn = arn
        self.functionVersion = functionVersion
        self.additionalVersions = additionalVersions
    }
}

/// An event source mapping of a function: it invokes a qualified ARN when it pins a version or alias.
public struct DeployedEventSourceMapping: Sendable, Hashable {
    public var uuid: String
    /// The version number or alias name of `FunctionArn`; nil for the unqualified function.
    public var qualifier: String?

    public init(uuid: String, qualifier: String?) {
        self.uuid = uuid
        self.qualifier = qualifier
    }

    /// The qualifier of `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME:QUALIFIER`.
    static func qualifier(ofFunctionArn arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 8, parts[5] == "function", !parts[7].isEmpty else { return nil }
        return String(parts[7])
    }
}
