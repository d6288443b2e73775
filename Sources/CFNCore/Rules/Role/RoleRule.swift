import CFNLoader

/// A function without `Role`, or with a `Role` that is not an IAM role ARN.
public struct RoleRule: FunctionRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.role", severity: .error,
        summary: "A function's Role is missing or is not an IAM role ARN",
        explanation: "Role is required on AWS::Lambda::Function and is the ARN of the execution role, arn:<partition>:iam::<account-id>:role/<path/name> (schemas/resources/aws-lambda-function.json: required and pattern). !GetAtt <Role>.Arn of an AWS::IAM::Role gives that ARN; !Ref of an AWS::IAM::Role gives the role's name, another attribute (RoleId) or another resource type gives something else. GetAtt of custom resources, nested stacks, types outside AWS:: and attributes named …RoleArn are not judged, nor are values not known. A missing Role is reported at the Properties key, or at the logical ID when there are no Properties.",
        restates: ["schema.required", "schema.pattern"])

    static let arnPattern = "arn:aws[a-zA-Z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[A-Za-z0-9_+=,.@-]+"
    static let namePattern = "[A-Za-z0-9_+=,.@-]+"
    private static let arn = SchemaPattern(whole: arnPattern)
    private static let name = SchemaPattern(whole: namePattern)

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  ↓Fn:\n    Type: AWS::Lambda::Function\n  Other:\n    Type: AWS::Lambda::Function\n    ↓Properties:\n      Runtime: python3.12\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ↓lambda-role\n  Arn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ↓arn:aws:iam::123456789012:user/developer\n",
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ↓!Ref Role\n  Id:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.↓RoleId\n  Profile:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Profile.↓Arn\n  Role:\n    Type: AWS::IAM::Role\n  Profile:\n    Type: AWS::IAM::InstanceProfile\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ↓!If [IsProd, !GetAtt Role.Arn, !Ref AWS::NoValue]\n  Role:\n    Type: AWS::IAM::Role\n",
        ],
        nonTriggering: [
            "Parameters:\n  RoleArn: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n  Literal:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: arn:aws-cn:iam::123456789012:role/service-role/lambda-role\n  Given:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !Ref RoleArn\n  Built:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Role}'\n  Imported:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !ImportValue shared-role-arn\n  Nested:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Stack.Outputs.RoleArn\n  Role:\n    Type: AWS::IAM::Role\n  Stack:\n    Type: AWS::CloudFormation::Stack\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for function in context.lambda.functions {
            for (conditions, value) in context.reachable(function.resource, "Role") {
                guard let value else {
                    let node = function.role?.node ?? function.resource.propertiesKey(in: context.tree)
                    collected.add("function \(function.logicalId) has no Role; every function needs an execution role: set Role to !GetAtt <Role>.Arn of an AWS::IAM::Role, or to an IAM role ARN",
                                  at: node, in: function.resource, path: ["Properties", "Role"],
                                  when: conditions)
                    continue
                }
                // The name of a parameter or resource written without !Ref is reference.missing-ref's.
                if let text = value.text, context.isWrittenLiterally(value, in: function.resource), context.declaredName(text) != nil { continue }
                guard let (message, node) = problem(value, context) else { continue }
                collected.add(message, at: node, in: function.resource, path: ["Properties", "Role"], when: conditions)
            }
        }
        return collected.findings(Self.descriptor, context)
    }

    /// What is wrong with a Role value, and where to report it; nil when it is right or not known.
    func problem(_ value: Resolved, _ context: RuleContext) -> (String, NodeID?)? {
        switch value.kind {
        case .scalar(let text, _):
            if Self.arn.flatMap({ $0.match(text) }) != false { return nil }
            let shown = value.node.map { context.tree.kind($0) == .intrinsic } == true ? "Role resolves to '\(text)', which" : "Role '\(text)'"
            if !text.hasPrefix("arn:"), Self.name.flatMap({ $0.match(text) }) == true {
                return ("\(shown) is a name, not an IAM role ARN; Lambda needs the role's ARN: arn:<partition>:iam::<account-id>:role/\(text), or !GetAtt <Role>.Arn for a role in this template", value.node)
            }
            return ("\(shown) is not an IAM role ARN (arn:<partition>:iam::<account-id>:role/<name>)", value.node)
        case .unknown(let unknown):
            switch unknown.origin {
            case .resource(let name)?:
                guard context.template.resource(named: name)?.type == RuleContext.iamRoleType else { return nil }
                return ("!Ref \(name) gives the role's name, not its ARN; use !GetAtt \(name).Arn", value.node)
            case .attribute(let name, let attribute)?:
                guard let type = context.template.resource(named: name)?.type else { return nil }
                if type == RuleContext.iamRoleType {
                    guard attribute != "Arn" else { return nil }
                    return ("!GetAtt \(name).\(attribute) is not the role's ARN; use !GetAtt \(name).Arn", attributeNode(value, context))
                }
                guard Self.isJudged(type: type, attribute: attribute) else { return nil }
                return ("!GetAtt \(name).\(attribute) is an attribute of \(name) (\(type)), not an IAM role ARN; use !GetAtt <Role>.Arn of an AWS::IAM::Role",
                        attributeNode(value, context))
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// Whether a GetAtt of this type and attribute is known not to be a role ARN: not for custom
    /// resources, nested stacks, types outside `AWS::`, or attributes named `…RoleArn`.
    static func isJudged(type: String, attribute: String) -> Bool {
        type.hasPrefix("AWS::") && type != "AWS::CloudFormation::Stack" && type != "AWS::CloudFormation::CustomResource"
            && !attribute.hasSuffix("RoleArn")
    }

    /// The attribute name's node of a `Fn::GetAtt` (where the wrong part is), else the value's node.
    func attributeNode(_ value: Resolved, _ context: RuleContext) -> NodeID? {
        guard let node = value.node, let (function, argument) = context.tree.intrinsic(node), function == .getAtt else { return value.node }
        let arguments = context.tree.elements(argument)
        return arguments.count == 2 ? arguments[arguments.startIndex + 1] : value.node
    }
}
