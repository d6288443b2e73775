import CFNLoader

/// The API's OpenAPI body: the routes its events add (`ImplicitHttpApiPlugin._add_api_to_swagger`,
/// `HttpApi._add_openapi_integration` in samtranslator/model/eventsources/push.py), then what
/// `HttpApiGenerator._construct_http_api` writes into it (CORS, authorizers, tags, endpoint
/// configuration, title, description).
extension SAMHttpApi {
    /// The `AWS::ApiGatewayV2::Api`, its custom domain's resources and its stage.
    mutating func makeApi(authorizers: [SAMHttpApiAuth.Authorizer], defaultAuthorizer: String?) throws -> [SAMResource] {
        var api = SAMResource(id, "AWS::ApiGatewayV2::Api", at: idRange)
        api.attributes = attributes
        var madeBody: SAMValue?
        if var editor = bodyValue.map({ SAMOpenApiEditor(document, body: $0) }), Self.isValidOpenApi(body) {
            try addRoutes(&editor)
            try addCors(&editor)
            if !authorizers.isEmpty {
                for authorizer in authorizers { editor.addSecurityScheme(authorizer.name, try scheme(authorizer), at: keyRange("Auth")) }
                if let name = defaultAuthorizer {
                    let scopes = authorizers.last { $0.name == name }?.config.flatMap { document.value("AuthorizationScopes", in: $0) }
                    try editor.setDefaultAuthorizer(name, scopes: scopes ?? .list([], at: keyRange("Auth")), at: keyRange("Auth"))
                }
            }
            editor.addTags(stageTags.flatMap { document.entries($0) } ?? [], at: keyRange("Tags"))
            if let disable = properties["DisableExecuteApiEndpoint"], !document.isNull(disable) { addEndpointConfiguration(&editor, disable) }
            if let name = properties["Name"], document.isTruthy(name) {
                editor.editTopLevel("info", at: keyRange("Name")) { $0.set("title", name, keyRange: keyRange("Name")) }
            }
            if let description = properties["Description"], document.isTruthy(description) {
                editor.editTopLevel("info", at: keyRange("Description")) { $0.set("description", description, keyRange: keyRange("Description")) }
            }
            if document.isTruthy(properties["FailOnWarnings"]) {
                // `_update_default_path`: `$default` fails the import when warnings fail it.
                editor.editPaths { paths in
                    guard let index = paths.entries.firstIndex(where: { $0.key == SAMOpenApiEditor.defaultPath }) else { return }
                    var entry = paths.entries.remove(at: index)
                    entry.key = "/" + SAMOpenApiEditor.defaultPath
                    paths.entries.removeAll { $0.key == entry.key }
                    paths.entries.append(entry)
                }
            }
            madeBody = editor.value
        } else {
            madeBody = bodyValue
        }
        if let uri = properties["DefinitionUri"], document.isTruthy(uri), !document.isTruthy(properties["DefinitionBody"]) {
            let location = try SAMCodeLocation.s3Object(uri, property: "DefinitionUri", document, keyRange: keyRange("DefinitionUri"))
            let names = ["S3Bucket": "Bucket", "S3Key": "Key", "S3ObjectVersion": "Version"]
            let entries = (document.entries(location) ?? []).map { SAMEntry(names[$0.key] ?? $0.key, $0.value, keyRange: $0.keyRange) }
            api.properties.set("BodyS3Location", .map(entries, at: document.range(location)), keyRange: keyRange("DefinitionUri"))
        } else if let madeBody {
            api.properties.set("Body", madeBody, keyRange: keyRange("DefinitionBody"))
        }
        if let fail = properties["FailOnWarnings"], document.isTruthy(fail) { api.properties.set("FailOnWarnings", fail, keyRange: keyRange("FailOnWarnings")) }
        var made = [api]
        made += try domain()
        made.append(stage())
        expander.derived[id + ".Stage"] = stageId
        return made
    }

    /// The body as given, or the skeleton SAM writes; nil with a `DefinitionUri`.
    var bodyValue: SAMValue? {
        if let given = properties["DefinitionBody"], document.isTruthy(given) { return given }
        return body.map { SAMHttpApiBodyValue.value($0, at: idRange) }
    }

    /// The tags the stage takes: the API's with `httpapi:createdBy` when SAM writes them into a valid body.
    var stageTags: SAMValue? {
        let given = properties["Tags"].flatMap { document.isTruthy($0) ? $0 : nil }
        guard body != nil, Self.isValidOpenApi(body) else { return given }
        var tags = SAMMap(at: given.map(document.range) ?? idRange)
        if let given, let entries = document.entries(given) { tags.entries = entries }
        tags.set(Self.tagName, .string("SAM", at: idRange), keyRange: idRange)
        return tags.value
    }

