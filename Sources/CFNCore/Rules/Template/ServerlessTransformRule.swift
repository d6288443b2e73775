import CFNLoader

/// Templates with the SAM transform: `AWS::Serverless::*` resources are not expanded (yet), so
/// they are not checked. One info finding says so, and no rule reports errors on them.
public struct ServerlessTransformRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "template.serverless-not-expanded", severity: .info,
        summary: "AWS::Serverless resources are not expanded, so not checked",
        explanation: "The AWS::Serverless-2016-10-31 transform turns AWS::Serverless::Function and the other SAM types into Lambda, IAM and API resources at deploy time. cfn-lambda does not expand it yet: the SAM resources themselves are not checked. Run it on the transformed template (`sam validate` / `aws cloudformation get-template --template-stage Processed`) for a full check.")

    public static let examples = RuleExamples(
        triggering: [
            "Transform: ↓AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: src/}\n",
            "Transform: [AWS::LanguageExtensions, ↓AWS::Serverless-2016-10-31]\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n",
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n",
        ])

    public static let transform = "AWS::Serverless-2016-10-31"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tree = context.tree
        guard let node = context.template.section(.transform) else { return [] }
        let names = tree.kind(node) == .sequence ? Array(tree.elements(node)) : [node]
        guard let samNode = names.first(where: { tree.scalar($0, equals: Self.transform) }) else { return [] }
        let serverless = context.template.resources.filter { $0.type?.hasPrefix("AWS::Serverless::") == true }
        guard !serverless.isEmpty else { return [] }
        let count = serverless.count
        return [Finding(Self.descriptor,
                        "\(count) AWS::Serverless resource\(count == 1 ? " is" : "s are") not checked: the SAM transform is not expanded by cfn-lambda yet",
                        at: tree.range(samNode), path: ["Transform"])]
    }
}
