import CFNLoader

/// A WebSocket API's routes: per route key an `AWS::ApiGatewayV2::Route`, its `Integration` with the
/// function and the `AWS::Lambda::Permission` API Gateway invokes it by; the `$connect` route takes
/// the API's `Auth` (websocket_api_generator.py, `_construct_route_infr`).
extension SAMWebSocketApi {
    enum AuthType {
        static let all = ["NONE", "AWS_IAM", "CUSTOM"]
    }

    /// `$connect` → `Connect`; any other key must be alphanumeric and is capitalized as Python's
    /// `str.capitalize` does (first letter upper, the rest lower: `sendMessage` → `Sendmessage`).
    func routeIdPart(_ key: String, at range: SourceRange) throws -> String {
        let special = ["$connect", "$disconnect", "$default"]
        let name = special.contains(key) ? String(key.dropFirst()) : key
        guard special.contains(key) || (!key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber }) else {
            throw SAMError("Route key '\(key)' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported.",
                           at: range)
        }
        let part = name.prefix(1).uppercased() + name.dropFirst().lowercased()
        // Python's isalnum passes any Unicode letter; the logical IDs made from it must be ASCII.
        guard part.allSatisfy(\.isASCII) else {
            throw SAMTemplateError(SAMError("Logical ids must be alphanumeric.", at: range), resource: id + part + "Route")
        }
        return part
    }

    /// The route, integration and permission of one route key, and the authorizer when the route is
    /// `$connect` with a `CUSTOM` authorizer.
    func makeRoute(_ route: SAMEntry, auth: SAMMap?, stage: (value: SAMValue, text: String?)) throws
        -> (resources: [SAMResource], authorizer: SAMResource?) {
        let key = route.key
        let base = id + (try routeIdPart(key, at: route.keyRange))
        guard let spec = document.map(route.value) else {
            throw SAMError("Property 'Routes.\(key)' should be a map.", at: document.range(route.value))
        }
        let specKeyRange = { (name: String) in spec.entries.first { $0.key == name }?.keyRange ?? route.keyRange }
        let present = { (name: String) in spec[name].flatMap { document.isNull($0) ? nil : $0 } }
        let range = route.keyRange

        let parameters = spec["RequestParameters"].flatMap { document.isTruthy($0) ? $0 : nil }
        if parameters != nil, key != "$connect" {
            throw SAMError("Request parameters are only supported for the $connect route in WebSocket APIs.", at: specKeyRange("RequestParameters"))
        }
        var made = SAMResource(base + "Route", "AWS::ApiGatewayV2::Route", at: range)
        made.properties.set("ApiId", .ref(id, at: range), keyRange: range)
        made.properties.set("ApiKeyRequired", present("ApiKeyRequired"), keyRange: specKeyRange("ApiKeyRequired"))
        var authorizer: SAMResource?
        if let auth {
            try validateAuth(auth)
            if key == "$connect" {
                let type = auth["AuthType"].flatMap(document.string)
                let authRange = keyRange("Auth")
                if type == "CUSTOM" {
                    authorizer = makeAuthorizer(auth)
                }
                let routeType = type == "CUSTOM" || type == "AWS_IAM" ? type ?? "NONE" : "NONE"
                made.properties.set("AuthorizationType", .string(routeType, at: authRange), keyRange: authRange)
                if let authorizer { made.properties.set("AuthorizerId", .ref(authorizer.logicalId, at: authRange), keyRange: authRange) }
            }
        }
        made.properties.set("ModelSelectionExpression", present("ModelSelectionExpression"), keyRange: specKeyRange("ModelSelectionExpression"))
        made.properties.set("OperationName", present("OperationName"), keyRange: specKeyRange("OperationName"))
        made.properties.set("RequestModels", present("RequestModels"), keyRange: specKeyRange("RequestModels"))
        if let parameters {
            made.properties.set("RequestParameters", parameters, keyRange: specKeyRange("RequestParameters"))
        }
        made.properties.set("RouteKey", .string(key, at: range), keyRange: range)
        made.properties.set("RouteResponseSelectionExpression", present("RouteResponseSelectionExpression"),
                            keyRange: specKeyRange("RouteResponseSelectionExpression"))
        made.properties.set("Target", .intrinsic(.join, .list([.string("/", at: range), .list([.string("integrations", at: range),
                                                                                                .ref(base + "Integration", at: range)], at: range)],
                                                              at: range), at: range), keyRange: range)

        // A route without a function is the translator's error (a null one too: it would write `null`).
        guard let function = present("FunctionArn") else { throw SAMError("Route must have associated function.", at: range) }
        let functionKey = specKeyRange("FunctionArn")
        var integration = SAMResource(base + "Integration", "AWS::ApiGatewayV2::Integration", at: range)
        integration.properties.set("ApiId", .ref(id, at: range), keyRange: range)
        integration.properties.set("IntegrationType", .string("AWS_PROXY", at: range), keyRange: range)
        integration.properties.set("IntegrationUri", Self.functionUri("FunctionArn", function, at: functionKey), keyRange: functionKey)
        integration.properties.set("TimeoutInMillis", present("IntegrationTimeout"), keyRange: specKeyRange("IntegrationTimeout"))

        var permission = SAMResource(base + "Permission", "AWS::Lambda::Permission", at: range)
        permission.properties.set("Action", .string("lambda:InvokeFunction", at: range), keyRange: range)
        permission.properties.set("FunctionName", function, keyRange: functionKey)
        permission.properties.set("Principal", .string("apigateway.amazonaws.com", at: range), keyRange: range)
        let prefix = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${\(id).ApiId}/"
        let sourceArn: SAMValue
        if let text = stage.text {
            sourceArn = .sub(prefix + text + "/" + key, at: range)
        } else {
            let stageRange = keyRange("StageName")
            sourceArn = .intrinsic(.sub, .list([.string(prefix + "${__StageName__}/" + key, at: range),
                                                .map([SAMEntry("__StageName__", stage.value, keyRange: stageRange)], at: stageRange)], at: range),
                                   at: range)
        }
        permission.properties.set("SourceArn", sourceArn, keyRange: range)
        return ([made, integration, permission], authorizer)
    }

    /// `Fn::Sub` of the Lambda invocation URI API Gateway calls for a function ARN.
    static func functionUri(_ name: String, _ arn: SAMValue, at range: SourceRange) -> SAMValue {
        let text = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${\(name)}/invocations"
        return .intrinsic(.sub, .list([.string(text, at: range), .map([SAMEntry(name, arn, keyRange: range)], at: range)], at: range), at: range)
    }

    /// The translator's checks of `Auth`, made for every route (`_validate_auth`).
    func validateAuth(_ auth: SAMMap) throws {
        let at = keyRange("Auth")
        guard let typeValue = auth["AuthType"], document.isTruthy(typeValue) else {
            throw SAMError("AuthType must be specified for additional auth configurations.", at: at)
        }
        let typeRange = document.range(typeValue)
        guard let type = document.string(typeValue)?.uppercased(), AuthType.all.contains(type) else {
            throw SAMError("AuthType is not one of AWS_IAM, CUSTOM or NONE.", at: typeRange)
        }
        if type == "CUSTOM", !document.isTruthy(auth["AuthArn"]) {
            throw SAMError("AuthArn must be specified if AuthType is CUSTOM.", at: typeRange)
        }
        if type != "CUSTOM", auth.entries.count > 1 {
            throw SAMError("No additional configurations supported for AuthType \(type).", at: typeRange)
        }
    }

    /// The `$connect` route's `REQUEST` authorizer `<Api>ConnectAuthorizer`.
    func makeAuthorizer(_ auth: SAMMap) -> SAMResource {
        let name = id + "ConnectAuthorizer"
        let at = keyRange("Auth")
        let entryKey = { (key: String) in auth.entries.first { $0.key == key }?.keyRange ?? at }
        var made = SAMResource(name, "AWS::ApiGatewayV2::Authorizer", at: at)
        made.properties.set("ApiId", .ref(id, at: at), keyRange: at)
        if let role = auth["InvokeRole"], !document.isNull(role) {
            made.properties.set("AuthorizerCredentialsArn", role, keyRange: entryKey("InvokeRole"))
        }
        made.properties.set("AuthorizerType", .string("REQUEST", at: at), keyRange: at)
        if let arn = auth["AuthArn"] {
            made.properties.set("AuthorizerUri", Self.functionUri("AuthArn", arn, at: entryKey("AuthArn")), keyRange: entryKey("AuthArn"))
        }
        if let source = auth["IdentitySource"], !document.isNull(source) {
            made.properties.set("IdentitySource", source, keyRange: entryKey("IdentitySource"))
        }
        let given = auth["Name"].flatMap { document.isTruthy($0) ? $0 : nil }
        made.properties.set("Name", given ?? .string(name, at: at), keyRange: entryKey("Name"))
        return made
    }

    /// The permission for API Gateway to call the authorizer function, unless an `InvokeRole` does.
    func authorizerPermission(_ auth: SAMMap) -> SAMResource? {
        guard auth["AuthType"].flatMap(document.string) == "CUSTOM", !document.isTruthy(auth["InvokeRole"]),
              let arn = auth["AuthArn"], document.isTruthy(arn) else { return nil }
        let at = keyRange("Auth")
        var made = SAMResource(id + "AuthorizerPermission", "AWS::Lambda::Permission", at: at)
        made.properties.set("Action", .string("lambda:InvokeFunction", at: at), keyRange: at)
        made.properties.set("FunctionName", arn, keyRange: auth.entries.first { $0.key == "AuthArn" }?.keyRange ?? at)
        made.properties.set("Principal", .string("apigateway.amazonaws.com", at: at), keyRange: at)
        let arnText = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*"
        made.properties.set("SourceArn", .intrinsic(.sub, .list([.string(arnText, at: at),
                                                                 .map([SAMEntry("__ApiId__", .ref(id, at: at), keyRange: at)], at: at)], at: at),
                                                    at: at), keyRange: at)
        return made
    }
}
