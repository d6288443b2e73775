/// A function connected to VPC subnets whose execution role, declared in the template, cannot
/// create, describe and delete network interfaces.
public struct VpcExecutionRoleRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.vpc-execution-role", severity: .error,
        summary: "A VPC function's execution role lacks the network interface permissions",
        explanation: "To connect a function to a VPC, Lambda uses the function's execution role to create and manage network interfaces; the role must allow ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces and ec2:DeleteNetworkInterface, which the AWS managed policy AWSLambdaVPCAccessExecutionRole includes (seed lambda-vpc-configuration.txt; AWSLambdaENIManagementAccess includes them too). Judged when the function has VPC subnets and its Role is !GetAtt <Role>.Arn of an AWS::IAM::Role in the template: the role's inline Policies, its ManagedPolicyArns, and AWS::IAM::Policy, AWS::IAM::ManagedPolicy and AWS::IAM::RolePolicy resources attached to it count, with wildcards such as ec2:* and *; Deny statements grant nothing. The actions of AWS managed policies are those the AWS Managed Policy Reference Guide publishes for AWSLambdaVPCAccessExecutionRole, AWSLambdaENIManagementAccess, AWSLambdaBasicExecutionRole, AWSXRayDaemonWriteAccess and AdministratorAccess. Reported only when the actions are provably missing: a customer managed policy, another AWS managed policy, NotAction, a role from outside the template or any value not known may grant them.")

    /// The execution role permissions Lambda needs for a VPC (seed lambda-vpc-configuration.txt).
    public static let requiredActions = ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"]

    static let header = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n"

    public static let examples = RuleExamples(
        triggering: [
            header + "      VpcConfig: ↓{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]\n",
            header + "      VpcConfig:\n        ↓SubnetIds: [subnet-1]\n        SecurityGroupIds: [sg-1]\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: eni\n          PolicyDocument:\n            Statement:\n              - {Effect: Allow, Action: ['ec2:CreateNetworkInterface', 'ec2:Describe*'], Resource: '*'}\n              - {Effect: Deny, Action: 'ec2:DeleteNetworkInterface', Resource: '*'}\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\n" + header + "      VpcConfig: ↓{SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n        - !If [IsProd, !Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole', !Ref AWS::NoValue]\n",
        ],
        nonTriggering: [
            header + "      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']\n",
            header + "      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  Role:\n    Type: AWS::IAM::Role\n  Eni:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: eni\n      Roles: [!Ref Role]\n      PolicyDocument:\n        Statement: {Effect: Allow, Action: 'ec2:*NetworkInterface*', Resource: '*'}\n",
            header + "      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::123456789012:policy/network]\n",
            header + "      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: all-but-iam\n          PolicyDocument:\n            Statement: [{Effect: Allow, NotAction: 'iam:*', Resource: '*'}]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: arn:aws:iam::123456789012:role/elsewhere\n      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n  NoVpc:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n      VpcConfig: {SubnetIds: [], SecurityGroupIds: []}\n  Role:\n    Type: AWS::IAM::Role\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        var grantsByRole: [String: [PermissionGrant]] = [:]
        for function in context.lambda.functions {
            // Without a SubnetIds list with elements in any alternative, the function is not connected.
            guard context.reachesElements(function.resource, "VpcConfig", "SubnetIds") else { continue }
            let connected = context.listAlternatives(function.resource, path: ["VpcConfig", "SubnetIds"])
                .filter { $0.items.map { !$0.isEmpty } ?? false }
            guard !connected.isEmpty else { continue }
            for role in context.reachable(function.resource, "Role") {
                guard case .unknown(let unknown)? = role.value?.kind, case .attribute(let name, "Arn")? = unknown.origin,
                      let roleResource = context.template.resource(named: name), roleResource.type == RuleContext.iamRoleType
                else { continue }
                let grants = grantsByRole[name] ?? context.permissionGrants(toRole: roleResource, actions: Self.requiredActions, attachments: context.policyAttachments)
                grantsByRole[name] = grants
                for subnets in connected {
                    let conditions = subnets.guardCondition.and(role.guardCondition).and(context.guardOf(roleResource))
                    guard context.conditionSet.isSatisfiable(conditions) else { continue }
                    var missing: [(Guard, [String])] = []
                    for action in Self.requiredActions {
                        let present = grants.filter { $0.actions.contains(action) }.map(\.guardCondition)
                        guard let absent = Self.absence(of: present, from: conditions, context.conditionSet) else { continue }
                        if let index = missing.firstIndex(where: { $0.0 == absent }) {
                            missing[index].1.append(action)
                        } else {
                            missing.append((absent, [action]))
                        }
                    }
                    for (absent, actions) in missing {
                        collected.add("execution role \(name) does not allow \(actions.joined(separator: ", ")), which Lambda needs to create the function's network interfaces in its VPC subnets; attach the AWS managed policy service-role/AWSLambdaVPCAccessExecutionRole to \(name) or allow these actions in its policies",
                                      at: function.vpcConfig?.node, in: function.resource, path: ["Properties", "VpcConfig"], when: absent)
                    }
                }
            }
        }
        return collected.findings(Self.descriptor, context)
    }

    /// A guard, implying `start` and satisfiable, under which none of the `present` guards holds; nil
    /// when none is found. Each guard that can still hold is falsified by negating one of its
    /// conditions, the first that keeps the whole satisfiable (a greedy search, not an enumeration:
    /// when it finds nothing, nothing is reported).
    static func absence(of present: [Guard], from start: Guard, _ conditions: ConditionSet) -> Guard? {
        var current = start
        for grant in present {
            guard conditions.isSatisfiable(current.and(grant)) else { continue }
            let candidates = grant.literals.filter { !current.literals.contains($0) }
                .map { current.and(ConditionLiteral($0.condition, holds: !$0.holds)) }
            guard let next = candidates.first(where: conditions.isSatisfiable) else { return nil }
            current = next
        }
        return current
    }
}
