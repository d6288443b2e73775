import CFNLoader

/// What an `Api` event needs of the REST API it names: the checks the implicit API plugin makes
/// (samtranslator/plugins/api/implicit_api_plugin.py, `_validate_api_event`, `_add_api_to_swagger`)
/// and the stage that suffixes its permission's logical ID (push.py, `resources_to_link_for_rest_api`).
extension SAMFunctionEvents {
    /// An `HttpApi` event's `ApiId` must name, by logical ID, a resource of the template (or the
    /// implicit `ServerlessHttpApi`): implicit_http_api_plugin.py reads every HttpApi event.
    func checkHttpApiId(_ event: Event) throws {
        guard let given = event.properties["ApiId"] else { return }
        let name = document.intrinsic(given).map { $0.function == .ref ? document.string($0.argument) : nil } ?? document.text(given)
        guard let name else { throw event.fail("Property 'ApiId' should be a string.", event.range("ApiId")) }
        guard name == "ServerlessHttpApi" || expander.template.hasResource(named: name) else {
            throw event.fail("ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.", event.range("ApiId"))
        }
    }

    /// The permission's suffix: `Prod` for the implicit API, an explicit API's `StageName` when it is
    /// text (`Stage` when it is not), `AllStages` when the API is not named by a logical ID.
    func restApiStageSuffix(_ event: Event) throws -> String {
        let props = event.properties
        let given = props["RestApiId"]
        var name: String? = "ServerlessRestApi"
        if let given {
            if let (function, argument) = document.intrinsic(given) {
                name = function == .ref ? document.string(argument) : nil
            } else {
                name = document.text(given)
            }
        }
        // The plugin reads events with properties only; one without is left to the event's own checks.
        if !props.entries.isEmpty {
            for key in ["Path", "Method"] where props[key] == nil {
                throw event.fail("Property '\(key)' is required.", props.range)
            }
            guard let name else { throw event.fail("Property 'RestApiId' should be a string.", event.range("RestApiId")) }
            for key in ["Path", "Method"] where props[key].flatMap(document.text) == nil {
                throw event.fail("Property '\(key)' should be a string.", event.range(key))
            }
            if name != "ServerlessRestApi" {
                guard let api = expander.template.resource(named: name), api.type != "AWS::Serverless::HttpApi" else {
                    throw event.fail("RestApiId must be a valid reference to an 'AWS::Serverless::Api' resource in same template.",
                                     event.range("RestApiId"))
                }
            }
        }
        guard let name else { return "AllStages" }
        let tree = expander.template.tree
        // The implicit API the transform makes has the stage `Prod`; it replaces a resource of that name.
        if name == SAMRestApi.implicitId, expander.implicitRestApi.exists || !expander.template.hasResource(named: name) { return "Prod" }
        guard let api = expander.template.resource(named: name) else { return "AllStages" }
        var stage = api.properties.flatMap { tree.value(forKey: "StageName", in: $0) }
        // `Globals.Api` is merged into each `AWS::Serverless::Api` before events are linked.
        if stage == nil, api.type == "AWS::Serverless::Api", let globals = tree.value(forKey: "Globals", in: expander.template.root),
           let apiGlobals = tree.value(forKey: "Api", in: globals) {
            stage = tree.value(forKey: "StageName", in: apiGlobals)
        }
        guard let stage, let text = document.text(.node(stage)) else { return "Stage" }
        guard !text.isEmpty else { throw SAMTemplateError(SAMError("StageName cannot be empty.", at: tree.range(stage)), resource: name) }
        return text
    }
}

