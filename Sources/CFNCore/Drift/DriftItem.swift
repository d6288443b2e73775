/// One difference between the template and the deployed stack, explained: a finding located at
/// the template's property (its rule, severity and one-line message), with what the template
/// expects, what Lambda has, why, and what to do.
public struct DriftItem: Sendable, Hashable {
    public var finding: Finding
    /// The resource's physical ID in the stack.
    public var physicalId: String?
    /// The property path, `/`-separated (`MemorySize`, `VpcConfig/SubnetIds`, `Code/S3ObjectStorageMode`).
    public var property: String?
    /// As the template says (resolved with the stack's parameters); nil when absent or not applicable.
    public var expected: String?
    /// As Lambda has it; nil when absent or not applicable.
    public var actual: String?
    /// Why it differs and what it costs, for this resource.
    public var explanation: String
    /// What to do about it.
    public var remedy: String

    public init(finding: Finding, physicalId: String?, property: String?, expected: String?, actual: String?,
                explanation: String, remedy: String) {
        self.finding = finding
        self.physicalId = physicalId
        self.property = property
        self.expected = expected
        self.actual = actual
        self.explanation = explanation
        self.remedy = remedy
    }
}

/// What `cfn-lambda drift` found for one stack.
public struct DriftReport: Sendable {
    public var stack: String
    /// In source order of the template, then by rule and property.
    public var items: [DriftItem]
    /// The Lambda resources of the template that the stack has and that were compared, sorted.
    public var checked: [String]
    /// Lambda resources of the template the stack does not have (not deployed yet, or under a
    /// condition that does not hold), sorted.
    public var notDeployed: [String]

    public init(stack: String, items: [DriftItem], checked: [String], notDeployed: [String]) {
        self.stack = stack
        self.items = items
        self.checked = checked
        self.notDeployed = notDeployed
    }

    /// The resources with at least one difference, sorted.
    public var drifted: [String] { Set(items.compactMap(\.finding.resource)).sorted() }

    public func count(_ severity: Severity) -> Int { items.count { $0.finding.severity == severity } }
}
