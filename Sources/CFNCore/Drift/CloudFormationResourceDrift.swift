import CFNLoader

/// One resource of what `aws cloudformation describe-stack-resource-drifts` prints (`--cfn-drift`).
public struct CloudFormationResourceDrift: Sendable, Hashable {
    public struct Difference: Sendable, Hashable {
        /// `/MemorySize`, `/Environment/Variables/TABLE`, `/Layers/0`.
        public var path: String
        public var expected: String?
        public var actual: String?
        /// `ADD`, `REMOVE` or `NOT_EQUAL`.
        public var type: String
    }

    public var logicalId: String
    public var type: String
    /// `IN_SYNC`, `MODIFIED`, `DELETED`, `NOT_CHECKED`.
    public var status: String
    public var differences: [Difference]

    public static let invalid = RuleDescriptor(
        id: "cfn-drift.invalid", severity: .error, summary: "A CloudFormation drift file that cannot be read",
        explanation: "`--cfn-drift FILE` is what `aws cloudformation describe-stack-resource-drifts --stack-name NAME` prints: an object with `StackResourceDrifts`, each with `LogicalResourceId`, `ResourceType`, `StackResourceDriftStatus` and `PropertyDifferences` (`PropertyPath`, `ExpectedValue`, `ActualValue`, `DifferenceType`). An entry without them is left out.")

    /// The drifts, and findings located in the file for what cannot be read.
    public static func parse(_ bytes: [UInt8]) -> (drifts: [CloudFormationResourceDrift], findings: [Finding]) {
        let (loaded, loaderFindings) = StorageInputFile.load(bytes, invalid: invalid)
        var findings = loaderFindings
        guard let file = loaded else { return ([], findings) }
        let tree = file.tree, rootNode = file.root
        let root = StateValue(tree: tree, node: rootNode)
        let list = root["StackResourceDrifts"]
        guard list.isSequence else {
            findings.append(Finding(invalid, "expected what `aws cloudformation describe-stack-resource-drifts` prints: an object with StackResourceDrifts",
                                    at: tree.range(rootNode)))
            return ([], findings)
        }
        var drifts: [CloudFormationResourceDrift] = []
        for entry in list.elements {
            guard let logicalId = entry["LogicalResourceId"].string, let type = entry["ResourceType"].string,
                  let status = entry["StackResourceDriftStatus"].string else {
                findings.append(Finding(invalid, "a drift without LogicalResourceId, ResourceType or StackResourceDriftStatus",
                                        at: entry.range ?? tree.range(rootNode)))
                continue
            }
            let differences = entry["PropertyDifferences"].elements.compactMap { item -> Difference? in
                guard let path = item["PropertyPath"].string else { return nil }
                return Difference(path: path, expected: item["ExpectedValue"].string, actual: item["ActualValue"].string,
                                  type: item["DifferenceType"].string ?? "NOT_EQUAL")
            }
            drifts.append(CloudFormationResourceDrift(logicalId: logicalId, type: type, status: status, differences: differences))
        }
        return (drifts, findings)
    }
}
