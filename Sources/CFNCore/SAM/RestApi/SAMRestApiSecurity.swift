import CFNLoader

/// A REST API's `Auth` and its events' `Auth` written into its Swagger as the translator writes
/// them (samtranslator/swagger/swagger.py: `add_authorizers_security_definitions`,
/// `set_path_default_authorizer`, `set_path_default_apikey_required`, `add_auth_to_method`,
/// `add_awsiam_security_definition`, `add_apikey_security_definition`; the AWS_IAM credentials of
/// `add_lambda_integration`). Every dict it makes is a `Py27Dict` unless the translator makes a plain one.
extension SAMRestApiSwagger {
    /// `securityDefinitions` as an editor holds it: the document's when it is a non-empty mapping,
    /// else a new one, written back only when not empty (`SwaggerEditor.swagger`).
    struct Definitions {
        var dict: PyDict
        init(_ document: PyDict, at range: SourceRange) {
            if case .dict(let given)? = document["securityDefinitions"], !given.isEmpty { dict = given } else { dict = PyDict(py27: true, at: range) }
        }

        func write(into document: inout PyDict) {
            if !dict.isEmpty { document.set("securityDefinitions", .dict(dict)) }
        }

        /// `add_awsiam_security_definition`.
        mutating func addAwsIam(at range: SourceRange) {
            add("AWS_IAM", [("x-amazon-apigateway-authtype", "awsSigv4"), ("type", "apiKey"), ("name", "Authorization"), ("in", "header")], at: range)
        }

        /// `add_apikey_security_definition`.
        mutating func addApiKey(at range: SourceRange) {
            add("api_key", [("type", "apiKey"), ("name", "x-api-key"), ("in", "header")], at: range)
        }

        /// A definition of plain text fields, added once by `update` (a merge of one key).
        private mutating func add(_ name: String, _ fields: [(String, String)], at range: SourceRange) {
            guard dict[name] == nil else { return }
            var definition = PyDict(py27: true, at: range)
            for (key, value) in fields { definition.set(key, .text(value, unicode: false, at: range)) }
            dict.merge([(name, .dict(definition))])
        }
    }

    /// `add_auth_to_swagger` in an editor of its own: what an event with `OverrideApiAuth` does to the
    /// body after its integration (push.py `to_cloudformation`).
    mutating func addMethodAuth(_ path: String, _ method: String, auth: SAMRestApiMethodAuth, at range: SourceRange) {
        edit { document in
            var definitions = Definitions(document, at: range)
            guard case .dict(var paths)? = document["paths"] else { return }
            auth.apply(&paths, &definitions, path: path, method: method, at: range)
            document.set("paths", .dict(paths))
            definitions.write(into: &document)
        }
    }

    /// `{name: value}` as a `Py27Dict`.
    static func single(_ name: String, unicode: Bool, _ value: PyValue, at range: SourceRange) -> PyValue {
        var dict = PyDict(py27: true, at: range)
        dict.set(name, value, unicodeKey: unicode, keyRange: range)
        return .dict(dict)
    }

    /// `iter_on_all_methods_for_path` (every method, `method` nil) or
    /// `iter_on_method_definitions_for_path_at_method`: each method definition with an integration,
    /// inside conditions too, with its normalized name.
    static func withMethods(_ paths: inout PyDict, path: String, method: String?, _ body: (String, inout PyDict) -> Void) {
        paths.update(path) { item in
            withContents(&item) { item in
                let names = method.map { [methodKey($0).key] } ?? item.order.filter { !SAMSwagger.excluded.contains($0) }
                for name in names where item[name] != nil {
                    let normalized = methodKey(name).key
                    item.update(name) { value in
                        withContents(&value) { definition in
                            guard definition["x-amazon-apigateway-integration"]?.isTruthy ?? false else { return }
                            body(normalized, &definition)
                        }
                    }
                }
            }
        }
    }

    /// The method's `security` as a list (absent: empty).
    static func security(of definition: PyDict) -> [PyValue] {
        if case .list(let list, _)? = definition["security"] { return list }
        return []
    }

    static func keys(of entry: PyValue) -> [String] { entry.dict?.order ?? [] }
}

/// What an `Api` event's `Auth` and its API's `Auth` write into the method SAM adds for it
/// (push.py `add_auth_to_swagger`, swagger.py `add_auth_to_method`).
struct SAMRestApiMethodAuth {
    let auth: SAMValue?
    let apiAuth: SAMValue?
    let document: SAMDocument
    let partition: String

    private func field(_ key: String, in value: SAMValue?) -> SAMValue? {
        value.flatMap { document.value(key, in: $0) }
    }

    private var hasAuth: Bool { auth.map { document.isTruthy($0) } ?? false }