    /// The routes of the API's events: on a body SAM writes, each path and method first, each path in
    /// the condition of its functions when all have one; then each integration and its auth.
    private mutating func addRoutes(_ editor: inout SAMOpenApiEditor) throws {
        if managed {
            var conditions: [String: [(String, String?)]] = [:]
            for route in routes {
                try editor.addPath(route.path, route.method, at: route.keyRange)
                let condition = route.condition.flatMap(document.string)
                if let index = conditions[route.path]?.firstIndex(where: { $0.0 == route.method }) {
                    conditions[route.path]?[index].1 = condition
                } else {
                    conditions[route.path, default: []].append((route.method, condition))
                }
            }
            for entry in editor.paths {
                guard let methods = conditions[entry.key], !methods.isEmpty, methods.allSatisfy({ $0.1 != nil }) else { continue }
                let names = Set(methods.compactMap(\.1)).sorted()
                if names.count == 1 {
                    editor.makePathConditional(entry.key, names[0], at: entry.keyRange)
                } else {
                    let name = id + entry.key.replacingOccurrences(of: "/", with: "SLASH").replacingOccurrences(of: "{", with: "OB")
                        .replacingOccurrences(of: "}", with: "CB") + "PathCondition"
                    SAMImplicitRestApi.addCombinedCondition(name, names, expander, at: entry.keyRange)
                    editor.makePathConditional(entry.key, name, at: entry.keyRange)
                }
            }
        }
        for route in routes {
            let at = route.keyRange
            try editor.addLambdaIntegration(route.path, route.method, uri: route.uri, condition: route.condition, at: at)
            if let auth = route.auth, document.isTruthy(auth) {
                var name = document.value("Authorizer", in: auth).flatMap(document.string)
                if name == nil || name == "" { name = properties["Auth"].flatMap { document.value("DefaultAuthorizer", in: $0) }.flatMap(document.string) }
                if let name {
                    try editor.setMethodAuthorizer(route.path, route.method, name: name, scopes: document.value("AuthorizationScopes", in: auth),
                                                   authorizers: properties["Auth"].flatMap { document.value("Authorizers", in: $0) }, at: at)
                }
            }
            if let timeout = route.timeout, document.isTruthy(timeout) {
                try editor.editIntegrations(route.path, route.method, at: at) { $0.set("timeoutInMillis", timeout) }
            }
            let parameters = SAMOpenApiEditor.pathParameters(route.path)
            if !parameters.isEmpty { try editor.addPathParameters(route.path, route.method, parameters, at: at) }
            if let version = route.payloadFormatVersion, document.isTruthy(version) {
                try editor.editIntegrations(route.path, route.method, at: at) { $0.set("payloadFormatVersion", version) }
            }
            if let settings = route.routeSettings { try addRouteSettings(route, settings) }
        }
    }

    /// `_add_route_settings_to_api`: the event's settings under its route key (`METHOD /path`, or the
    /// path for any method), in the function's condition when it has one.
    private mutating func addRouteSettings(_ route: SAMHttpApiRoute, _ settings: SAMValue) throws {
        let key = route.method == SAMOpenApiEditor.anyMethod ? route.path : "\(route.method.uppercased()) \(route.path)"
        let at = route.keyRange
        // The API's settings, and those of the route, are mappings the translator updates
        // (`sam_expect(...).to_be_a_map()`, then a Python error for the route's).
        if properties["RouteSettings"] == nil, let node = expander.template.resource(named: id)?.properties,
           let written = expander.template.tree.value(forKey: "RouteSettings", in: node), document.isNull(.node(written)) {
            throw SAMError("Property 'RouteSettings' should be a map.", at: document.keyRange("RouteSettings", in: .node(node)) ?? idRange)
        }
        if let existing = properties["RouteSettings"].flatMap({ document.value(key, in: $0) }), document.entries(existing) == nil {
            throw SAMError("Property 'RouteSettings.\(key)' should be a map.", at: document.range(existing))
        }
        let added: [SAMEntry] = if let condition = route.condition {
            [SAMEntry("Fn::If", .list([condition, settings, .ref("AWS::NoValue", at: at)], at: at), keyRange: at)]
        } else {
            document.entries(settings) ?? []
        }
        var all = properties["RouteSettings"].flatMap(document.map) ?? SAMMap(at: at)
        // A conditional route's settings are an `Fn::If`, which Globals do not merge into.
        var current = route.condition == nil ? all[key].flatMap(document.map) ?? SAMMap(at: at) : SAMMap(at: at)
        for entry in added { current.set(entry.key, entry.value, keyRange: entry.keyRange) }
        all.set(key, current.value, keyRange: at)
        properties.set("RouteSettings", all.value, keyRange: keyRange("RouteSettings"))
    }

