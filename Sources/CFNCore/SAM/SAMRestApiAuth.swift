import CFNLoader

/// A REST API's `Auth`: the translator's checks of it (`ApiGenerator._add_auth`, `_get_authorizers`,
/// `ApiGatewayAuthorizer` in model/apigateway.py) and the permission letting API Gateway invoke each
/// Lambda authorizer (`_get_permission`: `<Api><Authorizer>AuthorizerPermission`).
struct SAMRestApiAuth {
    /// The keys `Auth` may have (`AuthProperties`).
    static let keys: Set<String> = [
        "Authorizers", "DefaultAuthorizer", "InvokeRole", "AddDefaultAuthorizerToCorsPreflight",
        "AddApiKeyRequiredToCorsPreflight", "ApiKeyRequired", "ResourcePolicy", "UsagePlan",
    ]

    struct Authorizer {
        let name: String
        let keyRange: SourceRange
        let value: SAMValue
        var functionArn: SAMValue?
        var disablesPermission: Bool
    }

    let api: SAMRestApi
    /// `Auth` with parameter references resolved, as the translator reads it; nil when absent or empty.
    let auth: SAMValue?
    /// The authorizers, in order (`AWS_IAM` first when it is the default).
    private(set) var authorizers: [Authorizer] = []
    var document: SAMDocument { api.document }

    init(api: SAMRestApi) throws {
        self.api = api
        let given = api["Auth"].flatMap { api.document.isTruthy($0) ? $0 : nil }
        auth = given.map { api.expander.parameters.resolve($0, api.document) }
        guard let auth else { return }
        authorizers = try Self.authorizers(in: auth, api: api.id, document)
    }

    /// `_get_authorizers` and the checks `ApiGatewayAuthorizer` makes as it is built.
    static func authorizers(in auth: SAMValue, api id: String, _ document: SAMDocument) throws -> [Authorizer] {
        var result: [Authorizer] = []
        let defaultAuthorizer = document.value("DefaultAuthorizer", in: auth)
        if let defaultAuthorizer, document.string(defaultAuthorizer) == "AWS_IAM", document.intrinsic(defaultAuthorizer) == nil {
            result.append(Authorizer(name: "AWS_IAM", keyRange: document.range(defaultAuthorizer), value: defaultAuthorizer,
                                     functionArn: nil, disablesPermission: false))
        }
        guard let config = document.value("Authorizers", in: auth), document.isTruthy(config) else { return result }
        guard let entries = document.entries(config), document.intrinsic(config) == nil else {
            throw SAMError("Property 'Auth.Authorizers' should be a map.", at: document.range(config))
        }
        for entry in entries {
            let name = entry.key
            guard document.entries(entry.value) != nil, document.intrinsic(entry.value) == nil else {
                throw SAMError("Property 'Auth.Authorizers.\(name)' should be a map.", at: document.range(entry.value))
            }
            let field = { (key: String) in document.value(key, in: entry.value).flatMap { document.isNull($0) ? nil : $0 } }
            let payloadType = field("FunctionPayloadType")
            if let payloadType {
                let text = document.text(payloadType)
                guard text == "TOKEN" || text == "REQUEST" else {
                    let shown = text ?? document.python(payloadType).compactSortedJSON
                    throw SAMError("\(name) Authorizer has invalid 'FunctionPayloadType': \(shown).", at: document.range(payloadType))
                }
                if text == "REQUEST", try missesIdentitySource(field("Identity"), name: name, document) {
                    throw SAMError("\(name) Authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context.",
                                   at: entry.keyRange)
                }
            }
            if let scopes = field("AuthorizationScopes"), document.elements(scopes) == nil {
                throw SAMError("Property 'Authorizers.\(name).AuthorizationScopes' should be a list.", at: document.range(scopes))
            }
            var disables = false
            if let disable = field("DisableFunctionDefaultPermissions") {
                guard case .bool(let flag) = document.python(disable), document.intrinsic(disable) == nil else {
                    throw SAMError("Property 'Authorizers.\(name).DisableFunctionDefaultPermissions' should be a boolean.", at: document.range(disable))
                }
                disables = flag
            }
            result.removeAll { $0.name == name }
            result.append(Authorizer(name: name, keyRange: entry.keyRange, value: entry.value, functionArn: field("FunctionArn"),
                                     disablesPermission: disables))
        }
        return result
    }

    /// `_is_missing_identity_source`: a REQUEST authorizer needs a source unless caching is off (`ReauthorizeEvery: 0`).
    private static func missesIdentitySource(_ identity: SAMValue?, name: String, _ document: SAMDocument) throws -> Bool {
        guard let identity, document.isTruthy(identity) else { return true }
        guard document.entries(identity) != nil, document.intrinsic(identity) == nil else {
            throw SAMError("Property 'Authorizer.\(name).Identity' should be a map.", at: document.range(identity))
        }
        let missing = !["Headers", "QueryStrings", "StageVariables", "Context"].contains { document.isTruthy(document.value($0, in: identity)) }
        guard let ttl = document.value("ReauthorizeEvery", in: identity), !document.isNull(ttl) else { return missing }
        // Only the sign of Python's `int(ReauthorizeEvery)` matters; it has no upper bound, so a
        // large value is positive, never a trap.
        let positive: Bool?
        switch document.python(ttl) {
        case .int(let text), .string(let text):
            let digits = text.trimmingCharacters(in: .whitespaces)
            positive = Int(digits).map { $0 > 0 } ?? Self.isLargeInteger(digits)
        case .bool(let flag): positive = flag
        case .float(let number): positive = number.isFinite ? number >= 1 : nil
        default: positive = nil
        }
        guard let positive else { return missing }
        return positive && missing
    }

