import CFNLoader

/// What an `HttpApi` event asks of the HTTP API it adds a route to: a valid OpenAPI body, a route
/// set once on an API whose body SAM writes, and an authorizer the API defines
/// (`HttpApi._get_permission`, `_add_openapi_integration` and `_add_auth_to_openapi_integration` in
/// samtranslator/model/eventsources/push.py).
extension SAMFunctionEvents {
    func checkHttpApiRoute(_ event: Event) throws {
        let props = event.properties
        let apiName = props["ApiId"].map { document.refName($0) ?? document.text($0) } ?? "ServerlessHttpApi"
        guard let apiName else { return }
        var api: SAMMap
        var managed = true
        var nullAuth: SourceRange?
        if let resource = expander.template.resource(named: apiName) {
            guard resource.type == "AWS::Serverless::HttpApi", let merged = try? expander.properties(of: resource, globals: "HttpApi") else { return }
            api = merged
            // `Auth:` left empty is None to the translator, not absent.
            if let node = resource.properties, let auth = expander.template.tree.value(forKey: "Auth", in: node), document.isNull(.node(auth)) {
                nullAuth = document.keyRange("Auth", in: .node(node))
            }
            let body = api["DefinitionBody"]
            if let body, document.isTruthy(body) {
                managed = false
                if document.intrinsic(body) == nil, !SAMHttpApi.isValidOpenApi(document.python(body)) {
                    return apiError(apiName, SAMHttpApi.invalidDocument, at: document.range(body))
                }
            } else if document.isTruthy(api["DefinitionUri"]) {
                // No body to add the route to (`open_api_body is None`).
                return
            }
        } else if apiName == "ServerlessHttpApi" {
            api = (try? expander.globals.merge("HttpApi", into: SAMMap(at: event.keyRange), document)) ?? SAMMap(at: event.keyRange)
        } else {
            return
        }
        let path = props["Path"].flatMap(document.text) ?? "$default"
        let method = (props["Method"].flatMap(document.text) ?? "x-amazon-apigateway-any-method").lowercased()
        if managed {
            let normalized = method == "any" ? "x-amazon-apigateway-any-method" : method
            guard expander.httpApiRoutes.insert("\(apiName) \(path) \(normalized)").inserted else {
                throw event.fail("API method '\(method)' defined multiple times for path '\(path)'.", event.keyRange)
            }
        }
        if let auth = props["Auth"], document.isTruthy(auth) {
            if let nullAuth, api["Auth"] == nil {
                return apiError(apiName, "Property 'Auth' should be a map.", at: nullAuth)
            }
            try checkAuth(event, auth, api: api, apiName: apiName, path: path, method: method)
        }
    }

    /// An error the translator reports on the API while it links an event to it: once per API.
    private func apiError(_ apiName: String, _ message: String, at range: SourceRange) {
        guard !expander.errors.contains(where: { $0.resource == apiName && $0.error.message == message }) else { return }
        expander.errors.append((apiName, SAMError(message, at: range)))
    }

    /// The event's `Auth.Authorizer` (or the API's `DefaultAuthorizer`) must be one the API defines.
    private func checkAuth(_ event: Event, _ auth: SAMValue, api: SAMMap, apiName: String, path: String, method: String) throws {
        let at = event.range("Auth")
        var apiAuth: [(String, PythonValue)] = []
        if let given = api["Auth"] {
            guard case .dict(let entries) = document.python(given) else {
                return apiError(apiName, "Property 'Auth' should be a map.", at: document.range(given))
            }
            apiAuth = entries
        }
        let apiValue = { (key: String) in apiAuth.last { $0.0 == key }?.1 }
        let authValue = { (key: String) in document.value(key, in: auth).map(document.python) }
        let route = "on API method [\(method)] for path [\(path)]"
        var authorizer = authValue("Authorizer") ?? .null
        if !authorizer.isTruthy {
            guard let fallback = apiValue("DefaultAuthorizer"), fallback.isTruthy else {
                throw event.fail("'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' configured on the HttpApi.", at)
            }
            authorizer = fallback
        }
        // `api_auth and api_auth.get("Authorizers")`: an API without `Auth` has the empty mapping.
        let authorizers: PythonValue = apiAuth.isEmpty ? .dict([]) : apiValue("Authorizers") ?? .null
        let iamEnabled = apiValue("EnableIamAuthorizer") == .bool(true)
        let name: String? = if case .string(let text) = authorizer { text } else { nil }
        if name != "NONE", !(name == "AWS_IAM" && iamEnabled) {
            guard name != nil, case .dict = authorizers else {
                let shown = if case .string(let text) = authorizer { text } else { authorizer.pythonRepr }
                throw event.fail("Unable to set Authorizer [\(shown)] \(route). The method authorizer must be a string with a corresponding dict entry in the api authorizer.", at)
            }
        }
        if name == "NONE" {
            guard apiValue("DefaultAuthorizer")?.isTruthy == true else {
                throw event.fail("Unable to set Authorizer \(route) because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.", at)
            }
        } else if let name, name != "AWS_IAM" || !iamEnabled, case .dict(let defined) = authorizers {
            guard !defined.isEmpty else {
                throw event.fail("Unable to set Authorizer [\(name)] \(route) because the related API does not define any Authorizers.", at)
            }
            guard defined.last(where: { $0.0 == name })?.1.isTruthy == true else {
                throw event.fail("Unable to set Authorizer [\(name)] \(route) because it wasn't defined in the API's Authorizers.", at)
            }
        }
        if let scopes = authValue("AuthorizationScopes"), scopes.isTruthy {
            guard case .list = scopes else {
                throw event.fail("Unable to set Authorizer \(route) because 'AuthorizationScopes' must be a list of strings.", at)
            }
        }
    }
}
