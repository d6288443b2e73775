import CFNLoader

/// An `AWS::Serverless::*` resource in a template without the SAM transform.
public struct ServerlessWithoutTransformRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "template.serverless-without-transform", severity: .error,
        summary: "An AWS::Serverless resource without the SAM transform",
        explanation: "AWS::Serverless::Function and the other SAM types exist only through the transform declared with Transform: AWS::Serverless-2016-10-31, which turns them into Lambda, IAM and API resources. Without it CloudFormation rejects the template: the resource type is not recognised. Add the Transform, or write the resources SAM would make.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: ↓AWS::Serverless::Function\n    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: src/}\n  Layer:\n    Type: ↓AWS::Serverless::LayerVersion\n",
            "Transform: AWS::LanguageExtensions\nResources:\n  Fn:\n    Type: ↓AWS::Serverless::Function\n",
        ],
        nonTriggering: [
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n",
            "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n  Plain:\n    Type: AWS::Lambda::Function\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.serverlessTransformNode == nil else { return [] }
        return context.template.resources.compactMap { resource -> Finding? in
            guard let type = resource.type, type.hasPrefix("AWS::Serverless::") else { return nil }
            return context.finding(Self.descriptor,
                                   "\(type) needs the SAM transform: add Transform: \(SAMTransform.name) to the template",
                                   at: resource[.type], in: resource, path: ["Type"])
        }
    }
}
