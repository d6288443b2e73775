import CFNLoader

/// `AWS::Serverless::HttpApi` and the implicit `ServerlessHttpApi` → the `AWS::ApiGatewayV2::Api`
/// with its OpenAPI `Body` (or `BodyS3Location`), its stage, custom domain and the permissions of
/// its Lambda authorizers, after the translator's checks (`SamHttpApi` in
/// samtranslator/model/sam_resources.py, `HttpApiGenerator` in model/api/http_api_generator.py,
/// read, not ported).
struct SAMHttpApi {
    enum Kind { case any, string, map, bool, stringOrMap, boolOrMap }

    /// `property_types` in the translator's order, which is the order it checks them in.
    static let properties: [(name: String, kind: Kind)] = [
        ("Name", .any), ("StageName", .stringOrMap), ("Tags", .map), ("PropagateTags", .bool), ("DefinitionBody", .map),
        ("DefinitionUri", .stringOrMap), ("StageVariables", .map), ("CorsConfiguration", .boolOrMap), ("AccessLogSettings", .map),
        ("DefaultRouteSettings", .map), ("Auth", .map), ("RouteSettings", .map), ("Domain", .map), ("FailOnWarnings", .bool),
        ("Description", .string), ("DisableExecuteApiEndpoint", .bool),
    ]
    static let corsKeys: Set<String> = ["AllowMethods", "AllowHeaders", "AllowOrigins", "MaxAge", "ExposeHeaders", "AllowCredentials"]
    static let authKeys: Set<String> = ["Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer"]
    static let invalidDocument = "Structure of the SAM template is invalid. Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'."
    static let implicitId = "ServerlessHttpApi"
    static let attributeNames: Set<String> = ["DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "Metadata"]
    static let tagName = "httpapi:createdBy"

    let expander: SAMExpander
    let id: String
    let idRange: SourceRange
    var document: SAMDocument { expander.document }
    /// The API's properties with `Globals.HttpApi` merged in.
    var properties: SAMMap
    /// The API's own resource attributes (`DependsOn`, `Condition`, `Metadata`, …).
    let attributes: SAMMap
    /// Whether SAM writes the body (no `DefinitionBody` or `DefinitionUri` given): routes are added to it.
    let managed: Bool
    let routes: [SAMHttpApiRoute]

    init(_ expander: SAMExpander, _ resource: Resource) throws {
        self.expander = expander
        id = resource.logicalId
        idRange = resource.idRange
        properties = try expander.properties(of: resource, globals: "HttpApi")
        var attributes = SAMMap(at: resource.idRange)
        for entry in expander.document.entries(.node(resource.node)) ?? [] where Self.attributeNames.contains(entry.key) {
            attributes.set(entry.key, entry.value, keyRange: entry.keyRange)
        }
        self.attributes = attributes
        let own = resource.properties.flatMap { expander.document.map(.node($0)) }
        managed = !expander.document.isTruthy(own?["DefinitionBody"]) && !expander.document.isTruthy(own?["DefinitionUri"])
        routes = expander.httpApiEvents[id] ?? []
    }

    /// The implicit API of `HttpApi` events without `ApiId`: `Globals.HttpApi`, the tags functions
    /// propagate, and the attributes of the functions whose events make it.
    init(implicit expander: SAMExpander, routes: [SAMHttpApiRoute], attributes: SAMMap) throws {
        self.expander = expander
        id = Self.implicitId
        let at = routes.first?.keyRange ?? attributes.range
        idRange = at
        var own = SAMMap(at: at)
        var tags = SAMMap(at: at)
        for route in routes {
            guard let given = route.propagatedTags, let entries = expander.document.entries(given) else { continue }
            for entry in entries { tags.set(entry.key, entry.value, keyRange: entry.keyRange) }
        }
        if !tags.entries.isEmpty {
            own.set("Tags", tags.value, keyRange: at)
            own.set("PropagateTags", .bool(true, at: at), keyRange: at)
        }
        properties = try expander.globals.merge("HttpApi", into: own, resource: Self.implicitId, expander.document)
        properties.entries.removeAll { expander.document.isNull($0.value) }
        self.attributes = attributes
        managed = true
        self.routes = routes
    }

    func keyRange(_ key: String) -> SourceRange {
        properties.entries.first { SAMMap.same($0.key, key) }?.keyRange ?? idRange
    }

    mutating func expand() throws -> [SAMResource] {
        try checkTypes()
        try checkDefinition()
        let auth: (authorizers: [SAMHttpApiAuth.Authorizer], defaultName: String?) =
            try properties["Auth"].map { try SAMHttpApiAuth(api: self, auth: $0).check() } ?? ([], nil)
        try checkDocument(hasAuthorizers: !auth.authorizers.isEmpty)
        try checkTags()
        try checkOpenApiEdits()
        var made = try makeApi(authorizers: auth.authorizers, defaultAuthorizer: auth.defaultName)
        made += auth.authorizers.compactMap(permission)
        return made
    }

    /// `validate_properties`: unknown properties, then each known one's type (intrinsics pass).
    private func checkTypes() throws {
        for entry in properties.entries where !Self.properties.contains(where: { $0.name == entry.key }) {
            throw SAMError("property \(entry.key) not defined for resource of type AWS::Serverless::HttpApi", at: entry.keyRange)
        }
        for (name, kind) in Self.properties {
            guard let value = properties[name], document.intrinsic(value) == nil else { continue }
            let python = document.python(value)
            switch (kind, python) {
            case (.any, _), (.string, .string), (.map, .dict), (.bool, .bool), (.stringOrMap, .string), (.stringOrMap, .dict),
                 (.boolOrMap, .bool), (.boolOrMap, .dict):
                continue
            case (.map, _): throw SAMError("Property '\(name)' should be a map.", at: keyRange(name))
            case (.string, _): throw SAMError("Property '\(name)' should be a string.", at: keyRange(name))
            default: throw SAMError("Type of property '\(name)' is invalid.", at: keyRange(name))
            }
        }
    }

    /// The body the translator works on: the one given, or the skeleton it writes when neither
    /// `DefinitionBody` nor `DefinitionUri` is set (`DefaultDefinitionBodyPlugin`); nil with a `DefinitionUri`.
    var body: PythonValue? {
        if let given = properties["DefinitionBody"], document.isTruthy(given) { return document.python(given) }
        if let uri = properties["DefinitionUri"], document.isTruthy(uri) { return nil }
        return .dict([("openapi", .string("3.0.1")), ("info", .dict([("version", .string("1.0")), ("title", Self.defaultTitle)])),
                      ("paths", .dict([]))])
    }

    static let defaultTitle = PythonValue.dict([("Ref", .string("AWS::StackName"))])

    /// `OpenApiEditor.is_valid`: a mapping with a `paths` mapping and an `openapi` 3.x version.
    static func isValidOpenApi(_ body: PythonValue?) -> Bool {
        guard case .dict(let entries)? = body, !entries.isEmpty else { return false }
        guard case .dict? = entries.last(where: { $0.0 == "paths" })?.1,
              let version = entries.last(where: { $0.0 == "openapi" })?.1, version.isTruthy else { return false }
        let text: String
        switch version {
        case .string(let value), .int(let value): text = value
        case .float(let value): text = "\(value)"
        default: return false
        }
        // `\A3(\.\d)(\.\d)?$`
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.first == "3" && (parts.count == 2 || parts.count == 3)
            && parts.dropFirst().allSatisfy { $0.count == 1 && $0.first?.isASCII == true && $0.first?.isNumber == true }
    }

    var bodyRange: SourceRange {
        properties["DefinitionBody"].map(document.range) ?? idRange
    }

    /// `_construct_http_api`: `DefinitionUri` or `DefinitionBody`, and the CORS configuration.
    private func checkDefinition() throws {
        if document.isTruthy(properties["DefinitionUri"]), document.isTruthy(properties["DefinitionBody"]) {
            throw SAMError("Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.", at: keyRange("DefinitionUri"))
        }
        guard let given = properties["CorsConfiguration"] else { return }
        let cors = expander.parameters.resolve(given, document)
        guard document.isTruthy(cors) else { return }
        let at = keyRange("CorsConfiguration")
        guard body != nil else { throw SAMError("Cors works only with inline OpenApi specified in 'DefinitionBody' property.", at: at) }
        let python = document.python(cors)
        var credentialsWithAnyOrigin = false
        if document.intrinsic(cors) == nil {
            switch python {
            case .bool: break
            case .dict(let entries):
                if let key = entries.first(where: { !Self.corsKeys.contains($0.0) })?.0 {
                    throw SAMError("Invalid key '\(key)' for 'Cors' property.", at: at)
                }
                let origins = entries.last { $0.0 == "AllowOrigins" }?.1
                let credentials = entries.last { $0.0 == "AllowCredentials" }?.1
                credentialsWithAnyOrigin = credentials == .bool(true) && origins == .list([.string("*")])
            default:
                throw SAMError("Invalid value for 'Cors' property.", at: at)
            }
        }
        guard Self.isValidOpenApi(body) else {
            throw SAMError("Unable to add Cors configuration because 'DefinitionBody' does not contain a valid OpenApi definition.", at: at)
        }
        if credentialsWithAnyOrigin {
            throw SAMError("Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set.", at: at)
        }
    }

    /// `_add_tags`: SAM adds `httpapi:createdBy` to a valid body's `tags`, which must be a list.
    private func checkTags() throws {
        let tags = properties["Tags"].map(document.isTruthy) ?? false
        guard let body else {
            if tags { throw SAMError("Tags works only with inline OpenApi specified in the 'DefinitionBody' property.", at: keyRange("Tags")) }
            return
        }
        guard Self.isValidOpenApi(body) else {
            if tags { throw SAMError("Unable to add `Tags` because 'DefinitionBody' does not contain a valid OpenApi definition.", at: keyRange("Tags")) }
            return
        }
        if case .dict(let entries) = body, let list = entries.last(where: { $0.0 == "tags" })?.1, list.isTruthy {
            guard case .list = list else {
                throw SAMError("Structure of the SAM template is invalid. Tags in OpenApi DefinitionBody needs to be a list. \(list.pythonRepr) is a \(list.pythonTypeName) not a list.",
                               at: bodyRange)
            }
        }
    }

    /// `DisableExecuteApiEndpoint`, `Name` and `Description` are written into the body.
    private func checkOpenApiEdits() throws {
        let info: PythonValue? = if case .dict(let entries)? = body { entries.last { $0.0 == "info" }?.1 } else { nil }
        let infoValue = { (key: String) -> PythonValue? in
            if case .dict(let entries)? = info { return entries.last { $0.0 == key }?.1 }
            return nil
        }
        if let disable = properties["DisableExecuteApiEndpoint"], !document.isNull(disable) {
            let at = keyRange("DisableExecuteApiEndpoint")
            guard body != nil else { throw SAMError("DisableExecuteApiEndpoint works only within 'DefinitionBody' property.", at: at) }
            guard Self.isValidOpenApi(body) else { throw SAMError(Self.invalidDocument, at: bodyRange) }
        }
        if let name = properties["Name"], document.isTruthy(name) {
            let at = keyRange("Name")
            guard body != nil else { throw SAMError("Name works only with inline OpenApi specified in the 'DefinitionBody' property.", at: at) }
            if let info, info != .null {
                guard case .dict = info else { throw SAMError("Invalid 'DefinitionBody': The value of 'info' should be a map.", at: bodyRange) }
            }
            if infoValue("title") != Self.defaultTitle {
                throw SAMError("Unable to set Name because it is already defined within inline OpenAPI specified in the 'DefinitionBody' property.", at: at)
            }
            guard Self.isValidOpenApi(body) else { throw SAMError(Self.invalidDocument, at: bodyRange) }
        }
        if let description = properties["Description"], document.isTruthy(description) {
            let at = keyRange("Description")
            guard body != nil else { throw SAMError("Description works only with inline OpenApi specified in the 'DefinitionBody' property.", at: at) }
            // The translator's message ends with a stray quote here.
            if let info, info != .null {
                guard case .dict = info else { throw SAMError("Invalid 'DefinitionBody': The value of 'info' should be a map'.", at: bodyRange) }
            }
            if infoValue("description")?.isTruthy == true {
                throw SAMError("Unable to set Description because it is already defined within inline OpenAPI specified in the 'DefinitionBody' property.", at: at)
            }
            guard Self.isValidOpenApi(body) else { throw SAMError(Self.invalidDocument, at: bodyRange) }
        }
    }

    /// `_construct_authorizer_lambda_permission`: API Gateway may invoke the authorizer's function.
    func permission(_ authorizer: SAMHttpApiAuth.Authorizer) -> SAMResource? {
        guard authorizer.defaultPermissions, let arn = authorizer.functionArn else { return nil }
        let at = authorizer.range
        var permission = SAMResource(id + authorizer.name + "AuthorizerPermission", "AWS::Lambda::Permission", at: at)
        permission.attributes = passThrough(at: at)
        permission.properties.set("Action", .string("lambda:InvokeFunction", at: at), keyRange: at)
        permission.properties.set("FunctionName", arn, keyRange: at)
        permission.properties.set("Principal", .string("apigateway.amazonaws.com", at: at), keyRange: at)
        permission.properties.set("SourceArn", .intrinsic(.sub, .list([
            .string("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*", at: at),
            .map([SAMEntry("__ApiId__", .ref(id, at: idRange), keyRange: at)], at: at),
        ], at: at), at: at), keyRange: at)
        return permission
    }
}

extension PythonValue {
    /// The value as Python's `repr` writes it, for the translator's messages that quote a value.
    var pythonRepr: String {
        switch self {
        case .null: "None"
        case .bool(let value): value ? "True" : "False"
        case .int(let text): text
        case .float(let value): "\(value)"
        case .string(let text): "'\(text)'"
        case .list(let elements): "[" + elements.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .dict(let entries): "{" + entries.map { "'\($0.0)': \($0.1.pythonRepr)" }.joined(separator: ", ") + "}"
        }
    }

    /// `type(value).__name__`.
    var pythonTypeName: String {
        switch self {
        case .null: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "str"
        case .list: "list"
        case .dict: "dict"
        }
    }
}
