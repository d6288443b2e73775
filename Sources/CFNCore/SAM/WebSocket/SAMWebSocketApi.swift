import CFNLoader

/// `AWS::Serverless::WebSocketApi` → the `AWS::ApiGatewayV2::Api` (WEBSOCKET) under the same logical
/// ID, a route, integration and `AWS::Lambda::Permission` per route, the stage, the `$connect`
/// authorizer and its permission, and the custom domain's resources, after the translator's checks
/// (`SamWebSocketApi` in samtranslator/model/sam_resources.py, `WebSocketApiGenerator` in
/// model/api/websocket_api_generator.py, read, not ported).
///
/// As the translator does, it carries no `Condition`, `DeletionPolicy` or `UpdateReplacePolicy` to
/// what it makes (its generator is given no resource attributes); `DependsOn` stays on the API.
struct SAMWebSocketApi {
    static let type = "AWS::Serverless::WebSocketApi"
    static let tagName = "websocketapi:createdBy"
    /// The stage the translator names when `StageName` is not given (not `$default`, which is a route's).
    static let defaultStage = "default"

    /// What the translator's `property_types` accept, checked in its order.
    enum Expected { case string, map, bool, stringOrMap }
    static let propertyTypes: [(name: String, expected: Expected)] = [
        ("ApiKeySelectionExpression", .string), ("AccessLogSettings", .map), ("Auth", .map), ("DefaultRouteSettings", .map),
        ("Description", .string), ("DisableExecuteApiEndpoint", .bool), ("Domain", .map), ("DisableSchemaValidation", .bool),
        ("FailOnWarnings", .bool), ("IpAddressType", .string), ("Name", .string), ("PropagateTags", .bool), ("Routes", .map),
        ("RouteSettings", .map), ("RouteSelectionExpression", .string), ("StageName", .stringOrMap), ("StageVariables", .map),
        ("Tags", .map),
    ]
    static let required: Set<String> = ["Routes", "RouteSelectionExpression"]

    let expander: SAMExpander
    let resource: Resource
    let id: String
    let idRange: SourceRange
    var document: SAMDocument { expander.document }
    /// The properties with `Globals.WebSocketApi` merged in; `Auth`, `Domain` and `Routes` with the
    /// parameters the translator resolves itself.
    private(set) var properties: SAMMap

    init(_ expander: SAMExpander, _ resource: Resource) throws {
        self.expander = expander
        self.resource = resource
        id = resource.logicalId
        idRange = resource.idRange
        properties = try expander.properties(of: resource, globals: "WebSocketApi")
    }

    subscript(_ key: String) -> SAMValue? { properties[key] }

    func keyRange(_ key: String) -> SourceRange {
        properties.entries.first { SAMMap.same($0.key, key) }?.keyRange ?? idRange
    }

    func error(_ message: String, at key: String? = nil) -> SAMError {
        SAMError(message, at: key.map(keyRange) ?? idRange)
    }

    // MARK: Expansion

    mutating func expand() throws -> [SAMResource] {
        try validate()
        for key in ["Auth", "Domain", "Routes"] {
            if let value = self[key] { properties.set(key, expander.parameters.resolve(value, document)) }
        }
        let routesValue = self["Routes"] ?? .map([], at: idRange)
        // The translator reads an intrinsic function as a mapping whose one route key is its name.
        if let (function, _) = document.intrinsic(routesValue) {
            _ = try routeIdPart(function.longName, at: document.range(routesValue))
        }
        let routes = document.entries(routesValue) ?? []
        if routes.isEmpty { throw error("WebSocket API must have at least one route.", at: "Routes") }
        if let type = self["IpAddressType"], document.intrinsic(type) == nil, !["ipv4", "dualstack"].contains(document.text(type) ?? "") {
            throw error("IpAddressType must be 'ipv4' or 'dualstack'.", at: "IpAddressType")
        }
        let domainConfig = self["Domain"].flatMap { document.map($0) }
        if let mtls = domainConfig?["MutualTlsAuthentication"], document.isTruthy(mtls) {
            throw SAMError("Mutual TLS domain name association is not supported for Websocket APIs.", at: document.range(mtls))
        }
        let auth = self["Auth"].flatMap { document.isTruthy($0) ? document.map($0) : nil }
        if auth != nil, !routes.contains(where: { $0.key == "$connect" }) {
            throw error("Authorization is only available if there is a $connect route.", at: "Auth")
        }
        var api = makeApi()
        let stage = try stageName()
        let stageId = stage.text.map { $0 == Self.defaultStage ? id + "DefaultStage" : id + $0 + "Stage" } ?? id + "Stage"
        let domain = try domainConfig.map { try SAMWebSocketDomain(self, $0, stageId: stageId).make() }

        var made: [SAMResource] = []
        var routeIds: [String] = []
        var authorizer: SAMResource?
        for route in routes {
            let routeMade = try makeRoute(route, auth: auth, stage: stage)
            made += routeMade.resources
            routeIds.append(routeMade.resources[0].logicalId)
            if let made = routeMade.authorizer { authorizer = made }
        }
        made += domain ?? []

        var stageResource = makeStage(stageId, stage: stage.value)
        if document.isTruthy(self["RouteSettings"]), !routeIds.isEmpty {
            stageResource.attributes.set("DependsOn", .list(routeIds.map { .string($0, at: idRange) }, at: keyRange("RouteSettings")),
                                         keyRange: keyRange("RouteSettings"))
        }
        made.append(stageResource)
        if let authorizer, let auth {
            made.append(authorizer)
            if let permission = authorizerPermission(auth) { made.append(permission) }
        }
        // `PropagateTags` gives the API's tags (with the SAM tag) to what takes a `Tags` map.
        if let tags = self["Tags"], document.isTruthy(tags), document.isTruthy(self["PropagateTags"]), let apiTags = api.properties["Tags"] {
            for index in made.indices where ["AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::DomainName"].contains(made[index].type) {
                made[index].properties.set("Tags", apiTags, keyRange: keyRange("PropagateTags"))
            }
            api.properties.set("Tags", apiTags)
        }
        expander.derived[id + ".Stage"] = stageId
        if let domainId = made.first(where: { $0.type == "AWS::ApiGatewayV2::DomainName" })?.logicalId {
            expander.derived[id + ".DomainName"] = domainId
        }
        // Each API's record set group replaces one of the same ID an earlier API made (see SAMWebSocketDomain).
        for group in made where group.type == "AWS::Route53::RecordSetGroup" {
            for (owner, resources) in expander.expansions where resources.contains(where: { $0.logicalId == group.logicalId }) {
                expander.expansions[owner] = resources.filter { $0.logicalId != group.logicalId }
            }
        }
        return [api] + made
    }

