import CFNSchemas
import Foundation

/// The SAM translator's own data, shipped in `schemas/sam/` (see its README for the source and
/// licence), compiled into the binary: the policy templates and the AWS managed policy name → ARN map.
struct SAMData: Sendable {
    struct PolicyTemplate: Sendable {
        let parameters: [String]
        let definition: JSONValue
    }

    let policyTemplates: [String: PolicyTemplate]
    /// Managed policy ARNs by name, per partition (`aws`, `aws-cn`, `aws-us-gov`).
    let managedPolicies: [String: [String: String]]
    /// `Permissions` (source type → destination type → profile) and `CfnResourceProperties`.
    let connectorProfiles: JSONValue

    static let shipped = SAMData(policyTemplates: PackedJSON(SchemaFiles.samPolicyTemplates).value,
                                 managedPolicies: PackedJSON(SchemaFiles.samManagedPolicies).value,
                                 connectorProfiles: PackedJSON(SchemaFiles.samConnectorProfiles).value)

    init(policyTemplates: JSONValue?, managedPolicies: JSONValue?, connectorProfiles: JSONValue? = nil) {
        var templates: [String: PolicyTemplate] = [:]
        if let document = policyTemplates {
            for (name, template) in document["Templates"]?.object ?? [:] {
                templates[name] = PolicyTemplate(parameters: (template["Parameters"]?.object ?? [:]).keys.sorted(),
                                                 definition: template["Definition"] ?? .object([:]))
            }
        }
        self.policyTemplates = templates
        var policies: [String: [String: String]] = [:]
        if let document = managedPolicies {
            for (partition, map) in document.object ?? [:] {
                policies[partition] = (map.object ?? [:]).compactMapValues(\.string)
            }
        }
        self.managedPolicies = policies
        self.connectorProfiles = connectorProfiles ?? .object([:])
    }

    /// Whether the files were found: without them policy templates and managed policy names are not expanded.
    var isAvailable: Bool { !policyTemplates.isEmpty && !managedPolicies.isEmpty }
}