/// The checks the translator makes as an `Api` event writes its method into the Swagger of the API
/// SAM manages (push.py `Api._add_swagger_integration`, `add_auth_to_swagger`), or overrides the
/// API's auth (`OverrideApiAuth`).
extension SAMFunctionEvents {
    func checkRestApiEvent(_ event: Event) throws {
        let props = event.properties
        guard !props.entries.isEmpty, let api = restApi(of: event) else { return }
        let path = props["Path"].flatMap(document.text) ?? ""
        let method = (props["Method"].flatMap(document.text) ?? "").lowercased()
        let auth = props["Auth"].flatMap { document.isTruthy($0) ? $0 : nil }
        let merges = document.isTruthy(api["MergeDefinitions"])
        if api.managesSwagger || merges {
            let key = api.id + "\u{0}" + path + "\u{0}" + (method == "any" ? "x-amazon-apigateway-any-method" : method)
            if !merges, expander.restApiMethods.contains(key) {
                throw event.fail("API method \"\(method)\" defined multiple times for path \"\(path)\".", event.range("Method"))
            }
            if let auth, document.entries(auth) == nil { throw event.fail("Property 'Auth' should be a map.", event.range("Auth")) }
            if let auth { try checkMethodAuth(event, auth, api: api, path: path, method: method) }
            try checkRequestModel(event, api: api, path: path, method: method)
            try checkRequestParameters(event)
            // The method is written into the API's Swagger only when every check passes.
            if !merges { expander.restApiMethods.insert(key) }
        } else if document.isTruthy(api["DefinitionBody"]), let auth, document.isTruthy(document.value("OverrideApiAuth", in: auth)) {
            guard ["Authorizer", "ApiKeyRequired", "ResourcePolicy"].contains(where: { document.isTruthy(document.value($0, in: auth)) }) else {
                throw event.fail("Must define one of: Authorizer, ApiKeyRequired or ResourcePolicy when using the OverrideApiAuth property.", event.range("Auth"))
            }
            try checkMethodAuth(event, auth, api: api, path: path, method: method)
        }
    }

    /// The API an event names: a written `AWS::Serverless::Api`, or the implicit one.
    private func restApi(of event: Event) -> SAMRestApi? {
        guard let given = event.properties["RestApiId"] else {
            return try? SAMRestApi(implicit: expander, at: event.keyRange, attributes: SAMMap(at: event.keyRange))
        }
        guard let name = document.refName(given) ?? document.text(given), name != SAMRestApi.implicitId || !expander.implicitRestApi.exists,
              let resource = expander.template.resource(named: name), resource.type == "AWS::Serverless::Api" else { return nil }
        return try? SAMRestApi(expander, resource)
    }

    /// `add_auth_to_swagger`: the method's authorizer must be one the API defines (or `AWS_IAM`, or
    /// `NONE` over a default), scopes need an authorizer, `ApiKeyRequired: false` an API-wide key.
    private func checkMethodAuth(_ event: Event, _ auth: SAMValue, api: SAMRestApi, path: String, method: String) throws {
        let apiAuth = api["Auth"].map { expander.parameters.resolve($0, document) }
        let field = { (key: String) in document.value(key, in: auth).flatMap { document.isNull($0) ? nil : $0 } }
        let authorizer = field("Authorizer").flatMap { document.isTruthy($0) ? $0 : nil }
        if let authorizer {
            // Authorizers that are not a mapping are the API's error (`SAMRestApiAuth`), not the event's.
            let authorizers = apiAuth.flatMap { document.value("Authorizers", in: $0) }.flatMap { document.isTruthy($0) ? $0 : nil }
            if let authorizers, document.entries(authorizers) == nil || document.intrinsic(authorizers) != nil { return }
            let shown = Self.pythonText(document.python(authorizer))
            let name = document.text(authorizer)
            if name == "NONE" {
                if !(apiAuth.flatMap { document.value("DefaultAuthorizer", in: $0) }.map(document.isTruthy) ?? false) {
                    throw event.fail("Unable to set Authorizer on API method [\(method)] for path [\(path)] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.",
                                     document.range(authorizer))
                }
            } else if name != "AWS_IAM" {
                guard let authorizers else {
                    throw event.fail("Unable to set Authorizer [\(shown)] on API method [\(method)] for path [\(path)] because the related API does not define any Authorizers.",
                                     document.range(authorizer))
                }
                guard let name else {
                    throw event.fail("Unable to set Authorizer [\(shown)] on API method [\(method)] for path [\(path)]. The method authorizer must be a string with a corresponding dict entry in the api authorizer.",
                                     document.range(authorizer))
                }
                guard document.isTruthy(document.value(name, in: authorizers)) else {
                    throw event.fail("Unable to set Authorizer [\(name)] on API method [\(method)] for path [\(path)] because it wasn't defined in the API's Authorizers.",
                                     document.range(authorizer))
                }
            }
        }
        if let scopes = field("AuthorizationScopes"), document.isTruthy(scopes) {
            if document.elements(scopes) == nil { throw event.fail("Property 'Auth.AuthorizationScopes' should be a list.", document.range(scopes)) }
            if authorizer == nil { throw event.fail("AuthorizationScopes works only when Authorizer is set", document.range(scopes)) }
        }
        if let required = field("ApiKeyRequired"), !document.isTruthy(required),
           !(apiAuth.flatMap { document.value("ApiKeyRequired", in: $0) }.map(document.isTruthy) ?? false) {
            throw event.fail("Unable to set ApiKeyRequired [False] on API method [\(method)] for path [\(path)] because the related API does not specify any ApiKeyRequired.",
                             document.range(required))
        }
        if let policy = field("ResourcePolicy"), document.isTruthy(policy) {
            guard document.entries(policy) != nil else { throw event.fail("Property 'Auth.ResourcePolicy' should be a map.", document.range(policy)) }
            try SAMRestApiResourcePolicy.check(policy, document)
        }
    }

