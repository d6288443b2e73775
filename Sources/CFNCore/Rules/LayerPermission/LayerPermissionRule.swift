import CFNLoader

/// An `AWS::Lambda::LayerVersionPermission` that Lambda rejects: another action, a principal that is
/// not an account, `OrganizationId` with a single account, or a target that is not a layer version.
public struct LayerPermissionRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-permission", severity: .error,
        summary: "A layer version permission with a wrong Action, Principal, OrganizationId or LayerVersionArn",
        explanation: "A layer version permission grants lambda:GetLayerVersion, its only action, to one account (a 12-digit account ID or its root ARN arn:<partition>:iam::<account-id>:root), to all accounts (*) or, with OrganizationId (o- and 10 to 32 lowercase letters or digits), to all accounts of an organization; OrganizationId applies only with Principal *. It applies to a single layer version, so LayerVersionArn is a layer version ARN arn:<partition>:lambda:<region>:<account-id>:layer:<name>:<version>: !Ref of an AWS::Lambda::LayerVersion gives it, while !Ref or !GetAtt of an AWS::Lambda::Function gives the function's name or ARN (seeds lambda-resource-based-policies.txt and sharing-lambda-layers.txt; schemas/resources/aws-lambda-layerversionpermission.json patterns). Values not known are not judged.",
        restates: ["schema.pattern"])

    static let action = "lambda:GetLayerVersion"
    static let accountPattern = "[0-9]{12}"
    static let rootPattern = "arn:aws[a-zA-Z-]*:iam::[0-9]{12}:root"
    static let organizationPattern = "o-[a-z0-9]{10,32}"
    static let layerArnPattern = "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:[0-9]{12}:layer:[a-zA-Z0-9_-]+"
    private static let account = SchemaPattern(whole: accountPattern)
    private static let root = SchemaPattern(whole: rootPattern)
    private static let organization = SchemaPattern(whole: organizationPattern)
    private static let layerArn = SchemaPattern(whole: layerArnPattern)
    private static let versionArn = SchemaPattern(whole: layerArnPattern + ":[0-9]+")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Share:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: ↓lambda:InvokeFunction\n      Principal: ↓arn:aws:iam::123456789012:user/developer\n      LayerVersionArn: !Ref Layer\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n",
            "Resources:\n  Share:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '123456789012'\n      OrganizationId: ↓o-a1b2c3d4e5\n      LayerVersionArn: ↓arn:aws:lambda:us-east-1:123456789012:layer:shared\n  Org:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '*'\n      OrganizationId: ↓O-Engineering\n      LayerVersionArn: ↓!GetAtt Fn.Arn\n  Fn:\n    Type: AWS::Lambda::Function\n",
            "Resources:\n  Share:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '123456789012'\n      LayerVersionArn: ↓!Ref Fn\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: orders\n",
        ],
        nonTriggering: [
            "Parameters:\n  Org: {Type: String}\nResources:\n  Account:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '123456789012'\n      LayerVersionArn: !Ref Layer\n  Root:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: arn:aws-us-gov:iam::123456789012:root\n      LayerVersionArn: arn:aws:lambda:us-east-2:123456789012:layer:my-layer:3\n  Organization:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '*'\n      OrganizationId: o-t194hfs8cz\n      LayerVersionArn: !GetAtt Layer.LayerVersionArn\n  Unknown:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: !Sub 'lambda:${AWS::Region}'\n      Principal: !Ref AWS::AccountId\n      OrganizationId: !Ref Org\n      LayerVersionArn: !ImportValue layer-arn\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for permission in context.lambda.layerVersionPermissions {
            let resource = permission.resource
            for (conditions, action) in context.reachable(resource, "Action") {
                guard let action, let text = action.text, text != Self.action else { continue }
                collected.add("Action '\(text)' is not allowed in a layer version permission; the only action is \(Self.action)",
                              at: action.node, in: resource, path: ["Properties", "Action"], when: conditions)
            }
            let organizations = context.reachable(resource, "OrganizationId")
            for (conditions, organization) in organizations {
                guard let organization, let text = organization.text,
                      Self.organization.flatMap({ $0.match(text) }) == false else { continue }
                collected.add("OrganizationId '\(text)' is not an organization ID: o- followed by 10 to 32 lowercase letters or digits (o-a1b2c3d4e5)",
                              at: organization.node, in: resource, path: ["Properties", "OrganizationId"], when: conditions)
            }
            for (conditions, principal) in context.reachable(resource, "Principal") {
                guard let principal, let text = principal.text else { continue }
                let isAccount = Self.account.flatMap({ $0.match(text) }) == true
                    || Self.root.flatMap({ $0.match(text) }) == true
                if !isAccount, text != "*" {
                    collected.add(principalProblem(text), at: principal.node, in: resource, path: ["Properties", "Principal"], when: conditions)
                }
                guard isAccount else { continue }
                for (organizationGuard, organization) in organizations {
                    guard let organization else { continue }
                    let both = conditions.and(organizationGuard)
                    guard context.conditionSet.isSatisfiable(both) else { continue }
                    collected.add("OrganizationId applies only when Principal is '*'; Principal '\(text)' names one account: remove OrganizationId, or set Principal to '*' to share the layer version with the organization",
                                  at: organization.node, in: resource, path: ["Properties", "OrganizationId"], when: both)
                }
            }
            for (conditions, target) in context.reachable(resource, "LayerVersionArn") {
                guard let target, let message = targetProblem(target, context) else { continue }
                collected.add(message, at: target.node, in: resource, path: ["Properties", "LayerVersionArn"], when: conditions)
            }
        }
        return collected.findings(Self.descriptor, context)
    }

    func principalProblem(_ text: String) -> String {
        let expected = "an account ID (123456789012), an account root ARN (arn:aws:iam::123456789012:root) or '*'"
        if text.hasPrefix("arn:"), text.contains(":iam::") {
            return "Principal '\(text)' is not an account: a layer version is shared with whole accounts, not with users or roles; use \(expected)"
        }
        return "Principal '\(text)' is not \(expected)"
    }

    /// What is wrong with a LayerVersionArn value; nil when it is right or not known.
    func targetProblem(_ target: Resolved, _ context: RuleContext) -> String? {
        if let node = target.node, let (function, argument) = context.tree.intrinsic(node) {
            let name: String? = switch function {
            case .ref: context.tree.string(argument)
            case .getAtt: context.tree.elements(argument).first.flatMap { context.tree.string($0) }
            default: nil
            }
            if let name, context.template.resource(named: name)?.type == LambdaFunction.type {
                let what = function == .ref ? "!Ref \(name) gives the function's name" : "!GetAtt \(name) is an attribute of the function"
                return "\(what), not a layer version ARN; use !Ref of an AWS::Lambda::LayerVersion"
            }
        }
        guard let text = target.text else { return nil }
        if Self.versionArn.flatMap({ $0.match(text) }) == true { return nil }
        if Self.layerArn.flatMap({ $0.match(text) }) == true {
            return "LayerVersionArn '\(text)' names a layer without a version; a permission applies to one layer version: add ':<version>'"
        }
        return "LayerVersionArn '\(text)' is not a layer version ARN (arn:<partition>:lambda:<region>:<account-id>:layer:<name>:<version>)"
    }
}
