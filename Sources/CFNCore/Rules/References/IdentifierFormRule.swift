/// A subnet, security group or KMS key written as text that is not of its ID's form
/// (`subnet-…`, `sg-…`, `arn:…`).
public struct IdentifierFormRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "reference.id-form", severity: .warning,
        summary: "A subnet, security group or KMS key value that does not have its ID's form",
        explanation: "A subnet ID starts with subnet- and a security group ID with sg- (EC2 resource IDs, subnet-0bb1c79de3EXAMPLE); a KMS key in KmsKeyArn or Code SourceKMSKeyArn of AWS::Lambda::Function is an ARN, arn:<partition>:kms:<region>:<account-id>:key/<id> or an alias ARN. Lambda rejects another value when the function is created or updated. A value that names a parameter, resource or mapping of the template is reference.missing-ref's; roles and layers are lambda.role's and lambda.layer-arn's. Only text written in the property is judged.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: [↓private-a, subnet-0bb1c79de3EXAMPLE]\n        SecurityGroupIds: [↓lambda-sg]\n      KmsKeyArn: ↓alias/lambda\n",
        ],
        nonTriggering: [
            "Parameters:\n  Subnet: {Type: 'AWS::EC2::Subnet::Id', Default: private-a}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: [!Ref Subnet, subnet-0bb1c79de3EXAMPLE]\n        SecurityGroupIds: [sg-0123456789abcdef0]\n      KmsKeyArn: arn:aws:kms:us-east-1:123456789012:alias/lambda\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for value in IdentifierProperty.literalValues(in: context) {
            guard let prefix = value.property.kind.prefix, !value.text.hasPrefix(prefix), context.declaredName(value.text) == nil else { continue }
            collected.add("\(value.name) '\(value.text)' is not \(value.property.kind.noun), which starts with \(prefix)",
                          at: value.node, in: value.resource, path: value.path, when: value.guardCondition)
        }
        return collected.findings(Self.descriptor, context)
    }
}
