import CFNSchemas

/// The SAM translator's own data, shipped in `schemas/sam/` (see its README for the source and
/// licence), compiled into the binary: the policy templates, the AWS managed policy name → ARN map
/// and the connector profiles.
///
/// Each part is decoded the first time a template needs it (a `static let` is initialized once, on
/// first use): decoding the whole managed policy map (390 KB of JSON) at every SAM template was 40%
/// of the instructions of validating a one-function template, and most templates need one partition.
struct SAMData: Sendable {
    struct PolicyTemplate: Sendable {
        let parameters: [String]
        let definition: JSONValue
    }

    static let shipped = SAMData()

    private static let policyTemplates: [String: PolicyTemplate] = {
        var templates: [String: PolicyTemplate] = [:]
        for (name, template) in PackedJSON(SchemaFiles.samPolicyTemplates)["Templates"]?.members ?? [] where template.isObject {
            templates[name] = PolicyTemplate(parameters: (template["Parameters"]?.members.map(\.name) ?? []).sorted(),
                                             definition: template["Definition"]?.value ?? .object([:]))
        }
        return templates
    }()
    private static let awsPolicies = managedPolicies(in: "aws")
    private static let chinaPolicies = managedPolicies(in: "aws-cn")
    private static let govCloudPolicies = managedPolicies(in: "aws-us-gov")
    private static let sovereignCloudPolicies = managedPolicies(in: "aws-eusc")
    private static let connectorProfileValue = PackedJSON(SchemaFiles.samConnectorProfiles).value

    private static func managedPolicies(in partition: String) -> [String: String] {
        (PackedJSON(SchemaFiles.samManagedPolicies)[partition]?.value.object ?? [:]).compactMapValues(\.string)
    }

    /// The policy template of this name (`DynamoDBCrudPolicy`), with its parameters sorted.
    func policyTemplate(named name: String) -> PolicyTemplate? {
        Self.policyTemplates[name]
    }

    /// The ARN of the AWS managed policy of this name in a partition (`aws`, `aws-cn`, `aws-us-gov`,
    /// `aws-eusc`: the partitions the translator's map has).
    func managedPolicyArn(named name: String, partition: String) -> String? {
        switch partition {
        case "aws": Self.awsPolicies[name]
        case "aws-cn": Self.chinaPolicies[name]
        case "aws-us-gov": Self.govCloudPolicies[name]
        case "aws-eusc": Self.sovereignCloudPolicies[name]
        default: PackedJSON(SchemaFiles.samManagedPolicies)[partition]?[name]?.string
        }
    }

    /// `Permissions` (source type → destination type → profile) and `CfnResourceProperties`.
    var connectorProfiles: JSONValue { Self.connectorProfileValue }

    /// Whether the data is there: without it policy templates and managed policy names are not expanded.
    var isAvailable: Bool {
        !Self.policyTemplates.isEmpty && !Self.awsPolicies.isEmpty
    }
}
