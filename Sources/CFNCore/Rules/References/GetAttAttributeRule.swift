import CFNLoader

/// `Fn::GetAtt` of an attribute the resource type does not have.
///
/// Judged for the Lambda types, whose attributes are known (CloudFormation registry schemas'
/// readOnlyProperties: Function `Arn`, `SnapStartResponse.ApplyOn`, `SnapStartResponse.OptimizationStatus`;
/// LayerVersion `LayerVersionArn`; LayerVersionPermission `Id`), and for the other types whose
/// schema is shipped (their readOnlyProperties). Types without a schema are not judged.
public struct GetAttAttributeRule: TemplateRule {
    public static let schedule = RuleSchedule.readsIntrinsicSites

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
        var known = KnownAttributes()
        for (place, sites) in zip(context.evaluatedPlaces, context.sitesOfPlaces) {
            for site in sites {
                if site.function == .getAtt {
                    var arguments = tree.elements(site.argument).makeIterator()
                    guard let name = site.name, arguments.next() != nil, let second = arguments.next(), arguments.next() == nil,
                          let attribute = tree.string(second) else { continue }
                    if let message = problem(name, attribute, context, &known) {
                        findings.append(context.finding(Self.descriptor, message, at: second, in: place))
                    }
                } else if let (stringNode, parsed) = site.sub, case .success(let sub) = parsed {
                    for case .variable(let variable, let offset) in sub.parts {
                        guard let dot = variable.firstIndex(ofASCII: ".") else { continue }
                        let name = String(variable[..<dot])
                        let attribute = String(variable[variable.index(after: dot)...])
                        if let message = problem(name, attribute, context, &known) {
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

    /// The attributes of each resource type asked for, looked up once per check: a template asks
    /// for the same few types thousands of times, and the schema library takes a lock and copies a
    /// schema each time.
    struct KnownAttributes {
        private var byType: [String: [String]] = [:]

        mutating func of(_ type: String) -> [String] {
            if let known = byType[type] { return known }
            let known = GetAttAttributeRule.attributes[type] ?? SchemaLibrary.shared.schema(forType: type)?.attributes ?? []
            byType[type] = known
            return known
        }
    }

    func problem(_ name: String, _ attribute: String, _ context: RuleContext, _ knownAttributes: inout KnownAttributes) -> String? {
        guard let type = context.template.resource(named: name)?.type else { return nil }
        let known = knownAttributes.of(type)
        guard !known.isEmpty, !known.contains(attribute) else { return nil }
        return "\(type) has no attribute '\(attribute)'; it has \(known.joined(separator: ", "))"
    }
}
