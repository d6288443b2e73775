import CFNCore
import Testing

/// A template with the layer version `Layer` (its S3Key, and attributes such as UpdateReplacePolicy)
/// and the resources that follow.
func sharedLayer(key: String = "deps-1.zip", attributes: String = "", _ resources: String = "", prefix: String = "") -> String {
    prefix + """
        Resources:
          Layer:
            Type: AWS::Lambda::LayerVersion\(attributes)
            Properties: {LayerName: deps, Content: {S3Bucket: b, S3Key: \(key)}}

        """ + resources
}

let accountShare = """
      Share:
        Type: AWS::Lambda::LayerVersionPermission
        Properties: {Action: lambda:GetLayerVersion, Principal: '111122223333', LayerVersionArn: !Ref Layer}

    """

let organizationShare = """
      OrgShare:
        Type: AWS::Lambda::LayerVersionPermission
        Properties: {Action: lambda:GetLayerVersion, Principal: '*', OrganizationId: o-a1b2c3d4e5, LayerVersionArn: !Ref Layer}

    """

let publicShare = """
      Public:
        Type: AWS::Lambda::LayerVersionPermission
        Properties: {Action: lambda:GetLayerVersion, Principal: '*', LayerVersionArn: !Ref Layer}

    """

@Suite struct LayerSharingPlanTests {
    func findings(_ base: String?, _ head: String, head headSettings: ValidationSettings = ValidationSettings()) throws -> [String] {
        let pair = try PlanInputPair(base, head, head: headSettings)
        return pair.describe(LayerSharingPlanner(base: pair.base, head: pair.head).findings(changes: pair.changes))
    }

    static let madePublic = "this plan makes layer version Layer public: Principal '*' without OrganizationId lets every AWS account use it and read its content (BASE did not share it with every account); add OrganizationId to share it only with your organization, or name an account, unless it is meant to be public"

