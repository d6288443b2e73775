import CFNLoader

/// `AWS::Serverless::Api`, written or the implicit `ServerlessRestApi` that `Api` events without a
/// `RestApiId` make: the translator's checks of its properties (`SamApi` in sam_resources.py,
/// `ApiGenerator` in model/api/api_generator.py) and the Lambda permissions of its authorizers
/// (`_construct_authorizer_lambda_permission`). Its RestApi, Deployment and Stage are made once every
/// function is expanded (`SAMRestApiResources`); until then a written API is kept as it is.
struct SAMRestApi {
    static let implicitId = "ServerlessRestApi"

    let expander: SAMExpander
    let id: String
    let idRange: SourceRange
    /// The properties with `Globals.Api` merged in (for the implicit API: `StageName: Prod` and the globals).
    let properties: SAMMap
    /// `Condition`, `DeletionPolicy`, `UpdateReplacePolicy`: what its permissions carry.
    let attributes: SAMMap
    let isImplicit: Bool
    var document: SAMDocument { expander.document }

    subscript(_ key: String) -> SAMValue? { properties[key] }

    /// What the translator accepts of each property (`SamApi.property_types`): a type the value must
    /// have unless it is an intrinsic function (`MergeDefinitions` and `AlwaysDeploy` take none).
    enum Kind { case string, map, bool, int, list, stringOrMap, strictBool }
    static let propertyTypes: [(String, Kind)] = [
        ("Name", .stringOrMap), ("StageName", .stringOrMap), ("Tags", .map), ("PropagateTags", .bool),
        ("DefinitionBody", .map), ("DefinitionUri", .stringOrMap), ("MergeDefinitions", .strictBool),
        ("CacheClusterEnabled", .bool), ("CacheClusterSize", .string), ("Variables", .map),
        ("EndpointConfiguration", .stringOrMap), ("MethodSettings", .list), ("BinaryMediaTypes", .list),
        ("MinimumCompressionSize", .int), ("Cors", .stringOrMap), ("Auth", .map), ("GatewayResponses", .map),
        ("AccessLogSetting", .map), ("CanarySetting", .map), ("TracingEnabled", .bool), ("OpenApiVersion", .string),
        ("Models", .map), ("Domain", .map), ("FailOnWarnings", .bool), ("Description", .string), ("Mode", .string),
        ("DisableExecuteApiEndpoint", .bool), ("ApiKeySourceType", .string), ("AlwaysDeploy", .strictBool),
        ("Policy", .stringOrMap), ("SecurityPolicy", .string), ("EndpointAccessMode", .string),
    ]

    init(_ expander: SAMExpander, _ resource: Resource) throws {
        self.expander = expander
        id = resource.logicalId
        idRange = resource.idRange
        isImplicit = false
        if let node = resource.properties, expander.template.tree.kind(node) != .mapping {
            throw SAMError("Attribute 'Properties' should be a map.", at: expander.template.tree.range(node))
        }
        properties = try expander.properties(of: resource, globals: "Api")
        var attributes = SAMMap(at: resource.idRange)
        for attribute in ["Condition", "DeletionPolicy", "UpdateReplacePolicy"] {
            if let node = resource.node(attribute) {
                attributes.set(attribute, .node(node), keyRange: expander.document.keyRange(attribute, in: .node(resource.node)))
            }
        }
        self.attributes = attributes
    }

    /// The implicit API: `StageName: Prod` and `Globals.Api` (implicit_rest_api_plugin.py).
    init(implicit expander: SAMExpander, at range: SourceRange, attributes: SAMMap) throws {
        self.expander = expander
        id = Self.implicitId
        idRange = range
        isImplicit = true
        let local = SAMMap(at: range, [SAMEntry("StageName", .string("Prod", at: range), keyRange: range)])
        properties = try expander.globals.merge("Api", into: local, resource: Self.implicitId, expander.document)
        self.attributes = attributes
    }

    func error(_ message: String, at key: String) -> SAMError {
        SAMError(message, at: properties.entries.first { $0.key == key }?.keyRange ?? idRange)
    }

    /// Whether SAM writes the API's Swagger itself (`__MANAGE_SWAGGER`): the implicit API, or one with
    /// neither `DefinitionBody` nor `DefinitionUri` (default_definition_body_plugin.py).
    var managesSwagger: Bool {
        isImplicit || (!document.isTruthy(self["DefinitionBody"]) && !document.isTruthy(self["DefinitionUri"]))
    }

    // MARK: Expansion

    /// The checks, then the API as written (explicit) and its authorizers' permissions.
    func expand(resource: Resource?) throws -> [SAMResource] {
        try validate()
        let auth = try SAMRestApiAuth(api: self)
        try checkCors()
        try auth.check()
        try checkGatewayResponses()
        try checkModels()
        try checkDomain()
        try checkUsagePlan(auth.auth)
        var resources: [SAMResource] = []
        if let resource {
            // Kept until the functions are expanded: `expandRestApiResources` replaces it.
            resources.append(written(resource))
            expander.restApis.append((self, id))
        }
        resources += auth.permissions()
        return resources
    }

    /// The API as written: every attribute and the properties of the source (not merged with `Globals`).
    private func written(_ resource: Resource) -> SAMResource {
        var kept = SAMResource(id, "AWS::Serverless::Api", at: idRange)
        for entry in document.entries(.node(resource.node)) ?? [] where entry.key != "Type" && entry.key != "Properties" {
            kept.attributes.set(entry.key, entry.value, keyRange: entry.keyRange)
        }
        if let node = resource.properties, let map = document.map(.node(node)) {
            kept.properties = map
        }
        return kept
    }

