@testable import CFNCore
import CFNLoader
import Testing

/// The template after the `AWS::LanguageExtensions` transform, as YAML, and the transform's own
/// findings as `line:column rule message`.
func languageExtensions(_ text: String, parameters: [String: String] = [:], nodeBudget: Int = 500_000) -> (yaml: String, findings: [String]) {
    let loaded = LoadedTemplate(bytes: Array(text.utf8))
    let extended = LanguageExtensionsTransform(nodeBudget: nodeBudget).expand(loaded, settings: ValidationSettings(parameters: parameters, region: "us-east-1"))
    let ids = Set(LanguageExtensionsRules.all.map(\.id))
    let findings = extended.findings.filter { ids.contains($0.rule) }
        .map { "\(loaded.source.lineColumn(at: $0.range.start)) \($0.rule) \($0.message)" }
    return (extended.template.map { TemplateText.render($0.tree, format: .yaml) } ?? "", findings)
}

/// The examples are the CloudFormation Template Reference's own (Fn::ForEach examples, Fn::Length,
/// Fn::ToJsonString, Fn::FindInMap enhancements, intrinsic functions in DeletionPolicy), with the
/// transformed templates the reference gives.
@Suite struct LanguageExtensionsTests {
    @Test func forEachReplicatesResourcesAsTheReferenceShows() {
        let (yaml, findings) = languageExtensions("""
        AWSTemplateFormatVersion: 2010-09-09
        Transform: AWS::LanguageExtensions
        Resources:
          'Fn::ForEach::Topics':
            - TopicName
            - [Success, Failure, Timeout, Unknown]
            - 'SnsTopic${TopicName}':
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub '${TopicName}.fifo'
                  FifoTopic: true

        """)
        #expect(findings == [])
        var expected = "Resources:\n"
        for name in ["Success", "Failure", "Timeout", "Unknown"] {
            expected += "  SnsTopic\(name):\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: \(name).fifo\n      FifoTopic: true\n"
        }
        #expect(yaml.hasSuffix(expected))
        #expect(!yaml.contains("Transform"))
    }

