/// `FileSystemConfigs` on a function that is not connected to a VPC.
public struct FileSystemVpcRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.file-system-vpc", severity: .error,
        summary: "FileSystemConfigs on a function without VPC subnets",
        explanation: "A function reaches a file system through the file system's mount targets in a VPC, so a function with FileSystemConfigs must be connected to that VPC with the SubnetIds and SecurityGroupIds of its VpcConfig (Lambda Developer Guide, 'Configuring file system access for Lambda functions': create a mount target in every Availability Zone that the function connects to; the execution role needs the permissions required to connect to the file system's VPC). Reported when the function has FileSystemConfigs while VpcConfig is absent or its SubnetIds are empty; subnets that are not known are not judged.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FileSystemConfigs:\n        ↓- Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0\n          LocalMountPath: /mnt/data\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: {SubnetIds: [], SecurityGroupIds: []}\n      FileSystemConfigs: ↓[{Arn: !Ref AccessPointArn, LocalMountPath: /mnt/data}]\nParameters:\n  AccessPointArn: {Type: String}\n",
        ],
        nonTriggering: [
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n      FileSystemConfigs:\n        - Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0\n          LocalMountPath: /mnt/data\n",
            "Parameters:\n  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: {SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-1]}\n      FileSystemConfigs: [{Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0, LocalMountPath: /mnt/data}]\n  NoFiles:\n    Type: AWS::Lambda::Function\n    Properties:\n      FileSystemConfigs: []\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig: !If [IsProd, {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}, !Ref AWS::NoValue]\n      FileSystemConfigs: !If [IsProd, [{Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0, LocalMountPath: /mnt/data}], []]\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for function in context.lambda.functions {
            // Without a FileSystemConfigs list with elements in any alternative, nothing is mounted.
            guard context.reachesElements(function.resource, "FileSystemConfigs") else { continue }
            let fileSystems = context.listAlternatives(function.resource, path: ["FileSystemConfigs"])
            // Subnets matter only where a file system is mounted (most functions mount none).
            guard fileSystems.contains(where: { $0.items?.isEmpty == false }) else { continue }
            let subnets = context.listAlternatives(function.resource, path: ["VpcConfig", "SubnetIds"])
            for fileSystem in fileSystems {
                guard let mounts = fileSystem.items, !mounts.isEmpty else { continue }
                for subnet in subnets where subnet.items?.isEmpty == true {
                    let conditions = fileSystem.guardCondition.and(subnet.guardCondition)
                    guard context.conditionSet.isSatisfiable(conditions) else { continue }
                    collected.add("FileSystemConfigs mounts a file system, but the function has no VPC subnets; Lambda reaches a file system through its mount targets in a VPC: add VpcConfig with SubnetIds and SecurityGroupIds in the file system's VPC",
                                  at: fileSystem.value?.node, in: function.resource, path: ["Properties", "FileSystemConfigs"],
                                  when: conditions)
                }
            }
        }
        return collected.findings(Self.descriptor, context)
    }
}
