/// The template's Lambda resources, typed, in source order: what the rules check and the planner diffs.
public struct LambdaModel: Sendable {
    public let functions: [LambdaFunction]
    public let layerVersions: [LambdaLayerVersion]
    public let layerVersionPermissions: [LambdaLayerVersionPermission]

    public init(functions: [LambdaFunction], layerVersions: [LambdaLayerVersion],
                layerVersionPermissions: [LambdaLayerVersionPermission]) {
        self.functions = functions
        self.layerVersions = layerVersions
        self.layerVersionPermissions = layerVersionPermissions
    }

    public init(_ context: RuleContext) {
        self.init(resources: context.template.resources, properties: context.properties, guardOf: context.guardOf)
    }

    /// The Lambda resources among `resources`, with their resolved Properties and guards.
    init(resources: [Resource], properties resolved: [String: Resolved], guardOf: (Resource) -> Guard) {
        var functions: [LambdaFunction] = []
        var layers: [LambdaLayerVersion] = []
        var permissions: [LambdaLayerVersionPermission] = []
        for resource in resources {
            let conditions = guardOf(resource)
            let properties = resolved[resource.logicalId]
            switch resource.type {
            case LambdaFunction.type?:
                functions.append(LambdaFunction(resource: resource, guardCondition: conditions, properties: properties))
            case LambdaLayerVersion.type?:
                layers.append(LambdaLayerVersion(resource: resource, guardCondition: conditions, properties: properties))
            case LambdaLayerVersionPermission.type?:
                permissions.append(LambdaLayerVersionPermission(resource: resource, guardCondition: conditions, properties: properties))
            default:
                break
            }
        }
        self.functions = functions
        layerVersions = layers
        layerVersionPermissions = permissions
    }
}