    private func validate() throws {
        for (name, kind) in Self.propertyTypes {
            guard let value = self[name], !document.isNull(value) else { continue }
            if kind != .strictBool, document.intrinsic(value) != nil { continue }
            // The Globals plugin turns a 3.x version of an API SAM manages into text (`fix_openapi_definitions`).
            if name == "OpenApiVersion", managesSwagger, case let version = document.python(value), Self.isOpenApiVersion(version),
               Self.pythonString(version).hasPrefix("3") { continue }
            guard !has(value, kind) else { continue }
            switch kind {
            case .string: throw error("Property '\(name)' should be a string.", at: name)
            case .map: throw error("Property '\(name)' should be a map.", at: name)
            default: throw error("Type of property '\(name)' is invalid.", at: name)
            }
        }
        if !isImplicit, self["StageName"] == nil {
            throw SAMError("Missing required property 'StageName'.", at: idRange)
        }
        // `_validate_properties`.
        let body = self["DefinitionBody"], uri = self["DefinitionUri"]
        if document.isTruthy(uri), document.isTruthy(body) {
            throw error("Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.", at: "DefinitionUri")
        }
        if document.isTruthy(uri), document.isTruthy(self["MergeDefinitions"]) {
            throw error("Cannot set 'MergeDefinitions' to True when using `DefinitionUri`.", at: "MergeDefinitions")
        }
        if let version = self["OpenApiVersion"], document.isTruthy(version), !Self.isOpenApiVersion(document.python(version)) {
            throw error("The OpenApiVersion value must be of the format '3.0.0'.", at: "OpenApiVersion")
        }
        // `_set_endpoint_configuration`: SAM's spelling and API Gateway's, not both.
        if let endpoint = self["EndpointConfiguration"], document.isTruthy(endpoint), document.intrinsic(endpoint) == nil,
           let entries = document.entries(endpoint), document.isTruthy(document.value("Type", in: endpoint)),
           entries.contains(where: { $0.key == "VPCEndpointIds" }), entries.contains(where: { $0.key == "VpcEndpointIds" }) {
            throw error("'VPCEndpointIds' and 'VpcEndpointIds' cannot be used together in EndpointConfiguration.", at: "EndpointConfiguration")
        }
    }

    private func has(_ value: SAMValue, _ kind: Kind) -> Bool {
        let isContainer = document.entries(value) != nil || document.elements(value) != nil || document.intrinsic(value) != nil
        switch kind {
        case .string: return document.text(value) != nil
        case .map: return document.entries(value) != nil
        case .list: return document.elements(value) != nil
        case .stringOrMap: return document.text(value) != nil || document.entries(value) != nil
        case .bool, .strictBool:
            if isContainer { return false }
            if case .bool = document.python(value) { return true }
            return false
        case .int:
            if isContainer { return false }
            switch document.python(value) {
            case .int, .bool: return true
            default: return false
            }
        }
    }

    /// `\A[2-3](\.\d)(\.\d)?$` over Python's `str()` of the value (`get_openapi_versions_supported_regex`).
    static func isOpenApiVersion(_ value: PythonValue) -> Bool {
        var bytes = Array(pythonString(value).utf8)
        if bytes.last == 0x0A { bytes.removeLast() }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        guard bytes.count == 3 || bytes.count == 5, bytes[0] == 0x32 || bytes[0] == 0x33 else { return false }
        guard bytes[1] == 0x2E, isDigit(bytes[2]) else { return false }
        return bytes.count == 3 || (bytes[3] == 0x2E && isDigit(bytes[4]))
    }

    /// Python's `str()` of a scalar (`3.0` for the float 3.0); empty for anything else.
    static func pythonString(_ value: PythonValue) -> String {
        switch value {
        case .string(let text), .int(let text): text
        case .float(let number): "\(number)"
        case .bool(let flag): flag ? "True" : "False"
        default: ""
        }
    }

    /// `Cors` keys the translator knows (`CorsProperties`), and an origin it can write.
    static let corsKeys: Set<String> = ["AllowMethods", "AllowHeaders", "AllowOrigin", "MaxAge", "AllowCredentials"]

    private func checkCors() throws {
        guard let cors = self["Cors"], document.isTruthy(cors) else { return }
        if !isImplicit, !managesSwagger, !document.isTruthy(self["DefinitionBody"]) {
            throw error("Cors works only with inline Swagger specified in 'DefinitionBody' property.", at: "Cors")
        }
        guard let entries = document.entries(cors), document.intrinsic(cors) == nil else { return }
        for entry in entries where !Self.corsKeys.contains(entry.key) {
            throw SAMError("Invalid key '\(entry.key)' for 'Cors' property.", at: entry.keyRange)
        }
        // `add_cors` requires an origin: absent, it defaults to '*'; given empty, it is refused.
        let origin = entries.last { $0.key == "AllowOrigin" }?.value
        if let credentials = entries.last(where: { $0.key == "AllowCredentials" })?.value, document.python(credentials) == .bool(true),
           origin.map({ document.text($0) == "'*'" }) ?? true {
            throw error("Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set", at: "Cors")
        }
        if let origin, !document.isTruthy(origin) {
            throw SAMError("Structure of the SAM template is invalid. Invalid input. Value for AllowedOrigins is required",
                           at: document.range(origin))
        }
    }
}
