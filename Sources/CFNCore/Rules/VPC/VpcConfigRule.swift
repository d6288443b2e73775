/// `VpcConfig` that Lambda rejects: subnets without security groups or the reverse, more than 16
/// subnets, more than 5 security groups.
public struct VpcConfigRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.vpc-config", severity: .error,
        summary: "VpcConfig with subnets but no security groups (or the reverse), or too many of either",
        explanation: "Lambda connects a function to a VPC through the subnets and security groups of its VpcConfig, and rejects one list without the other (\"SubnetIds and SecurityGroupIds must coexist or be both empty list\"); both empty disconnects the function (seed lambda-vpc-configuration.txt). A missing list counts as empty. The CloudFormation schema (schemas/resources/aws-lambda-function.json) allows at most 16 SubnetIds and 5 SecurityGroupIds. A list given by a List<…> or CommaDelimitedList parameter with a known value counts its items; lists whose items are not known are not judged.",
        restates: ["schema.items"])

    public static let maximumSubnets = 16
    public static let maximumSecurityGroups = 5

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n        SecurityGroupIds: ↓[]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: ↓[subnet-1]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SecurityGroupIds: ↓[sg-1]\n",
            "Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n    Default: s1,s2,s3,s4,s5,s6,s7,s8,s9,s10,s11,s12,s13,s14,s15,s16,s17\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: ↓!Ref Subnets\n        SecurityGroupIds: ↓[sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: [subnet-1]\n        SecurityGroupIds:\n          ↓- !If [IsProd, sg-1, !Ref AWS::NoValue]\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n        SecurityGroupIds: [sg-1]\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: {SubnetIds: [], SecurityGroupIds: []}\n  Other:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: {}\n",
            "Parameters:\n  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}\n  Groups: {Type: CommaDelimitedList}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: !Ref Subnets\n        SecurityGroupIds: !Ref Groups\n  Imported:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SubnetIds: !Split [',', !ImportValue Subnets]\n        SecurityGroupIds: [sg-1]\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: !If\n        - IsProd\n        - {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n        - !Ref AWS::NoValue\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for function in context.lambda.functions {
            if Self.fitsWithoutChoices(function, context) { continue }
            let subnets = context.listAlternatives(function.resource, path: ["VpcConfig", "SubnetIds"])
            let groups = context.listAlternatives(function.resource, path: ["VpcConfig", "SecurityGroupIds"])
            let subnetPath = ["Properties", "VpcConfig", "SubnetIds"]
            let groupPath = ["Properties", "VpcConfig", "SecurityGroupIds"]
            for subnet in subnets {
                if let count = subnet.items?.count, count > Self.maximumSubnets {
                    collected.add("VpcConfig.SubnetIds lists \(count) subnets; a function can use at most \(Self.maximumSubnets)",
                                  at: subnet.value?.node, in: function.resource, path: subnetPath, when: subnet.guardCondition)
                }
            }
            for group in groups {
                if let count = group.items?.count, count > Self.maximumSecurityGroups {
                    collected.add("VpcConfig.SecurityGroupIds lists \(count) security groups; a function can use at most \(Self.maximumSecurityGroups)",
                                  at: group.value?.node, in: function.resource, path: groupPath, when: group.guardCondition)
                }
            }
            for subnet in subnets {
                guard let subnetItems = subnet.items else { continue }
                for group in groups {
                    guard let groupItems = group.items, subnetItems.isEmpty != groupItems.isEmpty else { continue }
                    let conditions = subnet.guardCondition.and(group.guardCondition)
                    guard context.conditionSet.isSatisfiable(conditions) else { continue }
                    let (listed, missing) = subnetItems.isEmpty ? ("SecurityGroupIds", "SubnetIds") : ("SubnetIds", "SecurityGroupIds")
                    let (present, empty) = subnetItems.isEmpty ? (group, subnet) : (subnet, group)
                    let advice = "Lambda needs both lists to connect the function to a VPC: add \(missing), or empty both to leave the VPC"
                    if let emptyList = empty.value {
                        collected.add("VpcConfig.\(missing) is empty but \(listed) is not; \(advice)", at: emptyList.node,
                                      in: function.resource, path: ["Properties", "VpcConfig", missing], when: conditions)
                    } else {
                        collected.add("VpcConfig has \(listed) but no \(missing); \(advice)", at: present.value?.node,
                                      in: function.resource, path: ["Properties", "VpcConfig", listed], when: conditions)
                    }
                }
            }
        }
        return collected.findings(Self.descriptor, context)
    }

    /// Whether the function's VpcConfig, one mapping or none, without `Fn::If` in its lists or
    /// their elements, is one `check` finds nothing in: lists within the limits, and either both
    /// empty (or absent) or both listing something (or not known). Decided in one pass before the
    /// list alternatives are built; anything else is left to `check`.
    static func fitsWithoutChoices(_ function: LambdaFunction, _ context: RuleContext) -> Bool {
        let reached = context.reachable(function.resource, "VpcConfig")
        guard reached.count == 1 else { return reached.isEmpty }
        guard let vpcConfig = reached[0].value else { return true }
        // The number of items of a list as `listAlternatives` counts them: absent is empty, a value
        // that is not a known list is not counted (nil), and a choice leaves the decision to `check`.
        func count(_ key: String) -> Int?? {
            guard let value = vpcConfig[key] else { return .some(0) }
            if case .choice = value.kind { return nil }
            guard let elements = value.elements else { return .some(nil) }
            for element in elements {
                switch element.kind {
                case .choice, .noValue: return nil
                case .scalar, .list, .map, .unknown: continue
                }
            }
            return .some(elements.count)
        }
        guard vpcConfig.entries != nil, let subnets = count("SubnetIds"), let groups = count("SecurityGroupIds") else { return false }
        if let subnets, subnets > maximumSubnets { return false }
        if let groups, groups > maximumSecurityGroups { return false }
        if let subnets, let groups, (subnets == 0) != (groups == 0) { return false }
        return true
    }
}
