import CFNCore
import CFNLoader
import Testing

/// A layer version permission with the given properties, a layer version, a function and IsProd.
func layerPermission(_ properties: String) -> String {
    """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, prod]}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
    Resources:
      Layer:
        Type: AWS::Lambda::LayerVersion
      Fn:
        Type: AWS::Lambda::Function
      Share:
        Type: AWS::Lambda::LayerVersionPermission
        Properties:
    \(properties)

    """
}

@Suite struct LayerPermissionRuleTests {
    @Test func messages() {
        let text = layerPermission("""
                  Action: lambda:GetLayerVersions
                  Principal: lambda.amazonaws.com
                  OrganizationId: o-123
                  LayerVersionArn: arn:aws:lambda:us-east-1:123456789012:function:orders
            """)
        #expect(LayerPermissionRule().located(text) == [
            "13:15 Action 'lambda:GetLayerVersions' is not allowed in a layer version permission; the only action is lambda:GetLayerVersion",
            "14:18 Principal 'lambda.amazonaws.com' is not an account ID (123456789012), an account root ARN (arn:aws:iam::123456789012:root) or '*'",
            "15:23 OrganizationId 'o-123' is not an organization ID: o- followed by 10 to 32 lowercase letters or digits (o-a1b2c3d4e5)",
            "16:24 LayerVersionArn 'arn:aws:lambda:us-east-1:123456789012:function:orders' is not a layer version ARN (arn:<partition>:lambda:<region>:<account-id>:layer:<name>:<version>)",
        ])
        let references = layerPermission("""
                  Action: lambda:GetLayerVersion
                  Principal: arn:aws:iam::123456789012:role/deployer
                  LayerVersionArn: !If [IsProd, !Ref Fn, 'arn:aws:lambda:us-east-1:123456789012:layer:shared']
            """)
        #expect(LayerPermissionRule().located(references) == [
            "14:18 Principal 'arn:aws:iam::123456789012:role/deployer' is not an account: a layer version is shared with whole accounts, not with users or roles; use an account ID (123456789012), an account root ARN (arn:aws:iam::123456789012:root) or '*'",
            "15:37 !Ref Fn gives the function's name, not a layer version ARN; use !Ref of an AWS::Lambda::LayerVersion (when IsProd)",
            "15:46 LayerVersionArn 'arn:aws:lambda:us-east-1:123456789012:layer:shared' names a layer without a version; a permission applies to one layer version: add ':<version>' (when not IsProd)",
        ])
    }

    @Test func organizationOnlyWithEveryone() {
        let text = layerPermission("""
                  Action: lambda:GetLayerVersion
                  Principal: !If [IsProd, '123456789012', '*']
                  OrganizationId: o-t194hfs8cz
                  LayerVersionArn: !Ref Layer
            """)
        #expect(LayerPermissionRule().located(text) == [
            "15:23 OrganizationId applies only when Principal is '*'; Principal '123456789012' names one account: remove OrganizationId, or set Principal to '*' to share the layer version with the organization (when IsProd)",
        ])
        #expect(PublicLayerPermissionRule().located(text) == [])
    }

    @Test func publicWarning() {
        let text = layerPermission("""
                  Action: lambda:GetLayerVersion
                  Principal: '*'
                  OrganizationId: !If [IsProd, o-t194hfs8cz, !Ref AWS::NoValue]
                  LayerVersionArn: !Ref Layer
            """)
        let report = Validator(rules: [PublicLayerPermissionRule()], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        #expect(report.findings.map(\.severity) == [.warning])
        #expect(PublicLayerPermissionRule().located(text) == [
            "14:18 Principal '*' without OrganizationId lets any AWS account use this layer version; add OrganizationId to share it only with your organization, or name an account (when not IsProd)",
        ])
        #expect(LayerPermissionRule().located(text) == [])
    }
}
