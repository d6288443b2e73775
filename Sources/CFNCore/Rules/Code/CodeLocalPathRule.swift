import CFNLoader

/// `Code` (or a layer's `Content`) written as a string: a local path for `aws cloudformation package`.
public struct CodeLocalPathRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.code-local-path", severity: .warning,
        summary: "Code or Content is a local path that only a package command turns into an S3 location",
        explanation: "`aws cloudformation package` (and `sam package`, `sam deploy`) upload the file or directory named by a string Code of AWS::Lambda::Function or Content of AWS::Lambda::LayerVersion and write its S3 location (S3Bucket, S3Key) in its place (AWS CLI reference, cloudformation package: \"Code property for the AWS::Lambda::Function resource\", \"Content property for the AWS::Lambda::LayerVersion resource\"). CloudFormation itself needs a mapping there (schemas/resources/aws-lambda-function.json: Code is an object), so the template works only through a package step: a warning instead of the schema's type error. A string made by an intrinsic function is not rewritten by package and stays a schema.type error.",
        restates: ["schema.type"])

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/fn\n      Code: ↓./src\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: ↓layer.zip\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: !If [IsProd, {S3Bucket: code, S3Key: fn.zip}, ↓./src]\n",
        ],
        nonTriggering: [
            "Parameters:\n  Path: {Type: String, Default: ./src}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: {S3Bucket: code, S3Key: fn.zip}\n  FromParameter:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: !Ref Path\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: {S3Bucket: code, S3Key: layer.zip}\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        let places = context.lambda.functions.map { ($0.resource, "Code") } + context.lambda.layerVersions.map { ($0.resource, "Content") }
        for (resource, property) in places {
            for (conditions, value) in context.reachable(resource, property) {
                // Only a string written as such: package does not evaluate intrinsic functions.
                guard let value, let text = value.text, let node = value.node, context.tree.kind(node) == .scalar else { continue }
                collected.add("\(property) '\(text)' is a local path (or S3 URI) that `aws cloudformation package` or `sam package` uploads and replaces with its S3 location; CloudFormation itself needs a mapping (S3Bucket and S3Key): deploy the packaged template",
                              at: node, in: resource, path: ["Properties", property], when: conditions)
            }
        }
        return collected.findings(Self.descriptor, context)
    }
}
