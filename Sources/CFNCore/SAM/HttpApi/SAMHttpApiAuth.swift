import CFNLoader

/// An HTTP API's `Auth`, checked as the translator checks it (`_add_auth`, `_get_authorizers` in
/// samtranslator/model/api/http_api_generator.py; `ApiGatewayV2Authorizer` in model/apigatewayv2.py).
struct SAMHttpApiAuth {
    struct Authorizer {
        enum Kind { case iam, jwt, request }
        let name: String
        let kind: Kind
        /// The authorizer's mapping in `Auth.Authorizers` (nil for `AWS_IAM`).
        let config: SAMValue?
        let functionArn: SAMValue?
        /// `EnableFunctionDefaultPermissions: true`: the transform makes the authorizer's permission.
        let defaultPermissions: Bool
        let range: SourceRange
    }

    /// The properties each kind of authorizer takes, with the kind the message names.
    static let display: [(key: String, allowedFor: String)] = [
        ("AuthorizationScopes", "OAuth2 Authorizer"), ("JwtConfiguration", "OAuth2 Authorizer"),
        ("IdentitySource", "OAuth2 Authorizer. For Lambda Authorizer, use the 'Identity' property instead"),
        ("FunctionArn", "Lambda Authorizer"), ("FunctionInvokeRole", "Lambda Authorizer"), ("Identity", "Lambda Authorizer"),
        ("AuthorizerPayloadFormatVersion", "Lambda Authorizer"), ("EnableSimpleResponses", "Lambda Authorizer"),
        ("EnableFunctionDefaultPermissions", "Lambda Authorizer"),
    ]
    static let jwtKeys: Set<String> = ["AuthorizationScopes", "JwtConfiguration", "IdentitySource"]
    static let identitySources = ["Headers", "QueryStrings", "StageVariables", "Context"]

    let api: SAMHttpApi
    let auth: SAMValue
    var document: SAMDocument { api.document }

    /// The authorizers, after every check; throws the first the translator would raise.
    func check() throws -> (authorizers: [Authorizer], defaultName: String?) {
        guard document.isTruthy(auth) else { return ([], nil) }
        let at = api.keyRange("Auth")
        guard api.body != nil else { throw SAMError("Auth works only with inline OpenApi specified in the 'DefinitionBody' property.", at: at) }
        let entries = document.entries(auth) ?? document.intrinsic(auth).map { [SAMEntry($0.function.longName, $0.argument, keyRange: at)] } ?? []
        guard entries.allSatisfy({ SAMHttpApi.authKeys.contains($0.key) }) else { throw SAMError("Invalid value for 'Auth' property", at: at) }
        guard SAMHttpApi.isValidOpenApi(api.body) else {
            throw SAMError("Unable to add Auth configuration because 'DefinitionBody' does not contain a valid OpenApi definition.", at: at)
        }
        let value = { (key: String) in entries.last { $0.key == key }.flatMap { document.isNull($0.value) ? nil : $0.value } }
        var authorizers: [Authorizer] = []
        var names: Set<String> = []
        if let iam = value("EnableIamAuthorizer"), document.python(iam) == .bool(true) {
            names.insert("AWS_IAM")
            authorizers.append(Authorizer(name: "AWS_IAM", kind: .iam, config: nil, functionArn: nil, defaultPermissions: false, range: at))
        }
        if let config = value("Authorizers"), document.isTruthy(config) {
            guard let list = document.entries(config) else {
                throw SAMError("Property 'Auth.Authorizers' should be a map.", at: document.range(config))
            }
            for entry in list { authorizers.append(try authorizer(entry)) }
            // The security schemes are written once every authorizer is made.
            for entry in list { try checkIdentity(entry) }
            names.formUnion(list.map(\.key))
        }
        var defaultName: String?
        if let given = value("DefaultAuthorizer"), document.isTruthy(given), !document.isNoValue(given) {
            guard let name = document.text(given) else {
                throw SAMError("Property 'Auth.DefaultAuthorizer' should be a string.", at: document.range(given))
            }
            guard names.contains(name) else {
                throw SAMError("Unable to set DefaultAuthorizer because '\(name)' was not defined in 'Authorizers'.", at: document.range(given))
            }
            defaultName = name
        }
        return (authorizers, defaultName)
    }

