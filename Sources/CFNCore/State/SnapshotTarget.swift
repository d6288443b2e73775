/// The stack a snapshot reads and how the `aws` CLI reaches it.
public struct SnapshotTarget: Hashable, Sendable {
    public var stack: String
    /// `--region`; nil: the CLI's configured region.
    public var region: String?
    /// `--profile`; nil: the CLI's credential chain.
    public var profile: String?
    /// `--endpoint-url`; nil: AWS.
    public var endpointURL: String?

    public init(stack: String, region: String? = nil, profile: String? = nil, endpointURL: String? = nil) {
        self.stack = stack
        self.region = region
        self.profile = profile
        self.endpointURL = endpointURL
    }

    /// The global options of every call: JSON output, and the region, profile and endpoint given.
    public var options: [String] {
        var options = ["--output", "json"]
        if let region { options += ["--region", region] }
        if let profile { options += ["--profile", profile] }
        if let endpointURL { options += ["--endpoint-url", endpointURL] }
        return options
    }
}
