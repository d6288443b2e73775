import CFNLoader

/// Two functions of the template with the same `FunctionName` that can exist together.
public struct FunctionNameUniqueRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.function-name-unique", severity: .error, summary: "Two functions with the same FunctionName",
        explanation: "A function's name is unique in its account and region, so two functions of one template cannot have the same FunctionName: the second fails to create. Names are compared when known (literal, or built from known values); two functions are reported when their names are equal under conditions that can hold together, including each function's own Condition. Leave FunctionName out to let CloudFormation generate unique names, or make the names differ, e.g. with ${AWS::StackName}.")

    public static let examples = RuleExamples(
        triggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Orders:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: orders
              OrdersV2:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: ↓orders
              Canary:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !If [IsProd, ↓orders, orders-canary]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsDev: !Equals [!Ref Stage, dev]
            Resources:
              Orders:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties:
                  FunctionName: orders
              OrdersDev:
                Type: AWS::Lambda::Function
                Condition: IsDev
                Properties:
                  FunctionName: orders
              Generated:
                Type: AWS::Lambda::Function
              Other:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
            """,
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // The names of the functions before this one, by name: one lookup per name, not a scan.
        var earlier: [String: [(function: LambdaFunction, guardCondition: Guard)]] = [:]
        for function in context.lambda.functions {
            var names: [(Guard, String)] = []
            var reported: Set<NodeID> = []
            for reached in context.reachable(function.resource, "FunctionName") {
                guard let value = reached.value, let name = value.text else { continue }
                names.append((reached.guardCondition, name))
                let node = value.node
                if let node, reported.contains(node) { continue }
                for other in earlier[name] ?? [] {
                    let both = other.guardCondition.and(reached.guardCondition)
                    guard context.conditionSet.isSatisfiable(both) else { continue }
                    if let node { reported.insert(node) }
                    let message = "FunctionName '\(name)' is also the name of function \(other.function.logicalId); function names are unique in an account and region: rename one, or leave FunctionName out to get a generated name"
                    findings.append(context.locatedFinding(Self.descriptor, both.annotate(message), at: node,
                                                           in: function.resource, fallbackPath: ["Properties", "FunctionName"]))
                    break
                }
            }
            for (guardCondition, name) in names { earlier[name, default: []].append((function, guardCondition)) }
        }
        return findings
    }
}