    /// `add_cors`: the `x-amazon-apigateway-cors` of the body, with the configuration's values.
    private func addCors(_ editor: inout SAMOpenApiEditor) throws {
        guard let given = properties["CorsConfiguration"] else { return }
        let cors = expander.parameters.resolve(given, document)
        guard document.isTruthy(cors) else { return }
        let at = keyRange("CorsConfiguration")
        var values: [SAMEntry] = []
        if case .bool = document.python(cors), document.intrinsic(cors) == nil {
            values.append(SAMEntry("allowOrigins", .list([.string("*", at: at)], at: at), keyRange: at))
        } else if document.intrinsic(cors) != nil {
            // The translator renames the keys in the function's JSON text, wherever they appear.
            let renamed = SAMHttpApiBodyValue.renamingCorsKeys(document.python(cors))
            if case .dict(let entries) = renamed {
                values = entries.map { SAMEntry($0.0, SAMHttpApiBodyValue.value($0.1, at: at), keyRange: at) }
            }
        } else if let entries = document.entries(cors) {
            let value = { (key: String) in entries.last { $0.key == key }?.value }
            for key in ["AllowOrigins", "AllowHeaders", "AllowMethods", "ExposeHeaders"] {
                if let item = value(key), document.isTruthy(item) { values.append(SAMEntry(SAMHttpApiBodyValue.lowerFirst(key), item, keyRange: at)) }
            }
            if let age = value("MaxAge"), !document.isNull(age) { values.append(SAMEntry("maxAge", age, keyRange: at)) }
            if let credentials = value("AllowCredentials"), document.python(credentials) == .bool(true) {
                values.append(SAMEntry("allowCredentials", credentials, keyRange: at))
            }
        }
        let key = "x-amazon-apigateway-cors"
        if let existing = editor.body[key], document.entries(document.open(existing)) == nil {
            throw SAMError("Structure of the SAM template is invalid. Value of '\(key)' must be a dictionary according to Swagger spec.", at: at)
        }
        editor.editTopLevel(key, at: at) { map in
            for entry in values { map.set(entry.key, entry.value, keyRange: entry.keyRange) }
        }
    }

    /// `add_endpoint_config`: `disableExecuteApiEndpoint` in each of the body's `servers`.
    private func addEndpointConfiguration(_ editor: inout SAMOpenApiEditor, _ disable: SAMValue) {
        let at = keyRange("DisableExecuteApiEndpoint")
        var servers = editor.body["servers"].flatMap { document.elements(document.open($0)) } ?? [.map([], at: at)]
        for index in servers.indices {
            document.editMap(&servers[index]) { server in
                var configuration = server["x-amazon-apigateway-endpoint-configuration"] ?? .map([], at: at)
                if !document.editMap(&configuration, { $0.set("disableExecuteApiEndpoint", disable, keyRange: at) }) {
                    configuration = .map([SAMEntry("disableExecuteApiEndpoint", disable, keyRange: at)], at: at)
                }
                server.set("x-amazon-apigateway-endpoint-configuration", configuration, keyRange: at)
            }
        }
        editor.body.set("servers", .list(servers, at: at), keyRange: at)
    }