    /// One authorizer: OAuth2 (JWT) when it has a `JwtConfiguration`, else Lambda.
    private func authorizer(_ entry: SAMEntry) throws -> Authorizer {
        let name = entry.key
        let at = entry.keyRange
        guard let fields = document.entries(entry.value) else {
            if document.intrinsic(entry.value) != nil { throw SAMError("\(name) Lambda Authorizer must define 'FunctionArn'.", at: at) }
            throw SAMError("Property 'Auth.Authorizers.\(name)' should be a map.", at: at)
        }
        let value = { (key: String) in fields.last { $0.key == key }.flatMap { document.isNull($0.value) ? nil : $0.value } }
        if fields.contains(where: { $0.key == "OpenIdConnectUrl" }) {
            throw SAMError("'OpenIdConnectUrl' is no longer a supported property for authorizer '\(name)'. Please refer to the AWS SAM documentation.", at: at)
        }
        var isJwt = false
        if let jwt = value("JwtConfiguration"), document.isTruthy(jwt) {
            guard document.entries(jwt) != nil || document.intrinsic(jwt) != nil else {
                throw SAMError("Property 'JwtConfiguration' should be a map.", at: document.range(jwt))
            }
            isJwt = true
        }
        if let scopes = value("AuthorizationScopes"), document.elements(scopes) == nil {
            throw SAMError("AuthorizationScopes must be a list.", at: document.range(scopes))
        }
        for (key, allowedFor) in Self.display where value(key) != nil && Self.jwtKeys.contains(key) != isJwt {
            throw SAMError("\(key) is only supported for \(allowedFor).", at: fields.last { $0.key == key }?.keyRange ?? at)
        }
        if isJwt {
            guard document.isTruthy(value("IdentitySource")) else {
                throw SAMError("\(name) OAuth2 Authorizer must define 'IdentitySource'.", at: at)
            }
        } else {
            guard document.isTruthy(value("FunctionArn")) else { throw SAMError("\(name) Lambda Authorizer must define 'FunctionArn'.", at: at) }
            guard document.isTruthy(value("AuthorizerPayloadFormatVersion")) else {
                throw SAMError("\(name) Lambda Authorizer must define 'AuthorizerPayloadFormatVersion'.", at: at)
            }
        }
        var permissions = false
        if let enable = value("EnableFunctionDefaultPermissions") {
            guard case .bool(let flag) = document.python(enable), document.intrinsic(enable) == nil else {
                throw SAMError("Property 'Authorizers.\(name).EnableFunctionDefaultPermissions' should be a boolean.", at: document.range(enable))
            }
            permissions = flag
        }
        return Authorizer(name: name, kind: isJwt ? .jwt : .request, config: entry.value, functionArn: isJwt ? nil : value("FunctionArn"), defaultPermissions: permissions, range: at)
    }

    /// A Lambda authorizer's `Identity`: a mapping whose sources are lists of strings.
    private func checkIdentity(_ entry: SAMEntry) throws {
        // Only Lambda authorizers reach here with an `Identity` (`_validate_input_parameters`).
        guard let identity = document.value("Identity", in: entry.value), document.isTruthy(identity) else { return }
        guard document.entries(identity) != nil else {
            throw SAMError("Property 'Auth.Authorizers.\(entry.key).Identity' should be a map.", at: document.range(identity))
        }
        for source in Self.identitySources {
            guard let list = document.value(source, in: identity), document.isTruthy(list) else { continue }
            let path = "Authorizers.\(entry.key).Identity.\(source)"
            guard let elements = document.elements(list) else { throw SAMError("Property '\(path)' should be a list.", at: document.range(list)) }
            for (index, element) in elements.enumerated() where document.text(element) == nil {
                throw SAMError("Property '\(path)[\(index)]' should be a string.", at: document.range(element))
            }
        }
    }
}