    @Test func nestedLoopsAndSubInRef() throws {
        let (yaml, findings) = languageExtensions("""
        Transform: AWS::LanguageExtensions
        Resources:
          VPC:
            Type: AWS::EC2::VPC
          'Fn::ForEach::SubnetResources':
          - Prefix
          - [Transit, Public]
          - 'Nacl${Prefix}Subnet':
              Type: AWS::EC2::NetworkAcl
              Properties:
                VpcId: !Ref 'VPC'
            'Fn::ForEach::LoopInner':
            - Suffix
            - [A, B]
            - '${Prefix}Subnet${Suffix}':
                Type: AWS::EC2::Subnet
              'Nacl${Prefix}Subnet${Suffix}Association':
                Type: AWS::EC2::SubnetNetworkAclAssociation
                Properties:
                  SubnetId: !Ref
                    'Fn::Sub': '${Prefix}Subnet${Suffix}'
                  NetworkAclId: !Ref
                    'Fn::Sub': 'Nacl${Prefix}Subnet'

        """)
        #expect(findings == [])
        let loaded = LoadedTemplate(bytes: Array(yaml.utf8))
        let template = try #require(loaded.template)
        #expect(template.resources.map(\.logicalId) == [
            "VPC", "NaclTransitSubnet", "TransitSubnetA", "NaclTransitSubnetAAssociation", "TransitSubnetB", "NaclTransitSubnetBAssociation",
            "NaclPublicSubnet", "PublicSubnetA", "NaclPublicSubnetAAssociation", "PublicSubnetB", "NaclPublicSubnetBAssociation",
        ])
        #expect(yaml.contains("""
          NaclPublicSubnetBAssociation:
            Type: AWS::EC2::SubnetNetworkAclAssociation
            Properties:
              SubnetId:
                Ref: PublicSubnetB
              NetworkAclId:
                Ref: NaclPublicSubnet

        """))
    }

    @Test func ampersandDropsNonAlphanumericCharactersOfAListParameter() {
        let text = """
        Transform: AWS::LanguageExtensions
        Parameters:
          IpAddresses:
            Type: CommaDelimitedList
            Default: '10.0.2.0/24,10.0.3.0/24'
        Resources:
          'Fn::ForEach::Subnets':
            - CIDR
            - !Ref IpAddresses
            - 'Subnet&{CIDR}':
                Type: AWS::EC2::Subnet
                Properties:
                  CidrBlock: !Ref CIDR

        """
        let resources = "Resources:\n  Subnet1002024:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: \"10.0.2.0/24\"\n"
            + "  Subnet1003024:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: \"10.0.3.0/24\"\n"
        #expect(languageExtensions(text).yaml.hasSuffix(resources))
        // A given value is the collection CloudFormation applies the transform with.
        #expect(languageExtensions(text, parameters: ["IpAddresses": "10.1.0.0/16"]).yaml.hasSuffix(
            "Resources:\n  Subnet1010016:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: \"10.1.0.0/16\"\n"))
    }

    @Test func propertiesLoopWithFindInMapDefaults() {
        let (yaml, findings) = languageExtensions("""
        Transform: AWS::LanguageExtensions
        Mappings:
          InstanceA:
            Properties: {ImageId: ami-id1, InstanceType: m5.xlarge}
          InstanceB:
            Properties: {ImageId: ami-id2}
        Resources:
          'Fn::ForEach::Instances':
          - InstanceLogicalId
          - [InstanceA, InstanceB]
          - '${InstanceLogicalId}':
              Type: AWS::EC2::Instance
              Properties:
                DisableApiTermination: true
                'Fn::ForEach::Properties':
                  - PropertyName
                  - [ImageId, InstanceType]
                  - '${PropertyName}':
                     'Fn::FindInMap':
                       - Ref: 'InstanceLogicalId'
                       - Properties
                       - Ref: 'PropertyName'
                       - {DefaultValue: !Ref 'AWS::NoValue'}

        """)
        #expect(findings == [])
        #expect(yaml.hasSuffix("""
        Resources:
          InstanceA:
            Type: AWS::EC2::Instance
            Properties:
              DisableApiTermination: true
              ImageId: ami-id1
              InstanceType: m5.xlarge
          InstanceB:
            Type: AWS::EC2::Instance
            Properties:
              DisableApiTermination: true
              ImageId: ami-id2

        """))
    }

    @Test func lengthToJsonStringAndDefaultValues() {
        let (yaml, findings) = languageExtensions("""
        Transform: AWS::LanguageExtensions
        Parameters:
          QueueList: {Type: CommaDelimitedList, Default: "a,b,c,d"}
          ParameterName: {Type: String, Default: resolvedValue}
        Mappings:
          InstanceConfiguration: {us-west-2: {Type: m5.large}}
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              DelaySeconds: {'Fn::Length': !Ref QueueList}
              MaximumMessageSize: {'Fn::Length': !Split ["|", "a|b|c"]}
              MessageRetentionPeriod: {'Fn::Length': [1, !Ref ParameterName, 3]}
              RedrivePolicy: {'Fn::ToJsonString': {key1: value1, key2: !Ref ParameterName, n: 3}}
              QueueName: !FindInMap [InstanceConfiguration, !Ref 'AWS::Region', Type, {DefaultValue: m5.small}]

        """)
        #expect(findings == [])
        #expect(yaml.hasSuffix("""
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              DelaySeconds: 4
              MaximumMessageSize: 3
              MessageRetentionPeriod: 3
              RedrivePolicy: "{\\"key1\\":\\"value1\\",\\"key2\\":\\"resolvedValue\\",\\"n\\":3}"
              QueueName: m5.small

        """))
    }

    @Test func policiesFromParametersAndWhatIsLeftKeepsTheTransform() {
        let template = """
        Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
        Parameters:
          Policy: {Type: String, Default: Retain}
        Conditions:
          IsProd: !Equals [a, b]
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            DeletionPolicy: !Ref Policy
            UpdateReplacePolicy: !Ref Policy

        """
        let (yaml, findings) = languageExtensions(template)
        #expect(findings == [])
        #expect(yaml.hasPrefix("Transform:\n  - AWS::Serverless-2016-10-31\n"))
        #expect(yaml.hasSuffix("    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n"))
        // Fn::If on a condition of known values is decided (IsProd: a is not b)...
        let conditional = template.replacingOccurrences(of: "UpdateReplacePolicy: !Ref Policy", with: "UpdateReplacePolicy: !If [IsProd, Retain, Delete]")
        #expect(languageExtensions(conditional).yaml.hasSuffix("    DeletionPolicy: Retain\n    UpdateReplacePolicy: Delete\n"))
        // ... else left for CloudFormation, and the transform stays declared.
        let unknown = conditional.replacingOccurrences(of: "!Equals [a, b]", with: "!Equals [!Ref 'AWS::StackName', b]")
        #expect(languageExtensions(unknown).yaml.hasPrefix("Transform:\n  - AWS::LanguageExtensions\n  - AWS::Serverless-2016-10-31\n"))
    }

    @Test func loopsInConditionsAndOutputs() {
        let (yaml, findings) = languageExtensions("""
        Transform: AWS::LanguageExtensions
        Conditions:
          'Fn::ForEach::Envs':
            - Env
            - [Dev, Prod]
            - 'Is${Env}': !Equals [!Ref 'AWS::AccountId', !Sub '${Env}']
        Resources:
          Topic: {Type: AWS::SNS::Topic}
        Outputs:
          'Fn::ForEach::Out':
            - Name
            - [A, B]
            - 'Out${Name}':
                Value: !Sub '${Name}-${AWS::Region}'

        """)
        #expect(findings == [])
        #expect(yaml.contains("Conditions:\n  IsDev:\n    Fn::Equals:\n      - Ref: AWS::AccountId\n      - Dev\n  IsProd:"))
        #expect(yaml.hasSuffix("Outputs:\n  OutA:\n    Value:\n      Fn::Sub: \"A-${AWS::Region}\"\n  OutB:\n    Value:\n      Fn::Sub: \"B-${AWS::Region}\"\n"))
    }

    @Test func malformedUsesAreLocatedErrors() {
        let (_, findings) = languageExtensions("""
        Transform: AWS::LanguageExtensions
        Parameters:
          Name: {Type: String, Default: x}
          Single: {Type: String, Default: y}
          Later: {Type: CommaDelimitedList}
        Mappings:
          M:
            'Fn::ForEach::InMappings': [X, [a], {'${X}': {}}]
        Resources:
          Existing: {Type: AWS::SNS::Topic}
          'Fn::ForEach::Arity': [X, [a]]
          'Fn::ForEach::NotList': [X, abc, {'T${X}': {Type: AWS::SNS::Topic}}]
          'Fn::ForEach::StringParameter': [X, !Ref Single, {'T${X}': {Type: AWS::SNS::Topic}}]
          'Fn::ForEach::ClashesWithParameter': [Name, [a], {'T${Name}': {Type: AWS::SNS::Topic}}]
          'Fn::ForEach::KeyWithoutIdentifier': [X, [a, b], {'Topic': {Type: AWS::SNS::Topic}}]
          'Fn::ForEach::Twice': [X, [Existing, Existing], {'${X}': {Type: AWS::SNS::Topic}}]
          'Fn::ForEach::Existing': [X, [q], {'Q${X}': {Type: AWS::SNS::Topic}}]
          'Fn::ForEach::Unknown': [X, !Ref Later, {'U${X}': {Type: AWS::SNS::Topic}}]
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              DelaySeconds: {'Fn::Length': abc}
              RedrivePolicy: {'Fn::ToJsonString': abc}

        """)
        #expect(findings == [
            "8:5 language-extensions.invalid Fn::ForEach::InMappings is in the Mappings section; Fn::ForEach may be used only in Resources, Conditions and Outputs",
            "11:25 language-extensions.invalid Fn::ForEach::Arity takes three items, [Identifier, Collection, {OutputKey: OutputValue}]",
            "12:31 language-extensions.invalid the collection of Fn::ForEach::NotList must be a list or a Ref to a CommaDelimitedList or List parameter",
            "13:39 language-extensions.invalid the collection of Fn::ForEach::StringParameter must be a list: parameter 'Single' is not a CommaDelimitedList or List type",
            "14:41 language-extensions.invalid the identifier 'Name' of Fn::ForEach::ClashesWithParameter is also a parameter's name",
            "15:53 language-extensions.invalid the output key 'Topic' of Fn::ForEach::KeyWithoutIdentifier must contain ${X} or &{X}",
            "16:3 language-extensions.invalid Fn::ForEach::Twice makes 'Existing', which this mapping already has",
            "16:3 language-extensions.invalid Fn::ForEach::Twice makes 'Existing', which this mapping already has",
            "17:3 language-extensions.invalid the loop name 'Existing' of Fn::ForEach::Existing is also a resource's logical ID",
            "18:31 language-extensions.not-expanded Fn::ForEach::Unknown is not expanded: parameter 'Later' has no value (give it with --parameters) and no Default, so what the loop makes is not checked",
            "22:36 language-extensions.invalid Fn::Length takes a list or a function that returns one",
            "23:43 language-extensions.invalid Fn::ToJsonString takes an object or an array",
        ])
    }

    /// A finding on a resource a loop made points at the loop's body and names both.
    @Test func findingsOnGeneratedResourcesPointAtTheLoopBody() {
        let lines = validationLines("""
        Transform: AWS::LanguageExtensions
        Resources:
          Fn::ForEach::Functions:
            - Name
            - [orders, billing]
            - ${Name}Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  MemorySize: 64

        """)
        #expect(lines == [
            "lambda.memory-size error 13:23 MemorySize 64 is below Lambda's minimum of 128 MB; set at least 128 (on billingFunction, generated from Fn::ForEach::Functions)",
            "lambda.memory-size error 13:23 MemorySize 64 is below Lambda's minimum of 128 MB; set at least 128 (on ordersFunction, generated from Fn::ForEach::Functions)",
        ])
    }

    @Test func hostileShapesGiveFindingsNotCrashes() {
        let cases: [(String, String)] = [
            ("'Fn::ForEach::': [X, [a], {'${X}': {}}]", "3:3 language-extensions.invalid Fn::ForEach needs a loop name of letters and digits after 'Fn::ForEach::'"),
            ("'Fn::ForEach::A-B': [X, [a], {'${X}': {}}]", "3:3 language-extensions.invalid Fn::ForEach needs a loop name of letters and digits after 'Fn::ForEach::'"),
            ("'Fn::ForEach::A': {X: 1}", "3:21 language-extensions.invalid Fn::ForEach::A takes three items, [Identifier, Collection, {OutputKey: OutputValue}]"),
            ("'Fn::ForEach::A': [[X], [a], {}]", "3:22 language-extensions.invalid the identifier of Fn::ForEach::A must be a string of letters and digits"),
            ("'Fn::ForEach::A': [X, [[a]], {'${X}': {}}]", "3:26 language-extensions.invalid each item of the collection of Fn::ForEach::A must be a string"),
            ("'Fn::ForEach::A': [X, [a], {'Fn::ForEach::B': [X, [b], {'${X}': {}}]}]",
             "3:50 language-extensions.invalid the identifier 'X' of Fn::ForEach::B is already the identifier of an enclosing Fn::ForEach"),
            ("'Fn::ForEach::A': [X, [a], []]", "3:30 language-extensions.invalid the output of Fn::ForEach::A must be a mapping of {OutputKey: OutputValue}"),
        ]
        for (resources, finding) in cases {
            #expect(languageExtensions("Transform: AWS::LanguageExtensions\nResources:\n  \(resources)\n").findings == [finding])
        }
        // Nested loops multiply: past the budget the loop stops with an error, not a hang.
        let items = "[" + (0..<10).map { "i\($0)" }.joined(separator: ", ") + "]"
        let bomb = "Transform: AWS::LanguageExtensions\nResources:\n  'Fn::ForEach::A': [A, \(items), {'Fn::ForEach::B': [B, \(items), "
            + "{'Fn::ForEach::C': [C, \(items), {'R${A}${B}${C}': {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub '${A}${B}${C}'}}}]}]}]\n"
        #expect(languageExtensions(bomb, nodeBudget: 1_000).findings == [
            "3:133 language-extensions.invalid Fn::ForEach::C makes more than 1000 nodes; CloudFormation limits the processed template to 1 MB",
        ])
        #expect(languageExtensions(bomb).findings == [])
        // Sections of the wrong shape are the structure checks' to report.
        #expect(languageExtensions("Transform: AWS::LanguageExtensions\nResources: []\nOutputs: x\n").findings == [])
    }
}