    /// `ApiGatewayV2Authorizer.generate_openapi`: the security scheme of an authorizer.
    private func scheme(_ authorizer: SAMHttpApiAuth.Authorizer) throws -> SAMValue {
        let at = authorizer.range
        let text = { (value: String) in SAMValue.string(value, at: at) }
        let field = { (key: String) in authorizer.config.flatMap { document.value(key, in: $0) }.flatMap { document.isNull($0) ? nil : $0 } }
        switch authorizer.kind {
        case .iam:
            return .map([SAMEntry("type", text("apiKey"), keyRange: at), SAMEntry("name", text("Authorization"), keyRange: at),
                         SAMEntry("in", text("header"), keyRange: at), SAMEntry("x-amazon-apigateway-authtype", text("awsSigv4"), keyRange: at)], at: at)
        case .jwt:
            let configuration = (field("JwtConfiguration").flatMap(document.entries) ?? [])
                .map { SAMEntry($0.key.lowercased(), $0.value, keyRange: $0.keyRange) }
            var settings = [SAMEntry("jwtConfiguration", .map(configuration, at: at), keyRange: at)]
            settings.append(SAMEntry("identitySource", field("IdentitySource") ?? .list([], at: at), keyRange: at))
            settings.append(SAMEntry("type", text("jwt"), keyRange: at))
            return .map([SAMEntry("type", text("oauth2"), keyRange: at), SAMEntry("x-amazon-apigateway-authorizer", .map(settings, at: at), keyRange: at)], at: at)
        case .request:
            var settings = [SAMEntry("type", text("request"), keyRange: at)]
            let uri = SAMValue.intrinsic(.sub, .list([
                text("arn:\(expander.partition):apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations"),
                .map([SAMEntry("__FunctionArn__", field("FunctionArn") ?? text(""), keyRange: at)], at: at),
            ], at: at), at: at)
            settings.append(SAMEntry("authorizerUri", uri, keyRange: at))
            if let role = field("FunctionInvokeRole"), document.isTruthy(role), document.string(role) != "NONE" {
                settings.append(SAMEntry("authorizerCredentials", role, keyRange: at))
            }
            if let identity = field("Identity"), document.isTruthy(identity) {
                if let ttl = document.value("ReauthorizeEvery", in: identity), !document.isNull(ttl) {
                    settings.append(SAMEntry("authorizerResultTtlInSeconds", ttl, keyRange: at))
                }
                var sources: [SAMValue] = []
                for (prefix, key) in [("$request.header.", "Headers"), ("$request.querystring.", "QueryStrings"),
                                      ("$stageVariables.", "StageVariables"), ("$context.", "Context")] {
                    for value in document.value(key, in: identity).flatMap(document.elements) ?? [] {
                        sources.append(.string(prefix + (document.string(value) ?? ""), at: document.range(value)))
                    }
                }
                settings.append(SAMEntry("identitySource", .list(sources, at: at), keyRange: at))
            }
            if let version = field("AuthorizerPayloadFormatVersion") { settings.append(SAMEntry("authorizerPayloadFormatVersion", version, keyRange: at)) }
            if let simple = field("EnableSimpleResponses"), document.isTruthy(simple) {
                settings.append(SAMEntry("enableSimpleResponses", simple, keyRange: at))
            }
            return .map([SAMEntry("type", text("apiKey"), keyRange: at), SAMEntry("name", text("Unused"), keyRange: at),
                         SAMEntry("in", text("header"), keyRange: at), SAMEntry("x-amazon-apigateway-authorizer", .map(settings, at: at), keyRange: at)], at: at)
        }
    }

    /// `Condition`, `DeletionPolicy` and `UpdateReplacePolicy`: what the API passes to what it makes.
    func passThrough(at range: SourceRange) -> SAMMap {
        var copied = SAMMap(at: range)
        for key in ["Condition", "DeletionPolicy", "UpdateReplacePolicy"] {
            if let value = attributes[key] { copied.set(key, value, keyRange: attributes.entries.first { $0.key == key }?.keyRange) }
        }
        return copied
    }
}

/// Values the body is made of when they do not come from the template.
enum SAMHttpApiBodyValue {
    /// A Python value (the skeleton body, a CORS configuration) as made values.
    static func value(_ python: PythonValue, at range: SourceRange) -> SAMValue {
        switch python {
        case .null: .scalar("null", isString: false, at: range)
        case .bool(let flag): .bool(flag, at: range)
        case .int(let text): .scalar(text, isString: false, at: range)
        case .float(let number): .scalar("\(number)", isString: false, at: range)
        case .string(let text): .string(text, at: range)
        case .list(let elements): .list(elements.map { value($0, at: range) }, at: range)
        case .dict(let entries):
            if entries.count == 1, let function = IntrinsicFunction.longForm(Array(entries[0].0.utf8)) {
                .intrinsic(function, value(entries[0].1, at: range), at: range)
            } else {
                .map(entries.map { SAMEntry($0.0, value($0.1, at: range), keyRange: range) }, at: range)
            }
        }
    }

    static func lowerFirst(_ key: String) -> String { key.prefix(1).lowercased() + key.dropFirst() }

    static let corsKeys = ["AllowOrigins", "AllowHeaders", "AllowMethods", "ExposeHeaders", "MaxAge", "AllowCredentials"]

    /// `json.dumps`, each CORS key's capitalized name replaced by its own, `json.loads`.
    static func renamingCorsKeys(_ value: PythonValue) -> PythonValue {
        let rename = { (text: String) in corsKeys.reduce(text) { $0.replacingOccurrences(of: $1, with: lowerFirst($1)) } }
        switch value {
        case .string(let text): return .string(rename(text))
        case .list(let elements): return .list(elements.map(renamingCorsKeys))
        case .dict(let entries): return .dict(entries.map { (rename($0.0), renamingCorsKeys($0.1)) })
        default: return value
        }
    }
}
