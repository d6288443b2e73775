/// A subnet, security group, role, layer, KMS key or bucket written as the name of a parameter,
/// resource or mapping of the template: `SubnetIds: [PrivateSubnet1ID]` without its `!Ref`.
public struct MissingRefRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "reference.missing-ref", severity: .error,
        summary: "An ID or ARN written as the name of a parameter, resource or mapping, without !Ref",
        explanation: "Where a property takes an AWS ID or ARN (VpcConfig SubnetIds and SecurityGroupIds, Role, Layers, KmsKeyArn, Code SourceKMSKeyArn, Code S3Bucket of AWS::Lambda::Function; Content S3Bucket of AWS::Lambda::LayerVersion), a plain value equal to the name of one of the template's parameters, resources or mappings is that name as text, not its value: CloudFormation passes 'PrivateSubnet1ID' to Lambda as a subnet ID, and the deployment fails. Write !Ref NAME for a parameter, a subnet, a security group, a bucket or a layer version, !GetAtt NAME.Arn for a role or a KMS key, !FindInMap for a mapping. Only text written in the property is judged, not values from functions or parameters.")

    public static let examples = RuleExamples(
        triggering: [
            "Parameters:\n  PrivateSubnet1ID: {Type: 'AWS::EC2::Subnet::Id'}\n  PrivateSubnet2ID: {Type: 'AWS::EC2::Subnet::Id'}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds:\n          - ↓PrivateSubnet1ID\n          - ↓PrivateSubnet2ID\n        SecurityGroupIds: [↓FunctionSG]\n      Role: ↓FunctionRole\n  FunctionSG:\n    Type: AWS::EC2::SecurityGroup\n  FunctionRole:\n    Type: AWS::IAM::Role\n",
            "Mappings:\n  Keys: {prod: {arn: 'arn:aws:kms:us-east-1:123456789012:key/k'}}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      KmsKeyArn: ↓Keys\n      Layers: [↓Deps]\n      Code: {S3Bucket: ↓Artifacts, S3Key: fn.zip}\n  Deps:\n    Type: AWS::Lambda::LayerVersion\n  Artifacts:\n    Type: AWS::S3::Bucket\n",
        ],
        nonTriggering: [
            "Parameters:\n  PrivateSubnet1ID: {Type: 'AWS::EC2::Subnet::Id'}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: [!Ref PrivateSubnet1ID, subnet-0bb1c79de3EXAMPLE]\n        SecurityGroupIds: [!Ref FunctionSG]\n      Role: !GetAtt FunctionRole.Arn\n      Code: {S3Bucket: artifacts, S3Key: fn.zip}\n  FunctionSG:\n    Type: AWS::EC2::SecurityGroup\n  FunctionRole:\n    Type: AWS::IAM::Role\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for value in IdentifierProperty.literalValues(in: context) {
            guard let declared = context.declaredName(value.text) else { continue }
            let kind = value.property.kind
            let fix = switch declared {
            case .parameter: "!Ref \(value.text)"
            case .resource: kind.reference(to: value.text)
            case .mapping: "!FindInMap [\(value.text), key, key]"
            }
            collected.add("\(value.name) '\(value.text)' is the name of \(declared.noun) of this template, not \(kind.noun): write \(fix)",
                          at: value.node, in: value.resource, path: value.path, when: value.guardCondition)
        }
        return collected.findings(Self.descriptor, context)
    }
}
