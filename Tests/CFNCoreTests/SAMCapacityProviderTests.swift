@testable import CFNCore
import CFNLoader
import Testing

/// `AWS::Serverless::CapacityProvider` (aws-sam-translator 1.110, `SamCapacityProvider` and
/// model/capacity_provider/generators.py); the expected resources and messages are the
/// translator's for the same templates.
@Suite struct SAMCapacityProviderTests {
    @Test func aProviderWithGlobalsAttributesAndPropagatedTagsIsTheTranslators() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              Always: !Equals [a, a]
            Globals:
              CapacityProvider:
                VpcConfig:
                  SubnetIds: [subnet-1]
                Tags: {team: a}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Provider:
                Type: AWS::Serverless::CapacityProvider
                Condition: Always
                DeletionPolicy: Retain
                DependsOn: Queue
                Properties:
                  VpcConfig:
                    SubnetIds: [subnet-2]
                    SecurityGroupIds: [sg-1, 42]
                  Tags: {owner: null}
                  PropagateTags: true
                  InstanceRequirements:
                    Architectures: [arm64]
                  ScalingConfig:
                    MaxVCpuCount: '12'
                  KmsKeyArn: !Ref AWS::NoValue
            """)
        #expect(expansion.findings.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        let tags: (String, String) -> [String: Any] = { ["Key": $0, "Value": $1] }
        #expect(SAMConformanceTests.canonical(resources["Provider"]) == SAMConformanceTests.canonical([
            "Type": "AWS::Lambda::CapacityProvider", "DependsOn": "Queue", "DeletionPolicy": "Retain", "Condition": "Always",
            "Properties": [
                "VpcConfig": ["SubnetIds": ["subnet-1", "subnet-2"], "SecurityGroupIds": ["sg-1", "42"]],
                "PermissionsConfig": ["CapacityProviderOperatorRoleArn": ["Fn::GetAtt": ["ProviderOperatorRole", "Arn"]]],
                "Tags": [tags("team", "a"), tags("owner", ""), tags("lambda:createdBy", "SAM")],
                "InstanceRequirements": ["Architectures": ["arm64"]],
                "CapacityProviderScalingConfig": ["MaxVCpuCount": 12, "ScalingMode": "Auto"],
                "KmsKeyArn": ["Ref": "AWS::NoValue"],
            ] as [String: Any],
        ]))
        #expect(SAMConformanceTests.canonical(resources["ProviderOperatorRole"]) == SAMConformanceTests.canonical([
            "Type": "AWS::IAM::Role", "Condition": "Always", "DeletionPolicy": "Retain",
            "Properties": [
                "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": [[
                    "Action": ["sts:AssumeRole"], "Effect": "Allow", "Principal": ["Service": ["lambda.amazonaws.com"]],
                ] as [String: Any]]] as [String: Any],
                "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AWSLambdaManagedEC2ResourceOperator"],
                "Tags": [tags("lambda:createdBy", "SAM"), tags("team", "a"), tags("owner", "")],
            ] as [String: Any],
        ]))
    }

    @Test func aGivenOperatorRoleMakesNoRoleAndCPUTargetsAreManualScaling() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Provider:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig: {SubnetIds: [s]}
                  OperatorRole: arn:aws:iam::123456789012:role/operator
                  ScalingConfig: {AverageCPUUtilization: '75'}
            """)
        #expect(expansion.findings.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Provider"])
        let properties = (resources["Provider"] as? [String: Any])?["Properties"] as? [String: Any]
        #expect(SAMConformanceTests.canonical(properties?["CapacityProviderScalingConfig"]) == SAMConformanceTests.canonical([
            "ScalingMode": "Manual",
            "ScalingPolicies": [["PredefinedMetricType": "LambdaCapacityProviderAverageCPUUtilization", "TargetValue": 75.0] as [String: Any]],
        ] as [String: Any]))
        #expect(SAMConformanceTests.canonical(properties?["PermissionsConfig"])
            == SAMConformanceTests.canonical(["CapacityProviderOperatorRoleArn": "arn:aws:iam::123456789012:role/operator"]))
    }

    @Test func theTranslatorsChecksAreErrorsAtTheKey() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NoVpc:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  CapacityProviderName: cp
              Unknown:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig: {SubnetIds: [s]}
                  Name: cp
              NotBool:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig: {SubnetIds: [s]}
                  PropagateTags: sometimes
              Schema:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig:
                    SubnetIds: subnet-1
                    Other: 1
                  ScalingConfig:
                    MaxVCpuCount: many
                    AverageCPUUtilization: [50]
              Elements:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig:
                    SubnetIds: [s, [t], null]
              Both:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig: {SubnetIds: [s]}
                  InstanceRequirements:
                    AllowedTypes: [c5.large]
                    ExcludedTypes: [t2.micro]
            """)
        #expect(samErrors(expansion, source) == [
            "3:3 Resource with id [NoVpc] is invalid. Missing required property 'VpcConfig'.",
            "11:7 Resource with id [Unknown] is invalid. property Name not defined for resource of type AWS::Serverless::CapacityProvider",
            "16:7 Resource with id [NotBool] is invalid. Type of property 'PropagateTags' is invalid.",
            "21:9 Resource with id [Schema] is invalid. Property 'VpcConfig.SubnetIds' value must be dictionary or list. Property 'VpcConfig.Other' is an invalid property. Property 'ScalingConfig.MaxVCpuCount' value must be dictionary or integer. Property 'ScalingConfig.AverageCPUUtilization' value must be dictionary or number.",
            "30:9 Resource with id [Elements] is invalid. Property 'VpcConfig.SubnetIds' value is not a valid dict. Property 'VpcConfig.SubnetIds.1' value is not a valid dict. Property 'VpcConfig.SubnetIds.2' none is not an allowed value.",
            "37:9 Resource with id [Both] is invalid. Cannot specify 'InstanceRequirements.AllowedTypes' and 'InstanceRequirements.ExcludedTypes' together.",
        ])
        #expect(!expansion.findings.contains { $0.rule == SAMRules.notExpanded.id })
    }

    @Test func anUnsupportedGlobalIsNamedWithTheTranslatorsListInItsOrder() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              CapacityProvider:
                CapacityProviderName: shared
            Resources:
              Provider:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig: {SubnetIds: [s]}
            """)
        #expect(samErrors(expansion, source) == [
            "4:5 'Globals' section is invalid. 'CapacityProviderName' is not a supported property of 'CapacityProvider'. Must be one of the following values - ['VpcConfig', 'OperatorRole', 'Tags', 'InstanceRequirements', 'ScalingConfig', 'KmsKeyArn', 'PropagateTags']",
        ])
    }

    @Test func pythonsIntegerTextIsRead() {
        #expect(SAMCapacityProvider.pythonInt(" +0_12 ") == "12")
        #expect(SAMCapacityProvider.pythonInt("-7") == "-7")
        #expect(SAMCapacityProvider.pythonInt("1.5") == nil)
        #expect(SAMCapacityProvider.pythonInt("1__2") == nil)
        #expect(SAMCapacityProvider.pythonInt("_1") == nil)
    }
}
