import CFNLoader

/// What the SAM transform made of a template: the processed template (what CloudFormation gets
/// after `AWS::Serverless-2016-10-31`, whose `sources` say where each generated resource came
/// from), and the findings of the transform itself. Every node of the processed tree carries a
/// range of the source file.
public struct SAMExpansion: Sendable {
    /// The processed template; nil when the transform's errors leave nothing to process.
    public let template: Template?
    /// The transform's errors (in the translator's words) and what it leaves unexpanded.
    public let findings: [Finding]
    /// The processed template's own structure findings (`TemplateParser`'s).
    let structureFindings: [Finding]

    /// The SAM resource a (generated) logical ID comes from, or the ID itself.
    public func source(of logicalId: String) -> String { template?.sources[logicalId]?.resource ?? logicalId }
}

/// The SAM transform (`AWS::Serverless-2016-10-31`) for the resources that become Lambda
/// resources, written after `samtranslator` 1.110 (read, not ported): functions with their role,
/// versions, alias, URL and event sources, and layer versions. Pure: template in, template out.
public enum SAMTransform {
    public static let name = "AWS::Serverless-2016-10-31"

    /// The SAM resource types expanded here; others are kept as written and reported as unchecked.
    public static let coveredTypes: Set<String> = [
        "AWS::Serverless::Function", "AWS::Serverless::LayerVersion", SAMWebSocketApi.type, "AWS::Serverless::HttpApi", "AWS::Serverless::Api",
        SAMSimpleTable.type, SAMApplication.type, SAMConnector.type, SAMStateMachine.type, SAMCapacityProvider.type,
    ]

    /// Whether the template declares the SAM transform.
    public static func isDeclared(in template: Template) -> Bool {
        guard let node = template.section(.transform) else { return false }
        let tree = template.tree
        let names = tree.kind(node) == .sequence ? Array(tree.elements(node)) : [node]
        return names.contains { tree.scalar($0, equals: name) }
    }

    /// The processed template. `parameters` are values for the template's parameters (defaults
    /// fill the rest); `region` sets `AWS::Region` and the partition of managed policy ARNs.
    public static func expand(_ template: Template, parameters: [String: String] = [:], region: String? = nil) -> SAMExpansion {
        SAMExpander(template: template, given: parameters, region: region, data: .shipped).run()
    }

    static func expand(_ template: Template, parameters: [String: String], region: String?, data: SAMData) -> SAMExpansion {
        SAMExpander(template: template, given: parameters, region: region, data: data).run()
    }
}
