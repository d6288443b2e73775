import CFNLoader

/// A function `MemorySize` outside 128–10240 MB (up to 32768 MB with `CapacityProviderConfig`).
public struct MemorySizeRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.memory-size", severity: .error, summary: "MemorySize outside what Lambda allows",
        explanation: "A function's MemorySize is 128 to 10240 MB. Functions on Lambda Managed Instances (with CapacityProviderConfig) can have up to 32768 MB, the AWS::Lambda::Function schema's maximum. Plain and quoted numbers are judged; values not known before deployment are not; a value above 10240 is reported where CapacityProviderConfig can be absent at the same time.",
        restates: ["schema.range"])

    public static let minimum = 128
    public static let maximum = 10240
    public static let managedInstancesMaximum = 32768

    public static let examples = RuleExamples(
        triggering: [
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: ↓20000
              Small:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: ↓"64"
              Managed:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: ↓40000
                  CapacityProviderConfig:
                    LambdaManagedInstancesCapacityProviderConfig:
                      CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:main
            """,
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              OnInstances: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: ↓16384
                  CapacityProviderConfig: !If
                    - OnInstances
                    - LambdaManagedInstancesCapacityProviderConfig:
                        CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:main
                    - !Ref AWS::NoValue
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
              Memory: {Type: Number}
            Conditions:
              OnInstances: !Equals [!Ref Stage, prod]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: 10240
              Managed:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: "32768"
                  CapacityProviderConfig:
                    LambdaManagedInstancesCapacityProviderConfig:
                      CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:main
              Both:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: !If [OnInstances, 16384, 1024]
                  CapacityProviderConfig: !If
                    - OnInstances
                    - LambdaManagedInstancesCapacityProviderConfig:
                        CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:main
                    - !Ref AWS::NoValue
              Unknown:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: !Ref Memory
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for function in context.lambda.functions {
            var reported: Set<NodeID> = []
            let capacity = context.reachable(function.resource, "CapacityProviderConfig")
            for reached in context.reachable(function.resource, "MemorySize") {
                guard let value = reached.value, let text = value.text, let number = LimitNumber.parse(text),
                      let (message, conditions) = problem(text, number, reached.guardCondition, capacity, context) else { continue }
                if let node = value.node {
                    guard reported.insert(node).inserted else { continue }
                }
                findings.append(context.locatedFinding(Self.descriptor, conditions.annotate(message), at: value.node,
                                                       in: function.resource, fallbackPath: ["Properties", "MemorySize"]))
            }
        }
        return findings
    }

    func problem(_ text: String, _ number: Double, _ conditions: Guard, _ capacity: GuardedAlternatives,
                 _ context: RuleContext) -> (String, Guard)? {
        if number < Double(Self.minimum) {
            return ("MemorySize \(text) is below Lambda's minimum of \(Self.minimum) MB; set at least \(Self.minimum)", conditions)
        }
        guard number > Double(Self.maximum) else { return nil }
        for (capacityGuard, config) in capacity {
            let limit = config == nil ? Self.maximum : Self.managedInstancesMaximum
            guard number > Double(limit) else { continue }
            let both = conditions.and(capacityGuard)
            guard context.conditionSet.isSatisfiable(both) else { continue }
            if config == nil {
                return ("MemorySize \(text) is above Lambda's maximum of \(Self.maximum) MB; set at most \(Self.maximum), or run the function on Lambda Managed Instances (CapacityProviderConfig), which allow up to \(Self.managedInstancesMaximum) MB", both)
            }
            return ("MemorySize \(text) is above Lambda's maximum of \(Self.managedInstancesMaximum) MB for Lambda Managed Instances; set at most \(Self.managedInstancesMaximum)", both)
        }
        return nil
    }
}
