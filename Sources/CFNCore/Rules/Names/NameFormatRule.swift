/// A function, layer or alias name, or a version number, that Lambda does not accept
/// (`FunctionName: orders api/v2`; cfn-lint E1163 for function names).
public struct NameFormatRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.name-format", severity: .error,
        summary: "A function, layer or alias name, or a version number, that Lambda does not accept",
        explanation: "Lambda's API reference gives each name a form (https://docs.aws.amazon.com/lambda/latest/api/). A function name has only letters, digits, hyphens and underscores, 1 to 64 of them (AWS::Lambda::Function FunctionName). Other resources name a function by its name, a partial ARN (123456789012:function:name) or its ARN, optionally with :version or :alias, at most 140 characters (AWS::Lambda::Version, Alias, Permission, EventSourceMapping and EventInvokeConfig FunctionName, Url TargetFunctionArn; CreateAlias FunctionName pattern). A layer name (AWS::Lambda::LayerVersion LayerName) is such a name or a layer ARN, at most 140 characters (PublishLayerVersion). An alias name (AWS::Lambda::Alias Name) has the same characters, at most 128, and is not only digits, which are version numbers; the version an alias points to (FunctionVersion, RoutingConfig AdditionalVersionWeights) is a number or $LATEST (CreateAlias). CloudFormation's create fails with a validation error otherwise. Values not known before deployment are not judged.",
        restates: ["schema.pattern", "schema.length"])

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: ↓orders api/v2\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      LayerName: ↓shared deps\n",
            "Resources:\n  Live:\n    Type: AWS::Lambda::Alias\n    Properties:\n      FunctionName: ↓orders/api\n      Name: ↓'2024'\n      FunctionVersion: ↓v1\n      RoutingConfig:\n        AdditionalVersionWeights:\n          - FunctionVersion: ↓latest\n            FunctionWeight: 0.1\n  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: ↓'arn:aws:lambda:us-east-1:123456789012:function:orders api'\n      Action: lambda:InvokeFunction\n      Principal: sns.amazonaws.com\n",
        ],
        nonTriggering: [
            "Parameters:\n  Name: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub '${Name}-orders_api'\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      LayerName: shared-deps\n  Live:\n    Type: AWS::Lambda::Alias\n    Properties:\n      FunctionName: !Ref Fn\n      Name: live-v2\n      FunctionVersion: '3'\n      RoutingConfig:\n        AdditionalVersionWeights:\n          - {FunctionVersion: 4, FunctionWeight: 0.1}\n  Version:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: 123456789012:function:orders:$LATEST\n  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: arn:aws:lambda:us-east-1:123456789012:function:orders:live\n      Action: lambda:InvokeFunction\n      Principal: sns.amazonaws.com\n",
        ])

    /// The properties judged, by resource type.
    static let properties: [String: [(property: String, kind: LambdaName)]] = [
        LambdaFunction.type: [("FunctionName", .function)],
        "AWS::Lambda::Version": [("FunctionName", .functionReference)],
        "AWS::Lambda::Alias": [("FunctionName", .functionReference), ("Name", .alias), ("FunctionVersion", .version)],
        "AWS::Lambda::Permission": [("FunctionName", .functionReference)],
        "AWS::Lambda::EventSourceMapping": [("FunctionName", .functionReference)],
        "AWS::Lambda::EventInvokeConfig": [("FunctionName", .functionReference)],
        "AWS::Lambda::Url": [("TargetFunctionArn", .functionReference)],
        "AWS::Lambda::LayerVersion": [("LayerName", .layer)],
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for resource in context.template.resources {
            guard let type = resource.type, let judged = Self.properties[type] else { continue }
            for (property, kind) in judged {
                for (conditions, value) in context.reachable(resource, property) {
                    guard let value, let text = value.text, let problem = kind.problem(text, property: property) else { continue }
                    collected.add(problem, at: value.node, in: resource, path: ["Properties", property], when: conditions)
                }
            }
            guard type == "AWS::Lambda::Alias" else { continue }
            // The second version an alias routes to: RoutingConfig.AdditionalVersionWeights[].FunctionVersion.
            for (conditions, weights) in context.reachable(resource, "RoutingConfig", "AdditionalVersionWeights") {
                for (index, weight) in (weights?.elements ?? []).enumerated() {
                    guard let entries = weight.entries, let position = entries.index(ofKey: "FunctionVersion"),
                          let text = entries[position].value.text,
                          let problem = LambdaName.version.problem(text, property: "FunctionVersion") else { continue }
                    collected.add(problem, at: entries[position].value.node, in: resource,
                                  path: ["Properties", "RoutingConfig", "AdditionalVersionWeights", String(index), "FunctionVersion"], when: conditions)
                }
            }
        }
        return collected.findings(Self.descriptor, context)
    }
}
