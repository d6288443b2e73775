/// An `AWS::Lambda::LayerVersion` after resolution (a class for cheap copies, as `LambdaFunction`).
public final class LambdaLayerVersion: LambdaResource {
    public static let type = "AWS::Lambda::LayerVersion"

    public let resource: Resource
    public let guardCondition: Guard
    public let properties: Resolved?

    public init(resource: Resource, guardCondition: Guard, properties: Resolved?) {
        self.resource = resource
        self.guardCondition = guardCondition
        self.properties = properties
    }

    public var layerName: Resolved? { self["LayerName"] }
    public var content: Resolved? { self["Content"] }
    public var compatibleRuntimes: Resolved? { self["CompatibleRuntimes"] }
    public var compatibleArchitectures: Resolved? { self["CompatibleArchitectures"] }
    public var licenseInfo: Resolved? { self["LicenseInfo"] }
}

/// An `AWS::Lambda::LayerVersionPermission` after resolution.
public final class LambdaLayerVersionPermission: LambdaResource {
    public static let type = "AWS::Lambda::LayerVersionPermission"

    public let resource: Resource
    public let guardCondition: Guard
    public let properties: Resolved?

    public init(resource: Resource, guardCondition: Guard, properties: Resolved?) {
        self.resource = resource
        self.guardCondition = guardCondition
        self.properties = properties
    }

    public var action: Resolved? { self["Action"] }
    public var principal: Resolved? { self["Principal"] }
    public var organizationId: Resolved? { self["OrganizationId"] }
    public var layerVersionArn: Resolved? { self["LayerVersionArn"] }
}