    /// Whether text too long for `Int` is still an integer to Python: true when positive, false when
    /// negative, nil when it is not an integer at all.
    static func isLargeInteger(_ text: String) -> Bool? {
        let negative = text.hasPrefix("-")
        let digits = text.drop { $0 == "-" || $0 == "+" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber || $0 == "_" }) else { return nil }
        return !negative && digits.contains { $0 != "0" && $0 != "_" }
    }

    /// `_add_auth` and what building the authorizers' Swagger checks.
    func check() throws {
        guard let auth else { return }
        let at = api.properties.entries.first { $0.key == "Auth" }?.keyRange ?? api.idRange
        if !api.managesSwagger, !document.isTruthy(api["DefinitionBody"]) {
            throw SAMError("Auth works only with inline Swagger specified in 'DefinitionBody' property.", at: at)
        }
        guard let entries = document.entries(auth) else { return }
        if entries.contains(where: { !Self.keys.contains($0.key) }) {
            throw SAMError("Invalid value for 'Auth' property", at: at)
        }
        if !api.managesSwagger, let body = api["DefinitionBody"], !SAMSwagger.isValid(body, document) {
            throw SAMError("Unable to add Auth configuration because 'DefinitionBody' does not contain a valid Swagger definition.", at: at)
        }
        let body = api.managesSwagger ? nil : api["DefinitionBody"]
        if let body { try SAMSwagger.checkPaths(body, document) }
        for authorizer in authorizers where authorizer.name != "AWS_IAM" {
            try checkSwagger(of: authorizer)
        }
        if !authorizers.isEmpty, let given = document.value("DefaultAuthorizer", in: auth), document.isTruthy(given) {
            guard let name = document.text(given), document.intrinsic(given) == nil else {
                throw SAMError("DefaultAuthorizer is not a string.", at: document.range(given))
            }
            guard authorizers.contains(where: { $0.name == name }) else {
                throw SAMError("Unable to set DefaultAuthorizer because '\(name)' was not defined in 'Authorizers'.", at: document.range(given))
            }
            if let body { try SAMSwagger.checkMethods(body, document) }
        }
        if document.isTruthy(document.value("ApiKeyRequired", in: auth)), let body {
            try SAMSwagger.checkSecurityDefinitions(body, document)
            try SAMSwagger.checkMethods(body, document)
        }
        if let policy = document.value("ResourcePolicy", in: auth), document.isTruthy(policy) {
            guard document.entries(policy) != nil, document.intrinsic(policy) == nil else {
                throw SAMSwagger.structure("ResourcePolicy must be a map (ResourcePolicyStatement).", document.range(policy))
            }
            try SAMRestApiResourcePolicy.check(policy, document)
        }
    }

    /// `generate_swagger`: the identity of a Lambda or Cognito authorizer, its header and sources.
    private func checkSwagger(of authorizer: Authorizer) throws {
        let name = authorizer.name
        let identity = document.value("Identity", in: authorizer.value).flatMap { document.isNull($0) ? nil : $0 }
        if let identity, document.isTruthy(identity), document.entries(identity) == nil || document.intrinsic(identity) != nil {
            throw SAMError("Property 'Auth.Authorizers.\(name).Identity' should be a map.", at: document.range(identity))
        }
        let isCognito = document.value("UserPoolArn", in: authorizer.value).map(document.isTruthy) ?? false
        let payload = document.value("FunctionPayloadType", in: authorizer.value).flatMap(document.text)
        guard !isCognito, payload == "REQUEST", let identity else { return }
        for key in ["Headers", "QueryStrings", "StageVariables", "Context"] {
            guard let list = document.value(key, in: identity), document.isTruthy(list) else { continue }
            let path = "Auth.Authorizers.\(name).Identity.\(key)"
            guard let elements = document.elements(list) else {
                throw SAMError("Property '\(path)' should be a list.", at: document.range(list))
            }
            for (index, element) in elements.enumerated() where document.text(element) == nil {
                throw SAMError("Property '\(path)[\(index)]' should be a string.", at: document.range(element))
            }
        }
    }

    /// The permissions of the Lambda authorizers (those with a `FunctionArn`, unless
    /// `DisableFunctionDefaultPermissions`), carrying the API's `Condition` and policies.
    func permissions() -> [SAMResource] {
        authorizers.compactMap { authorizer in
            guard let arn = authorizer.functionArn, document.isTruthy(arn), !authorizer.disablesPermission else { return nil }
            let at = authorizer.keyRange
            var permission = SAMResource(api.id + authorizer.name + "AuthorizerPermission", "AWS::Lambda::Permission", at: api.idRange)
            permission.attributes = api.attributes
            permission.properties.set("Action", .string("lambda:InvokeFunction", at: at), keyRange: at)
            permission.properties.set("FunctionName", arn, keyRange: at)
            permission.properties.set("Principal", .string("apigateway.amazonaws.com", at: at), keyRange: at)
            permission.properties.set("SourceArn", .intrinsic(.sub, .list([
                .string("arn:\(api.expander.partition):execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*", at: at),
                .map([SAMEntry("__ApiId__", .ref(api.id, at: at), keyRange: at)], at: at),
            ], at: at), at: at), keyRange: at)
            return permission
        }
    }
}
