import CFNCore
import Testing

/// An ID or ARN written as the name of the template's parameter, resource or mapping, and IDs not
/// of their form (issue 19, item 5).
@Suite struct MissingRefRuleTests {
    /// Cut down from aws-cloudformation/aws-cloudformation-templates (Apache-2.0), commit 142ce6f283d2,
    /// Solutions/ADConnector/templates/ADCONNECTOR.cfn.yaml: the subnets are the parameters' names.
    /// cfn-lint 1.51 reports nothing here.
    @Test func subnetsWrittenAsParameterNames() {
        let text = """
            Parameters:
              PrivateSubnet1ID:
                Description: ID of the private subnet 1 in Availability Zone 1 (e.g., subnet-a0246dcd)
                Type: AWS::EC2::Subnet::Id
              PrivateSubnet2ID:
                Description: ID of the private subnet 2 in Availability Zone 2 (e.g., subnet-a0246dcd)
                Type: AWS::EC2::Subnet::Id
            Resources:
              ADConnectorDomainMembersSG:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: Domain Members
              ADConnectorLambdaRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
                  ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']
              ADConnectorLambdaFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: adconnector_custom_resource.lambda_handler
                  Role: !GetAtt ADConnectorLambdaRole.Arn
                  Runtime: python3.12
                  Code:
                    S3Bucket: lambda-artifacts
                    S3Key: adconnector_custom_resource.zip
                  VpcConfig:
                    SubnetIds:
                      - PrivateSubnet1ID
                      - PrivateSubnet2ID
                    SecurityGroupIds:
                      - !Ref ADConnectorDomainMembersSG

            """
        #expect(validationLines(text) == [
            "reference.missing-ref error 29:13 SubnetIds[0] 'PrivateSubnet1ID' is the name of a parameter of this template, not a subnet ID: write !Ref PrivateSubnet1ID",
            "reference.missing-ref error 30:13 SubnetIds[1] 'PrivateSubnet2ID' is the name of a parameter of this template, not a subnet ID: write !Ref PrivateSubnet2ID",
        ])
    }

    @Test func resourcesAndMappingsSayHowToReferToThem() {
        let text = """
            Mappings:
              Keys: {prod: {arn: 'arn:aws:kms:us-east-1:123456789012:key/k'}}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
                  Runtime: python3.12
                  Role: FunctionRole
                  KmsKeyArn: Keys
                  Layers: [Deps]
                  Code: {S3Bucket: Artifacts, S3Key: fn.zip}
                  VpcConfig:
                    SubnetIds: [private-a]
                    SecurityGroupIds: [FunctionSG]
              FunctionRole:
                Type: AWS::IAM::Role
              FunctionSG:
                Type: AWS::EC2::SecurityGroup
              Deps:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  Content: {S3Bucket: artifacts, S3Key: deps.zip}
              Artifacts:
                Type: AWS::S3::Bucket

            """
        // lambda.role and lambda.layer-arn leave a template's name to reference.missing-ref.
        #expect(validationLines(text).filter { $0.hasPrefix("reference.") || $0.hasPrefix("lambda.role") || $0.hasPrefix("lambda.layer-arn") } == [
            "reference.missing-ref error 9:13 Role 'FunctionRole' is the name of a resource (AWS::IAM::Role) of this template, not an IAM role ARN: write !GetAtt FunctionRole.Arn",
            "reference.missing-ref error 10:18 KmsKeyArn 'Keys' is the name of a mapping of this template, not a KMS key ARN: write !FindInMap [Keys, key, key]",
            "reference.missing-ref error 11:16 Layers[0] 'Deps' is the name of a resource (AWS::Lambda::LayerVersion) of this template, not a layer version ARN: write !Ref Deps",
            "reference.missing-ref error 12:24 S3Bucket 'Artifacts' is the name of a resource (AWS::S3::Bucket) of this template, not an S3 bucket name: write !Ref Artifacts",
            "reference.id-form warning 14:21 SubnetIds[0] 'private-a' is not a subnet ID, which starts with subnet-",
            "reference.missing-ref error 15:28 SecurityGroupIds[0] 'FunctionSG' is the name of a resource (AWS::EC2::SecurityGroup) of this template, not a security group ID: write !Ref FunctionSG",
        ])
    }
}
