/// A layer version shared with every AWS account.
public struct PublicLayerPermissionRule: TemplateRule {
    public static let descriptor = RuleDescriptor(
        id: "lambda.layer-permission-public", severity: .warning,
        summary: "A layer version permission that lets any AWS account use the layer version",
        explanation: "Principal * without OrganizationId grants lambda:GetLayerVersion to all AWS accounts: anyone can add the layer version to their functions and download its content (seed lambda-resource-based-policies.txt: 'To grant permission to all AWS accounts, use * for the principal, and omit the organization ID'). Add OrganizationId to share it only with your organization, or name an account, unless the layer is meant to be public.")

    public static let examples = RuleExamples(
        triggering: [
            "Resources:\n  Share:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: ↓'*'\n      LayerVersionArn: !Ref Layer\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n",
            "Parameters:\n  Stage: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n  Share:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: ↓'*'\n      OrganizationId: !If [IsProd, o-t194hfs8cz, !Ref AWS::NoValue]\n      LayerVersionArn: !Ref Layer\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n",
        ],
        nonTriggering: [
            "Parameters:\n  Org: {Type: String}\nResources:\n  Organization:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '*'\n      OrganizationId: o-t194hfs8cz\n      LayerVersionArn: !Ref Layer\n  Given:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '*'\n      OrganizationId: !Ref Org\n      LayerVersionArn: !Ref Layer\n  Account:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      Action: lambda:GetLayerVersion\n      Principal: '123456789012'\n      LayerVersionArn: !Ref Layer\n  Layer:\n    Type: AWS::Lambda::LayerVersion\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var collected = GuardedFindings()
        for permission in context.lambda.layerVersionPermissions {
            let resource = permission.resource
            let organizations = context.reachable(resource, "OrganizationId")
            for (conditions, principal) in context.reachable(resource, "Principal") where principal?.text == "*" {
                for (organizationGuard, organization) in organizations where organization == nil {
                    let both = conditions.and(organizationGuard)
                    guard context.conditionSet.isSatisfiable(both) else { continue }
                    collected.add("Principal '*' without OrganizationId lets any AWS account use this layer version; add OrganizationId to share it only with your organization, or name an account",
                                  at: principal?.node, in: resource, path: ["Properties", "Principal"], when: both)
                }
            }
        }
        return collected.findings(Self.descriptor, context)
    }
}
