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

    /// The Lambda resources among `resources`, with each one's resolved Properties and guard by its
    /// position in `resources`.
    init(resources: [Resource], propertiesAt: (Int) -> Resolved?, guardAt: (Int) -> Guard) {
        var functions: [LambdaFunction] = []
        var layers: [LambdaLayerVersion] = []
        var permissions: [LambdaLayerVersionPermission] = []
        for (position, resource) in resources.enumerated() {
            let conditions = guardAt(position)
            let properties = propertiesAt(position)
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