    /// A `RequestModel` must name a model the API defines; its validators must be booleans.
    private func checkRequestModel(_ event: Event, api: SAMRestApi, path: String, method: String) throws {
        guard let model = event.properties["RequestModel"], document.isTruthy(model) else { return }
        guard document.entries(model) != nil, document.intrinsic(model) == nil else {
            throw event.fail("Property 'RequestModel' should be a map.", event.range("RequestModel"))
        }
        guard let name = document.value("Model", in: model), document.isTruthy(name) else { return }
        let shown = Self.pythonText(document.python(name))
        let prefix = "Unable to set RequestModel [\(shown)] on API method [\(method)] for path [\(path)]"
        let at = document.range(name)
        guard let models = api["Models"], document.isTruthy(models) else {
            throw event.fail("\(prefix) because the related API does not define any Models.", at)
        }
        if document.intrinsic(models) == nil, document.entries(models) == nil {
            throw event.fail("\(prefix) because the related API Models defined is of invalid type.", at)
        }
        guard let text = document.text(name) else { throw event.fail("\(prefix) because the related API does not contain valid Models.", at) }
        guard document.intrinsic(models) == nil, document.isTruthy(document.value(text, in: models)) else {
            throw event.fail("\(prefix) because it wasn't defined in the API's Models.", at)
        }
        let validators = ["ValidateBody", "ValidateParameters"].compactMap { document.value($0, in: model) }.filter { !document.isNull($0) }
        for validator in validators {
            guard document.intrinsic(validator) == nil, case .bool = document.python(validator) else {
                throw event.fail("Unable to set Validator to RequestModel [\(text)] on API method [\(method)] for path [\(path)] ValidateBody and ValidateParameters must be a boolean type, strings or intrinsics are not supported.",
                                 document.range(validator))
            }
        }
    }

    /// Each request parameter: `method.request.{querystring|path|header}.<name>`, alone or with `Required`/`Caching`.
    private func checkRequestParameters(_ event: Event) throws {
        guard let given = event.properties["RequestParameters"], document.isTruthy(given) else { return }
        guard let parameters = document.elements(given) else {
            if document.intrinsic(given) != nil { return }
            throw event.fail("Type of property 'RequestParameters' is invalid.", event.range("RequestParameters"))
        }
        let badName = "Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'."
        let isName = { (name: String) in ["querystring", "path", "header"].contains { name.hasPrefix("method.request.\($0).") } }
        for parameter in parameters {
            if let entries = document.entries(parameter), document.intrinsic(parameter) == nil, let first = entries.first {
                guard isName(first.key) else { throw event.fail(badName, first.keyRange) }
                guard let settings = document.entries(first.value), document.intrinsic(first.value) == nil,
                      settings.allSatisfy({ $0.key == "Required" || $0.key == "Caching" }) else {
                    throw event.fail("Invalid value for 'RequestParameters' property. Values must be an object, e.g { Required: true, Caching: false }",
                                     document.range(first.value))
                }
            } else if let name = document.text(parameter) {
                guard isName(name) else { throw event.fail(badName, document.range(parameter)) }
            } else {
                throw event.fail("Invalid value for 'RequestParameters' property. Property must be either a string or an object", document.range(parameter))
            }
        }
    }

    /// A value as Python's `str()` shows it in the translator's messages (`['a']`, `True`).
    static func pythonText(_ value: PythonValue) -> String {
        if case .string(let text) = value { return text }
        return value.pythonRepr
    }
}