    /// `add_lambda_integration`: with `AWS_IAM` the integration's `credentials`, the method's
    /// `InvokeRole` or the API's, the caller's credentials by default, none for `NONE`.
    func credentials(at range: SourceRange) -> PyValue? {
        let methodAuthorizer = field("Authorizer", in: hasAuth ? auth : nil).flatMap(document.text)
        let apiDefault = field("DefaultAuthorizer", in: apiAuth).flatMap(document.text)
        guard methodAuthorizer == "AWS_IAM" || (apiDefault == "AWS_IAM" && !hasAuth) else { return nil }
        let role = { (config: SAMValue?) -> PyValue? in
            guard let config, let given = document.value("InvokeRole", in: config) else { return nil }
            return document.isTruthy(given) ? .converted(given, document) : .text("NONE", unicode: false, at: range)
        }
        let chosen = role(hasAuth ? auth : nil).flatMap { $0.isTruthy ? $0 : nil } ?? role(apiAuth)
        guard let chosen, chosen.isTruthy, chosen.text != "CALLER_CREDENTIALS" else {
            return .text("arn:\(partition):iam::*:user/*", unicode: false, at: range)
        }
        return chosen.text == "NONE" ? nil : chosen
    }

    /// `add_auth_to_method` on the method just integrated.
    func apply(_ paths: inout PyDict, _ definitions: inout SAMRestApiSwagger.Definitions, path: String, method: String, at range: SourceRange) {
        guard hasAuth, let auth else { return }
        if let authorizer = field("Authorizer", in: auth), document.isTruthy(authorizer), let name = document.text(authorizer) {
            let scopes = field("AuthorizationScopes", in: auth).flatMap { document.isNull($0) ? nil : $0 }
            let authorizers = field("Authorizers", in: apiAuth).flatMap { document.isTruthy($0) ? $0 : nil }
            var needsAwsIam = false
            SAMRestApiSwagger.withMethods(&paths, path: path, method: method) { _, definition in
                var value = PyValue.list([], at: range)
                if name != "NONE", let authorizers {
                    let given = document.value(name, in: authorizers)
                    var chosen = given.flatMap { document.value("AuthorizationScopes", in: $0) }.flatMap { document.isNull($0) ? nil : $0 }
                    if let scopes { chosen = scopes }
                    if given.map({ !document.isNull($0) }) ?? false, let chosen { value = .converted(chosen, document) }
                }
                let security = SAMRestApiSwagger.security(of: definition) + [SAMRestApiSwagger.single(name, unicode: true, value, at: range)]
                definition.set("security", .list(security, at: range))
                if SAMRestApiSwagger.keys(of: security[0]).contains("AWS_IAM") { needsAwsIam = true }
            }
            if needsAwsIam { definitions.addAwsIam(at: range) }
        }
        if let required = field("ApiKeyRequired", in: auth), !document.isNull(required) {
            let flag = document.isTruthy(required)
            if flag { definitions.addApiKey(at: range) }
            SAMRestApiSwagger.withMethods(&paths, path: path, method: method) { _, definition in
                let marker = SAMRestApiSwagger.single(flag ? "api_key" : "api_key_false", unicode: false, .list([], at: range), at: range)
                definition.set("security", .list(SAMRestApiSwagger.security(of: definition) + [marker], at: range))
            }
        }
    }
}

/// A REST API's `Auth` in its Swagger (`ApiGenerator._add_auth`): each authorizer's security
/// definition (`ApiGatewayAuthorizer.generate_swagger`), the `DefaultAuthorizer` on every method,
/// `ApiKeyRequired`.
struct SAMRestApiAuthSwagger {
    let auth: SAMValue
    let document: SAMDocument
    let partition: String

    private func field(_ key: String, in value: SAMValue?) -> SAMValue? {
        value.flatMap { document.value(key, in: $0) }.flatMap { document.isNull($0) ? nil : $0 }
    }

    /// `_get_authorizers`: `AWS_IAM` first when it is the default, then the authorizers, in Python 2.7's order.
    private func authorizers() -> [(name: String, keyRange: SourceRange, value: SAMValue?)] {
        var list: [(name: String, keyRange: SourceRange, value: SAMValue?)] = []
        if let given = field("DefaultAuthorizer", in: auth), document.text(given) == "AWS_IAM", document.intrinsic(given) == nil {
            list.append(("AWS_IAM", document.range(given), nil))
        }
        let entries = field("Authorizers", in: auth).flatMap(document.entries) ?? []
        var written = Py27Keys()
        for entry in entries { written.add(entry.key) }
        var order = Py27Keys()
        for item in list { order.add(item.name) }
        for name in written.order {
            order.add(name)
            guard let entry = entries.last(where: { $0.key == name }) else { continue }
            list.removeAll { $0.name == name }
            list.append((name, entry.keyRange, entry.value))
        }
        return order.order.compactMap { name in list.first { $0.name == name } }
    }

