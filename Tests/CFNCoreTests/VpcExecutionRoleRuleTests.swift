import CFNCore
import CFNLoader
import Testing

/// A VPC function using `!GetAtt Role.Arn`, the role with `roleProperties`, and more resources.
func vpcFunction(role roleProperties: String, _ resources: String = "", condition: String = "") -> String {
    """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, prod]}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Role: !GetAtt Role.Arn
          VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}
      Role:
        Type: AWS::IAM::Role\(condition)
        Properties:
          AssumeRolePolicyDocument: {}
    \(roleProperties)
    \(resources)
    """
}

@Suite struct VpcExecutionRoleRuleTests {
    static let all = "ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface"

    func missing(_ actions: String, _ suffix: String = "") -> String {
        "10:18 execution role Role does not allow \(actions), which Lambda needs to create the function's network interfaces in its VPC subnets; attach the AWS managed policy service-role/AWSLambdaVPCAccessExecutionRole to Role or allow these actions in its policies\(suffix)"
    }

    func check(_ text: String, _ settings: ValidationSettings = ValidationSettings()) -> [String] {
        VpcExecutionRoleRule().located(text, settings)
    }

    @Test func managedPolicyArnsInAnyPartition() {
        let basic = vpcFunction(role: "      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]")
        #expect(check(basic) == [missing(Self.all)])
        #expect(check(vpcFunction(role: "      ManagedPolicyArns: []")) == [missing(Self.all)])
        #expect(check(vpcFunction(role: "")) == [missing(Self.all)])
        for arn in [
            "arn:aws-cn:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
            "arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaENIManagementAccess",
            "arn:aws:iam::aws:policy/AdministratorAccess",
            "!Join ['', ['arn:', !Ref AWS::Partition, ':iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']]",
            "!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess'",
            // Not known, so not judged: a customer managed policy, another AWS managed policy, an import.
            "arn:aws:iam::123456789012:policy/network",
            "arn:aws:iam::aws:policy/PowerUserAccess",
            "!ImportValue network-policy-arn",
            "!Ref Managed",
        ] {
            let text = vpcFunction(role: "      ManagedPolicyArns: [\(arn)]", "  Managed:\n    Type: AWS::IAM::ManagedPolicy\n    Properties: {PolicyDocument: {}}\n")
            #expect(check(text) == [], "\(arn)")
        }
        let sub = vpcFunction(role: "      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']")
        #expect(check(sub) == [missing(Self.all)])
        #expect(check(sub, ValidationSettings(region: "cn-north-1")) == [missing(Self.all)])
    }

    @Test func statementsWildcardsAndDeny() {
        func inline(_ statement: String) -> String {
            vpcFunction(role: "      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement: \(statement)")
        }
        #expect(check(inline("[{Effect: Allow, Action: ['ec2:Create*', 'EC2:describenetworkinterfaces'], Resource: '*'}]"))
                == [missing("ec2:DeleteNetworkInterface")])
        #expect(check(inline("{Effect: Allow, Action: 'ec2:*', Resource: '*'}")) == [])
        #expect(check(inline("{Effect: Allow, Action: '*', Resource: '*'}")) == [])
        #expect(check(inline("{Effect: Allow, Action: 'ec2:?reateNetworkInterface', Resource: '*'}"))
                == [missing("ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface")])
        #expect(check(inline("{Effect: Deny, Action: 'ec2:*', Resource: '*'}")) == [missing(Self.all)])
        #expect(check(inline("{Effect: Allow, Action: 's3:GetObject', Resource: '*'}")) == [missing(Self.all)])
        // Not known: NotAction, an action from a parameter, a document written as JSON text.
        #expect(check(inline("{Effect: Allow, NotAction: 'iam:*', Resource: '*'}")) == [])
        #expect(check(inline("{Effect: Allow, Action: !Ref Stage, Resource: '*'}")) == [])
        #expect(check(vpcFunction(role: "      Policies: [{PolicyName: p, PolicyDocument: '{\"Statement\": []}'}]")) == [])
    }

    @Test func policiesAttachedToTheRole() {
        let eni = "PolicyDocument: {Statement: {Effect: Allow, Action: 'ec2:*NetworkInterface*', Resource: '*'}}"
        let logs = "PolicyDocument: {Statement: {Effect: Allow, Action: 'logs:*', Resource: '*'}}"
        #expect(check(vpcFunction(role: "", "  P:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyName: p, Roles: [!Ref Role], \(eni)}\n")) == [])
        #expect(check(vpcFunction(role: "", "  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties: {Roles: [!Ref Role], \(eni)}\n")) == [])
        #expect(check(vpcFunction(role: "", "  P:\n    Type: AWS::IAM::RolePolicy\n    Properties: {PolicyName: p, RoleName: !Ref Role, \(eni)}\n")) == [])
        #expect(check(vpcFunction(role: "", "  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties: {Roles: [!Ref Role], \(logs)}\n"))
                == [missing(Self.all)])
        // By name: the role's RoleName, another name, or a role whose name CloudFormation generates.
        let named = vpcFunction(role: "      RoleName: fn-role", "  P:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyName: p, Roles: [fn-role], \(eni)}\n")
        #expect(check(named) == [])
        #expect(check(named.replacingOccurrences(of: "Roles: [fn-role]", with: "Roles: [other-role]")) == [missing(Self.all)])
        #expect(check(named.replacingOccurrences(of: "      RoleName: fn-role", with: "")) == [missing(Self.all)])
        // Attached to another role of the template; to roles not known.
        let other = vpcFunction(role: "", "  Other:\n    Type: AWS::IAM::Role\n  P:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyName: p, Roles: [!Ref Other], \(eni)}\n")
        #expect(check(other) == [missing(Self.all)])
        #expect(check(other.replacingOccurrences(of: "Roles: [!Ref Other]", with: "Roles: [!ImportValue role-name]")) == [])
        #expect(check(other.replacingOccurrences(of: "Roles: [!Ref Other]", with: "Roles: !Split [',', !ImportValue role-names]")) == [])
    }

    @Test func conditions() {
        // The policy exists only in production.
        let policy = vpcFunction(role: "", """
              P:
                Type: AWS::IAM::Policy
                Condition: IsProd
                Properties: {PolicyName: p, Roles: [!Ref Role], PolicyDocument: {Statement: {Effect: Allow, Action: 'ec2:*', Resource: '*'}}}

            """)
        #expect(check(policy) == [missing(Self.all, " (when not IsProd)")])
        // The managed policy in production, the ENI statement otherwise: covered both ways.
        let both = vpcFunction(role: """
                  ManagedPolicyArns: !If [IsProd, [arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole], []]
                  Policies:
                    - !If
                      - IsProd
                      - !Ref AWS::NoValue
                      - {PolicyName: p, PolicyDocument: {Statement: {Effect: Allow, Action: 'ec2:*', Resource: '*'}}}
            """)
        #expect(check(both) == [])
        #expect(check(both.replacingOccurrences(of: "'ec2:*'", with: "'ec2:Describe*'")) == [missing(
            "ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface", " (when not IsProd)")])
        // The role exists in production only: judged there, the function's Role is wrong otherwise.
        let conditionalRole = vpcFunction(role: "", condition: "\n    Condition: IsProd")
        #expect(check(conditionalRole) == [missing(Self.all, " (when IsProd)")])
    }

    @Test func rolesThatAreNotJudged() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Stack.Outputs.RoleArn
                  VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}
              Imported:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !ImportValue role-arn
                  VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}
              Stack:
                Type: AWS::CloudFormation::Stack

            """
        #expect(check(text) == [])
    }
}