    /// Unknown properties, then each property's type and the required ones (`validate_properties`).
    private func validate() throws {
        let known = Set(Self.propertyTypes.map(\.name))
        for entry in properties.entries where !known.contains(entry.key) {
            throw SAMError("property \(entry.key) not defined for resource of type \(Self.type)", at: entry.keyRange)
        }
        for (name, expected) in Self.propertyTypes {
            guard let value = self[name] else {
                if Self.required.contains(name) { throw error("Missing required property '\(name)'.") }
                continue
            }
            // A mapping of one key passes as an intrinsic function, as the translator reads it.
            if document.intrinsic(value) != nil || document.entries(value)?.count == 1 { continue }
            let python = document.python(value)
            switch expected {
            case .string:
                guard case .string = python else { throw error("Property '\(name)' should be a string.", at: name) }
            case .map:
                guard case .dict = python else { throw error("Property '\(name)' should be a map.", at: name) }
            case .bool:
                guard case .bool = python else { throw error("Type of property '\(name)' is invalid.", at: name) }
            case .stringOrMap:
                switch python {
                case .string, .dict: break
                default: throw error("Type of property '\(name)' is invalid.", at: name)
                }
            }
        }
    }

    /// The stage's name as written (`default` when not given), and its text when it is text.
    private func stageName() throws -> (value: SAMValue, text: String?) {
        guard let given = self["StageName"] else { return (.string(Self.defaultStage, at: idRange), Self.defaultStage) }
        let text = document.text(given)
        if text == "$default" { throw error("Stages cannot be named $default for WebSocket APIs.", at: "StageName") }
        return (given, text)
    }

    private func makeApi() -> SAMResource {
        var api = SAMResource(id, "AWS::ApiGatewayV2::Api", at: idRange)
        if let dependsOn = resource.node("DependsOn") {
            api.attributes.set("DependsOn", .node(dependsOn), keyRange: document.keyRange("DependsOn", in: .node(resource.node)))
        }
        for key in ["ApiKeySelectionExpression", "Description", "DisableExecuteApiEndpoint", "DisableSchemaValidation", "IpAddressType"] {
            api.properties.set(key, self[key], keyRange: keyRange(key))
        }
        api.properties.set("Name", self["Name"] ?? .string(id, at: idRange), keyRange: keyRange("Name"))
        api.properties.set("ProtocolType", .string("WEBSOCKET", at: idRange), keyRange: idRange)
        api.properties.set("RouteSelectionExpression", self["RouteSelectionExpression"], keyRange: keyRange("RouteSelectionExpression"))
        api.properties.set("Tags", tags(), keyRange: keyRange("Tags"))
        return api
    }

    /// The API's `Tags` with the SAM tag added; tags given by an intrinsic function stay as written.
    func tags() -> SAMValue {
        if let given = self["Tags"], document.intrinsic(given) != nil { return given }
        var map = SAMMap(at: self["Tags"].map(document.range) ?? idRange)
        if let given = self["Tags"], let entries = document.entries(given) { map.entries = entries }
        map.set(Self.tagName, .string("SAM", at: idRange), keyRange: idRange)
        return map.value
    }

    private func makeStage(_ stageId: String, stage: SAMValue) -> SAMResource {
        var made = SAMResource(stageId, "AWS::ApiGatewayV2::Stage", at: idRange)
        for key in ["AccessLogSettings", "DefaultRouteSettings", "RouteSettings"] {
            made.properties.set(key, self[key], keyRange: keyRange(key))
        }
        made.properties.set("ApiId", .ref(id, at: idRange), keyRange: idRange)
        made.properties.set("StageName", stage, keyRange: keyRange("StageName"))
        made.properties.set("Tags", .map([SAMEntry(Self.tagName, .string("SAM", at: idRange), keyRange: idRange)], at: idRange), keyRange: idRange)
        made.properties.set("StageVariables", self["StageVariables"], keyRange: keyRange("StageVariables"))
        made.properties.set("AutoDeploy", .bool(true, at: idRange), keyRange: idRange)
        return made
    }
}