    /// `generate_swagger` of one authorizer (`value` nil for the default `AWS_IAM`).
    private func definition(_ value: SAMValue?, at range: SourceRange) -> PyValue {
        let text = { (value: String) in PyValue.text(value, unicode: false, at: range) }
        let identity = field("Identity", in: value)
        let userPool = field("UserPoolArn", in: value).flatMap { document.isTruthy($0) ? $0 : nil }
        let kind = value == nil ? "AWS_IAM" : userPool != nil ? "COGNITO_USER_POOLS" : "LAMBDA"
        let payload = field("FunctionPayloadType", in: value).flatMap { document.isTruthy($0) ? document.text($0) : nil } ?? "TOKEN"
        var swagger = PyDict(py27: true, at: range)
        swagger.set("type", text("apiKey"))
        if kind == "LAMBDA", payload == "REQUEST" {
            swagger.set("name", text("Unused"))
        } else if let header = field("Header", in: identity), document.isTruthy(header) {
            swagger.set("name", .converted(header, document))
        } else {
            swagger.set("name", text("Authorization"))
        }
        swagger.set("in", text("header"))
        swagger.set("x-amazon-apigateway-authtype", text(kind == "AWS_IAM" ? "awsSigv4" : kind == "COGNITO_USER_POOLS" ? "cognito_user_pools" : "custom"))
        var authorizer: PyDict?
        if kind == "COGNITO_USER_POOLS", let userPool {
            var made = PyDict(py27: true, at: range)
            made.set("type", text("cognito_user_pools"))
            let arns = PyValue.converted(userPool, document)
            if case .list = arns { made.set("providerARNs", arns) } else { made.set("providerARNs", .list([arns], at: range)) }
            authorizer = made
        } else if kind == "LAMBDA" {
            var made = PyDict(py27: true, at: range)
            made.set("type", text(payload == "REQUEST" ? "request" : "token"))
            var arn = PyDict(py27: false, at: range)
            arn.set("__FunctionArn__", field("FunctionArn", in: value).map { PyValue.converted($0, document) } ?? .scalar(.null, .scalar("null", isString: false, at: range)))
            var sub = PyDict(py27: false, at: range)
            sub.set("Fn::Sub", .list([text("arn:\(partition):apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations"),
                                      .dict(arn)], at: range))
            made.set("authorizerUri", .dict(sub))
            if let ttl = field("ReauthorizeEvery", in: identity) { made.set("authorizerResultTtlInSeconds", .converted(ttl, document)) }
            if let role = field("FunctionInvokeRole", in: value), document.isTruthy(role), document.text(role) != "NONE" || document.intrinsic(role) != nil {
                made.set("authorizerCredentials", .converted(role, document))
            }
            if payload == "REQUEST", let source = identitySource(identity, at: range) { made.set("identitySource", source) }
            authorizer = made
        }
        if kind == "COGNITO_USER_POOLS" || (kind == "LAMBDA" && payload == "TOKEN"),
           let expression = field("ValidationExpression", in: identity), document.isTruthy(expression) {
            authorizer?.set("identityValidationExpression", .converted(expression, document))
        }
        if let authorizer { swagger.set("x-amazon-apigateway-authorizer", .dict(authorizer)) }
        return .dict(swagger)
    }

    /// `_get_identity_source`: the sources joined with `, `, text of the template when any part is.
    private func identitySource(_ identity: SAMValue?, at range: SourceRange) -> PyValue? {
        var parts: [String] = []
        for (key, prefix) in [("Headers", "method.request.header."), ("QueryStrings", "method.request.querystring."),
                              ("StageVariables", "stageVariables."), ("Context", "context.")] {
            guard let list = field(key, in: identity), document.isTruthy(list) else { continue }
            parts += (document.elements(list) ?? []).compactMap(document.text).map { prefix + $0 }
        }
        guard !parts.isEmpty else { return nil }
        return .text(parts.joined(separator: ", "), unicode: true, at: range)
    }