    @Test func aNewPublicPermissionIsAWarning() throws {
        #expect(try findings(sharedLayer(accountShare), sharedLayer(accountShare + publicShare)) == [
            "10:61 plan.layer-public Public Resources/Public/Properties/Principal: \(Self.madePublic)",
        ])
        #expect(try findings(nil, sharedLayer(publicShare)) == [
            "7:61 plan.layer-public Public Resources/Public/Properties/Principal: \(Self.madePublic)",
        ])
    }

    @Test func aPermissionChangedToPublicIsAWarning() throws {
        let head = sharedLayer(organizationShare.replacingOccurrences(of: " OrganizationId: o-a1b2c3d4e5,", with: ""))
        #expect(try findings(sharedLayer(organizationShare), head) == [
            "7:61 plan.layer-public OrgShare Resources/OrgShare/Properties/Principal: \(Self.madePublic)",
        ])
    }

    @Test func aLayerThatWasPublicIsNotNewlyPublic() throws {
        // The same permission under another logical ID.
        let renamed = sharedLayer(publicShare.replacingOccurrences(of: "Public:", with: "Everyone:"))
        #expect(try findings(sharedLayer(publicShare), renamed) == [])
        // Shared with an organization, or with an account: not public.
        #expect(try findings(nil, sharedLayer(organizationShare + accountShare)) == [])
    }

    @Test func aPublicGrantUnderAConditionNotKnownIsReportedWithIt() throws {
        let prefix = """
            Parameters:
              Stage: {Type: String, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]

            """
        let head = sharedLayer(organizationShare.replacingOccurrences(
            of: "OrganizationId: o-a1b2c3d4e5", with: "OrganizationId: !If [IsProd, o-a1b2c3d4e5, !Ref AWS::NoValue]"), prefix: prefix)
        #expect(try findings(sharedLayer(organizationShare, prefix: prefix), head) == [
            "11:61 plan.layer-public OrgShare Resources/OrgShare/Properties/Principal: \(Self.madePublic) (when not IsProd)",
        ])
        #expect(try findings(sharedLayer(organizationShare, prefix: prefix), head, head: ValidationSettings(parameters: ["Stage": "prod"])) == [])
    }

    @Test func replacingASharedLayerDeletesTheVersionAndItsPermissions() throws {
        let base = sharedLayer(accountShare + organizationShare)
        let head = sharedLayer(key: "deps-2.zip", accountShare + organizationShare)
        #expect(try findings(base, head) == [
            "2:3 plan.layer-shared-replaced Layer Resources/Layer: Layer is replaced: CloudFormation publishes a new version and deletes the version deployed now, and with it the permissions on it: account 111122223333 (Share) and organization o-a1b2c3d4e5 (OrgShare) can no longer add the version deployed now to their functions (those already using it keep it: Lambda keeps a deleted layer version's copy while a function refers to it); to keep it usable, set UpdateReplacePolicy: Retain on Layer and on its LayerVersionPermissions. The new version is shared with account 111122223333 (Share) and organization o-a1b2c3d4e5 (OrgShare)",
        ])
        // HEAD no longer shares the layer.
        #expect(try findings(sharedLayer(accountShare), sharedLayer(key: "deps-2.zip")) == [
            "2:3 plan.layer-shared-replaced Layer Resources/Layer: Layer is replaced: CloudFormation publishes a new version and deletes the version deployed now, and with it the permissions on it: account 111122223333 (Share) can no longer add the version deployed now to their functions (those already using it keep it: Lambda keeps a deleted layer version's copy while a function refers to it); to keep it usable, set UpdateReplacePolicy: Retain on Layer and on its LayerVersionPermissions. The new version is shared with no one: no LayerVersionPermission in HEAD refers to Layer",
        ])
    }

    @Test func aRetainedLayerVersionStillLosesTheStatementsOfReplacedPermissions() throws {
        let retain = "\n    UpdateReplacePolicy: Retain\n    DeletionPolicy: Retain"
        let base = sharedLayer(attributes: retain, accountShare + organizationShare)
        let head = sharedLayer(key: "deps-2.zip", attributes: retain, accountShare + organizationShare)
        #expect(try findings(base, head) == [
            "2:3 plan.layer-shared-replaced Layer Resources/Layer: Layer is replaced and keeps the version deployed now (UpdateReplacePolicy: Retain), but replacing or deleting its LayerVersionPermissions removes their statements from that version: account 111122223333 (Share) and organization o-a1b2c3d4e5 (OrgShare) can no longer add it to their functions (those already using it keep it); to keep it shared, set UpdateReplacePolicy: Retain on OrgShare and Share. The new version is shared with account 111122223333 (Share) and organization o-a1b2c3d4e5 (OrgShare)",
        ])
        // Retaining a permission keeps its statement on the retained version.
        let retainedShare = accountShare.replacingOccurrences(of: "    Properties:", with: "    UpdateReplacePolicy: Retain\n    Properties:")
        #expect(try findings(sharedLayer(attributes: retain, retainedShare + organizationShare),
                             sharedLayer(key: "deps-2.zip", attributes: retain, retainedShare + organizationShare)) == [
            "2:3 plan.layer-shared-replaced Layer Resources/Layer: Layer is replaced and keeps the version deployed now (UpdateReplacePolicy: Retain), but replacing or deleting its LayerVersionPermissions removes their statements from that version: organization o-a1b2c3d4e5 (OrgShare) can no longer add it to their functions (those already using it keep it); to keep it shared, set UpdateReplacePolicy: Retain on OrgShare. The new version is shared with account 111122223333 (Share) and organization o-a1b2c3d4e5 (OrgShare)",
        ])
        // A removed permission's statement goes with it, unless BASE gave it DeletionPolicy: Retain.
        #expect(try findings(sharedLayer(attributes: retain, retainedShare + organizationShare),
                             sharedLayer(key: "deps-2.zip", attributes: retain, retainedShare)) == [
            "2:3 plan.layer-shared-replaced Layer Resources/Layer: Layer is replaced and keeps the version deployed now (UpdateReplacePolicy: Retain), but replacing or deleting its LayerVersionPermissions removes their statements from that version: organization o-a1b2c3d4e5 (OrgShare) can no longer add it to their functions (those already using it keep it); to keep it shared, keep OrgShare in the template until a deployment has given it DeletionPolicy: Retain. The new version is shared with account 111122223333 (Share)",
        ])
        let keptOrg = organizationShare.replacingOccurrences(of: "    Properties:", with: "    DeletionPolicy: Retain\n    Properties:")
        #expect(try findings(sharedLayer(attributes: retain, retainedShare + keptOrg),
                             sharedLayer(key: "deps-2.zip", attributes: retain, retainedShare)) == [])
        // Everything retained: nobody loses the right to add it.
        let retainedOrg = organizationShare.replacingOccurrences(of: "    Properties:", with: "    UpdateReplacePolicy: Retain\n    Properties:")
        #expect(try findings(sharedLayer(attributes: retain, retainedShare + retainedOrg),
                             sharedLayer(key: "deps-2.zip", attributes: retain, retainedShare + retainedOrg)) == [])
    }

    @Test func anUnsharedOrUnchangedLayerIsNotReported() throws {
        #expect(try findings(sharedLayer(), sharedLayer(key: "deps-2.zip")) == [])
        #expect(try findings(sharedLayer(accountShare), sharedLayer(accountShare)) == [])
    }
}
