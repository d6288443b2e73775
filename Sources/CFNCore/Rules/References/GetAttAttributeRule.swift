import CFNLoader

/// `Fn::GetAtt` of an attribute the resource type does not have.
///
/// Judged for the Lambda types, whose attributes are known (CloudFormation registry schemas'
/// readOnlyProperties: Function `Arn`, `SnapStartResponse.ApplyOn`, `SnapStartResponse.OptimizationStatus`;
/// LayerVersion `LayerVersionArn`; LayerVersionPermission `Id`), and for the other types whose
/// schema is shipped (their readOnlyProperties). Types without a schema are not judged.
public struct GetAttAttributeRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "reference.attribute", severity: .error, summary: "Fn::GetAtt of an attribute the resource type does not have",
        explanation: "AWS::Lambda::Function has Arn, SnapStartResponse.ApplyOn and SnapStartResponse.OptimizationStatus; AWS::Lambda::LayerVersion has LayerVersionArn; AWS::Lambda::LayerVersionPermission has Id; the IAM and S3 types have the readOnlyProperties of their shipped registry schemas. Other attribute names fail at deploy time. Types without a shipped schema are not judged.")

    public static let attributes: [String: [String]] = [
        "AWS::Lambda::Function": ["Arn", "SnapStartResponse.ApplyOn", "SnapStartResponse.OptimizationStatus"],
        "AWS::Lambda::LayerVersion": ["LayerVersionArn"],
        "AWS::Lambda::LayerVersionPermission": ["Id"],
    ]

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\nOutputs:\n  Name: {Value: !GetAtt Fn.↓FunctionName}\n",
            "Resources:\n  Layer:\n    Type: AWS::Lambda::LayerVersion\nOutputs:\n  Arn: {Value: !GetAtt [Layer, ↓Arn]}\n",
            "Resources:\n  Role:\n    Type: AWS::IAM::Role\nOutputs:\n  Name: {Value: !GetAtt Role.↓RoleName}\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n  Role:\n    Type: AWS::IAM::Role\n  Topic:\n    Type: AWS::SNS::Topic\nOutputs:\n  A: {Value: !GetAtt Fn.Arn}\n  B: {Value: !GetAtt Fn.SnapStartResponse.ApplyOn}\n  C: {Value: !GetAtt Layer.LayerVersionArn}\n  D: {Value: !GetAtt Role.RoleId}\n  E: {Value: !Sub '${Fn.Arn}'}\n  F: {Value: !GetAtt Topic.Whatever}\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        var findings: [Finding] = []
        for (place, sites) in zip(context.evaluatedPlaces, context.sitesOfPlaces) {
            for site in sites {
                if site.function == .getAtt {
                    let arguments = Array(tree.elements(site.argument))
                    guard arguments.count == 2, let name = tree.string(arguments[0]), let attribute = tree.string(arguments[1]) else { continue }
                    if let message = problem(name, attribute, context) {
                        findings.append(context.finding(Self.descriptor, message, at: arguments[1], in: place))
                    }
                } else if let (stringNode, parsed) = site.sub, case .success(let sub) = parsed {
                    for case .variable(let variable, let offset) in sub.parts {
                        guard let dot = variable.firstIndex(ofASCII: ".") else { continue }
                        let name = String(variable[..<dot])
                        let attribute = String(variable[variable.index(after: dot)...])
                        if let message = problem(name, attribute, context) {
                            var finding = context.finding(Self.descriptor, message, at: stringNode, in: place)
                            finding.range = tree.sourceRange(ofText: offset + name.utf8.count + 1, length: attribute.utf8.count, in: stringNode)
                            findings.append(finding)
                        }
                    }
                }
            }
        }
        return findings
    }

    func problem(_ name: String, _ attribute: String, _ context: RuleContext) -> String? {
        guard let type = context.template.resource(named: name)?.type else { return nil }
        guard let known = Self.attributes[type] ?? SchemaLibrary.shared.schema(forType: type)?.attributes, !known.isEmpty,
              !known.contains(attribute) else { return nil }
        return "\(type) has no attribute '\(attribute)'; it has \(known.joined(separator: ", "))"
    }
}
