import CFNCore
import CFNLoader
import Testing

extension TemplateRule {
    /// This rule's findings for a template, each as `line:column message`, in source order.
    func located(_ text: String, _ settings: ValidationSettings = ValidationSettings()) -> [String] {
        let report = Validator(settings: settings, rules: [self], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        return report.findings.filter { $0.rule == Self.descriptor.id }.map { "\(report.source.lineColumn(at: $0.range.start)) \($0.message)" }
    }
}

/// A template with the IsProd condition and a function whose properties follow.
func conditionalFunction(_ properties: String, extra: String = "") -> String {
    """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, prod]}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
    \(properties)
    \(extra)
    """
}

@Suite struct VPCRuleTests {
    let pairing = "Lambda needs both lists to connect the function to a VPC"

    @Test func oneListWithoutTheOther() {
        let text = """
            Resources:
              Empty:
                Type: AWS::Lambda::Function
                Properties:
                  VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: []}
              Missing:
                Type: AWS::Lambda::Function
                Properties:
                  VpcConfig: {SecurityGroupIds: [sg-1]}

            """
        #expect(VpcConfigRule().located(text) == [
            "5:60 VpcConfig.SecurityGroupIds is empty but SubnetIds is not; \(pairing): add SecurityGroupIds, or empty both to leave the VPC",
            "9:37 VpcConfig has SecurityGroupIds but no SubnetIds; \(pairing): add SubnetIds, or empty both to leave the VPC",
        ])
    }

    @Test func listParametersCountTheirItems() {
        let text = """
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              Groups: {Type: CommaDelimitedList, Default: 'sg-1, sg-2, sg-3, sg-4, sg-5, sg-6'}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  VpcConfig: {SubnetIds: !Ref Subnets, SecurityGroupIds: !Ref Groups}

            """
        // Without a value the subnets are not known: only the security groups are judged.
        #expect(VpcConfigRule().located(text) == [
            "8:62 VpcConfig.SecurityGroupIds lists 6 security groups; a function can use at most 5",
        ])
        let seventeen = (1...17).map { "subnet-\($0)" }.joined(separator: ",")
        #expect(VpcConfigRule().located(text, ValidationSettings(parameters: ["Subnets": seventeen, "Groups": "sg-1"])) == [
            "8:30 VpcConfig.SubnetIds lists 17 subnets; a function can use at most 16",
        ])
        #expect(VpcConfigRule().located(text, ValidationSettings(parameters: ["Subnets": "", "Groups": "sg-1"])) == [
            "8:30 VpcConfig.SubnetIds is empty but SecurityGroupIds is not; \(pairing): add SubnetIds, or empty both to leave the VPC",
        ])
    }

    @Test func conditionsAreReportedAndMerged() {
        // Subnets only in production: the security groups are alone when not IsProd.
        let branch = conditionalFunction("""
                  VpcConfig:
                    SubnetIds: !If [IsProd, [subnet-1], []]
                    SecurityGroupIds: [sg-1]
            """)
        #expect(VpcConfigRule().located(branch) == [
            "10:45 VpcConfig.SubnetIds is empty but SecurityGroupIds is not; \(pairing): add SubnetIds, or empty both to leave the VPC (when not IsProd)",
        ])
        // The same problem under both branches is one finding without a condition.
        let both = conditionalFunction("""
                  VpcConfig:
                    SubnetIds: !If [IsProd, [subnet-1], [subnet-2]]
                    SecurityGroupIds: []
            """)
        #expect(VpcConfigRule().located(both) == [
            "11:27 VpcConfig.SecurityGroupIds is empty but SubnetIds is not; \(pairing): add SecurityGroupIds, or empty both to leave the VPC",
        ])
        // A branch the function's own condition rules out is not reported.
        let reachable = conditionalFunction("""
                  VpcConfig: !If [IsProd, {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}, {SubnetIds: [subnet-1]}]
            """)
        #expect(VpcConfigRule().located(reachable) == [
            "9:94 VpcConfig has SubnetIds but no SecurityGroupIds; \(pairing): add SecurityGroupIds, or empty both to leave the VPC (when not IsProd)",
        ])
        let unreachable = reachable.replacingOccurrences(of: "    Type: AWS::Lambda::Function\n",
                                                         with: "    Type: AWS::Lambda::Function\n    Condition: IsProd\n")
        #expect(VpcConfigRule().located(unreachable) == [])
    }

    @Test func fileSystemsNeedSubnets() {
        let text = conditionalFunction("""
                  VpcConfig: !If [IsProd, {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}, !Ref AWS::NoValue]
                  FileSystemConfigs: [{Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0, LocalMountPath: /mnt/data}]
            """)
        #expect(FileSystemVpcRule().located(text) == [
            "10:26 FileSystemConfigs mounts a file system, but the function has no VPC subnets; Lambda reaches a file system through its mount targets in a VPC: add VpcConfig with SubnetIds and SecurityGroupIds in the file system's VPC (when not IsProd)",
        ])
        let unknownSubnets = text.replacingOccurrences(of: "SubnetIds: [subnet-1]", with: "SubnetIds: !Split [',', !ImportValue subnets]")
            .replacingOccurrences(of: "!Ref AWS::NoValue", with: "{SubnetIds: !Split [',', !ImportValue subnets], SecurityGroupIds: [sg-1]}")
        #expect(FileSystemVpcRule().located(unknownSubnets) == [])
    }
}