    /// `_add_auth`, one editor round.
    func apply(to swagger: inout SAMRestApiSwagger) {
        let range = swagger.range
        let authorizers = authorizers()
        let defaultName = field("DefaultAuthorizer", in: auth).flatMap { document.isTruthy($0) ? document.text($0) : nil }
        let preflight = field("AddDefaultAuthorizerToCorsPreflight", in: auth).map(document.isTruthy) ?? true
        let apiKeyRequired = field("ApiKeyRequired", in: auth).map(document.isTruthy) ?? false
        let apiKeyPreflight = field("AddApiKeyRequiredToCorsPreflight", in: auth).map(document.isTruthy) ?? true
        swagger.edit { body in
            var definitions = SAMRestApiSwagger.Definitions(body, at: range)
            guard case .dict(var paths)? = body["paths"] else { return }
            if !authorizers.isEmpty {
                for authorizer in authorizers {
                    definitions.dict.set(authorizer.name, definition(authorizer.value, at: authorizer.keyRange), unicodeKey: true, keyRange: authorizer.keyRange)
                }
                if let defaultName {
                    let scopes = authorizers.first { $0.name == defaultName }?.value
                        .flatMap { field("AuthorizationScopes", in: $0) }.map { PyValue.converted($0, document) } ?? .list([], at: range)
                    let names = Set(["AWS_IAM"] + authorizers.map(\.name))
                    var needsAwsIam = false
                    for path in paths.order {
                        SAMRestApiSwagger.withMethods(&paths, path: path, method: nil) { method, definition in
                            if !preflight, method == "options" { return }
                            var others: [PyValue] = [], existing: [PyValue] = []
                            for entry in SAMRestApiSwagger.security(of: definition) {
                                if names.isDisjoint(with: SAMRestApiSwagger.keys(of: entry)) { others.append(entry) } else { existing.append(entry) }
                            }
                            var chosen: [PyValue] = []
                            if let none = others.firstIndex(where: { SAMRestApiSwagger.keys(of: $0).contains("NONE") }) {
                                others.remove(at: none)
                            } else if !existing.isEmpty {
                                chosen = existing
                            } else {
                                chosen = [SAMRestApiSwagger.single(defaultName, unicode: true, scopes, at: range)]
                            }
                            let security = others + chosen
                            guard !security.isEmpty else { return }
                            definition.set("security", .list(security, at: range))
                            if SAMRestApiSwagger.keys(of: security[0]).contains("AWS_IAM") { needsAwsIam = true }
                        }
                        if needsAwsIam { definitions.addAwsIam(at: range); needsAwsIam = false }
                    }
                }
            }
            if apiKeyRequired {
                definitions.addApiKey(at: range)
                for path in paths.order {
                    SAMRestApiSwagger.withMethods(&paths, path: path, method: nil) { method, definition in
                        let existing = SAMRestApiSwagger.security(of: definition)
                        let names: Set<String> = ["api_key", "api_key_false"]
                        var others: [PyValue] = [], keys: [PyValue] = []
                        for entry in existing {
                            if names.isDisjoint(with: SAMRestApiSwagger.keys(of: entry)) { others.append(entry) } else { keys.append(entry) }
                        }
                        var security = others
                        if !keys.contains(where: { SAMRestApiSwagger.keys(of: $0).contains("api_key_false") }) {
                            security.append(SAMRestApiSwagger.single("api_key", unicode: false, .list([], at: range), at: range))
                        }
                        if method == "options", !apiKeyPreflight { security = others }
                        if !PyValue.list(security, at: range).equals(.list(existing, at: range)) {
                            definition.set("security", .list(security, at: range))
                        }
                    }
                }
            }
            body.set("paths", .dict(paths))
            definitions.write(into: &body)
        }
    }
}

extension PyValue {
    /// Python's truth value.
    var isTruthy: Bool {
        switch self {
        case .text(let text, _, _): !text.isEmpty
        case .list(let list, _): !list.isEmpty
        case .dict(let dict): !dict.isEmpty
        case .scalar(let value, _):
            switch value {
            case .null: false
            case .bool(let flag): flag
            case .int(let text): text.contains { $0 != "0" && $0 != "-" && $0 != "+" && $0 != "_" }
            case .float(let number): number != 0
            case .string(let text): !text.isEmpty
            case .list(let list): !list.isEmpty
            case .dict(let dict): !dict.isEmpty
            }
        }
    }

    var text: String? {
        if case .text(let text, _, _) = self { return text }
        return nil
    }

    /// Python's `==` (text equal whether unicode or not, dicts whatever their order).
    func equals(_ other: PyValue) -> Bool {
        switch (self, other) {
        case (.text(let a, _, _), .text(let b, _, _)): return a == b
        case (.scalar(let a, _), .scalar(let b, _)): return a == b
        case (.list(let a, _), .list(let b, _)): return a.count == b.count && zip(a, b).allSatisfy { $0.equals($1) }
        case (.dict(let a), .dict(let b)):
            let keys = a.order
            guard keys.count == b.order.count else { return false }
            return keys.allSatisfy { key in
                guard let left = a[key], let right = b[key] else { return false }
                return left.equals(right)
            }
        default: return false
        }
    }
}
