/// Rules of `cfn-lambda plan` about who may use the template's layer versions.
public enum PlanSharingRules {
    public static let layerPublic = RuleDescriptor(
        id: "plan.layer-public", severity: .warning,
        summary: "The plan makes a layer version public",
        explanation: "A LayerVersionPermission with Principal * and no OrganizationId grants lambda:GetLayerVersion to every AWS account: anyone can add the layer version to their functions and download its content (seed lambda-resource-based-policies.txt). Reported when HEAD has such a grant on a layer version that BASE did not certainly share with every account: a new permission, or one changed to public. A layer version of the template is the same layer in BASE and HEAD even when the plan replaces it. Grants that depend on conditions not known are reported with their conditions.")

    public static let layerSharedReplaced = RuleDescriptor(
        id: "plan.layer-shared-replaced", severity: .info,
        summary: "A shared layer version is replaced: the accounts it was shared with can no longer add the version deployed now to their functions",
        explanation: "Permissions belong to one layer version: \"Permissions apply only to a single layer version. Repeat the process each time that you create a new layer version\" (seed lambda-resource-based-policies.txt); a new version has no policy until a permission is added to it (seed sharing-lambda-layers.txt). Replacing an AWS::Lambda::LayerVersion publishes a new version and, after the update, deletes the old one with its permissions, unless its UpdateReplacePolicy is Retain. Even a retained old version loses the statements of its LayerVersionPermissions: they are replaced (their LayerVersionArn changes) or deleted with the update, which removes their statements, unless they are retained too (UpdateReplacePolicy and DeletionPolicy Retain). A deleted layer version stays usable by the functions that already use it (Lambda API reference, DeleteLayerVersion: \"a copy of the version remains in Lambda until no functions refer to it\"), so what the other accounts lose is adding that version to a function. The finding names each account or organization that can no longer add it, with its permission, and who the new version is shared with.")

    public static let all: [RuleDescriptor] = [layerPublic, layerSharedReplaced]
}
