import CFNLoader

/// What AWS says about a deployed stack and its Lambda resources, read from a state file written by
/// `cfn-lambda snapshot` (docs/state-file.md).
public struct DeployedState: Sendable {
    public static let formatVersion = 1

    public var stackName: String
    public var stackId: String?
    public var stackStatus: String?
    public var region: String?
    /// From the stack ID's ARN.
    public var accountId: String?
    /// The stack's parameter values (`ResolvedValue` for SSM parameters). A `NoEcho` parameter,
    /// which the API shows as `****`, has no value here.
    public var parameters: [String: String]
    /// The template the stack was deployed from (`get-template`, stage Original), as bytes; nil when
    /// the snapshot could not read it.
    public var template: [UInt8]?
    /// By logical ID.
    public var resources: [String: StackResourceRecord]
    /// By logical ID.
    public var functions: [String: DeployedFunction]
    /// By layer version ARN: the stack's layer versions and the ones its functions use.
    public var layerVersions: [String: DeployedLayerVersion]
    /// Layer version ARNs Lambda says do not exist (deleted, or never published).
    public var missingLayerVersions: Set<String>
    /// Each function's published versions, aliases and what pins a version, by logical ID.
    public var versions: [String: DeployedVersions] = [:]
    /// The version ARNs `list-layer-versions` gave for each of the stack's layers, by layer ARN.
    public var layerVersionLists: [String: [String]] = [:]
    /// Whether the snapshot read versions at all: false for a state file from before it did.
    public var recordsVersions = false
    /// The account's code storage quota and usage, when the snapshot read them.
    public var accountSettings: AccountSettings?
    /// The calls that failed.
    public var errors: [StateCallError]

    /// The physical ID of a resource of the stack.
    public func physicalId(of logicalId: String) -> String? { resources[logicalId]?.physicalId }

    /// The stack's layer version of a logical ID.
    public func layerVersion(logicalId: String) -> DeployedLayerVersion? {
        physicalId(of: logicalId).flatMap { layerVersions[$0] }
    }

    /// The state, or nil with the findings (located in the file) that say why it cannot be read;
    /// parts that do not have the documented shape are left out, each with a finding.
    public static func parse(_ bytes: [UInt8]) -> (state: DeployedState?, findings: [Finding]) {
        let invalid = StateRules.invalid
        let (loaded, loaderFindings) = StorageInputFile.load(bytes, invalid: invalid)
        var findings = loaderFindings
        guard let file = loaded else { return (nil, findings) }
        let tree = file.tree, rootNode = file.root
        let root = StateValue(tree: tree, node: rootNode)
        let whole = tree.range(rootNode)
        guard root.isMapping, root["kind"].string == "cfn-lambda-state" else {
            findings.append(Finding(invalid, "not a state file: write one with `cfn-lambda snapshot --stack NAME -o FILE` (its kind is cfn-lambda-state)",
                                    at: root["kind"].range ?? whole))
            return (nil, findings)
        }
        guard let version = root["formatVersion"].integer, version >= 1 else {
            findings.append(Finding(invalid, "the state file has no formatVersion", at: root["formatVersion"].range ?? whole))
            return (nil, findings)
        }
        guard version <= formatVersion else {
            findings.append(Finding(invalid, "the state file has formatVersion \(version); this cfn-lambda reads \(formatVersion): upgrade cfn-lambda",
                                    at: root["formatVersion"].range ?? whole))
            return (nil, findings)
        }
        var reader = StateFileReader(bytes: bytes, root: root)
        let state = reader.read()
        // The reader walks dictionaries: sorted, its findings come out the same on every run.
        return (state, (findings + reader.findings).sorted(by: Finding.sourceOrder))
    }
}
