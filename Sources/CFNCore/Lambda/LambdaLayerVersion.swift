/// An `AWS::Lambda::LayerVersion` after resolution.
public final class LambdaLayerVersion: ResolvedResource, LambdaResource, @unchecked Sendable {
    public static let type = "AWS::Lambda::LayerVersion"

    public var layerName: Resolved? { self["LayerName"] }
    public var content: Resolved? { self["Content"] }
    public var compatibleRuntimes: Resolved? { self["CompatibleRuntimes"] }
    public var compatibleArchitectures: Resolved? { self["CompatibleArchitectures"] }
    public var licenseInfo: Resolved? { self["LicenseInfo"] }
}

/// An `AWS::Lambda::LayerVersionPermission` after resolution.
public final class LambdaLayerVersionPermission: ResolvedResource, LambdaResource, @unchecked Sendable {
    public static let type = "AWS::Lambda::LayerVersionPermission"

    public var action: Resolved? { self["Action"] }
    public var principal: Resolved? { self["Principal"] }
    public var organizationId: Resolved? { self["OrganizationId"] }
    public var layerVersionArn: Resolved? { self["LayerVersionArn"] }
}
