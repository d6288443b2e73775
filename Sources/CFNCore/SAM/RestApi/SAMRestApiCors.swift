import CFNLoader

/// A REST API's `Cors` written into its Swagger as the translator writes it (`ApiGenerator._add_cors`,
/// `SwaggerEditor.add_cors`, `_options_method_response_for_cors`): an `options` method with a mock
/// integration answering the CORS headers, on each path that has none (a path and the same path
/// with a trailing `/` once).
struct SAMRestApiCors {
    let origin: PyValue
    let headers: PyValue?
    let methods: PyValue?
    let maxAge: PyValue?
    let allowsCredentials: Bool

    /// `CorsProperties` of a `Cors` text or function (the origin) or mapping (the origin `'*'` unless given).
    init(_ cors: SAMValue, _ document: SAMDocument) {
        guard document.intrinsic(cors) == nil, let entries = document.entries(cors) else {
            origin = .converted(cors, document)
            headers = nil
            methods = nil
            maxAge = nil
            allowsCredentials = false
            return
        }
        let field = { (key: String) in entries.last { $0.key == key }?.value }
        let truthy = { (key: String) in field(key).flatMap { document.isTruthy($0) ? PyValue.converted($0, document) : nil } }
        origin = field("AllowOrigin").map { PyValue.converted($0, document) } ?? .text("'*'", unicode: false, at: document.range(cors))
        headers = truthy("AllowHeaders")
        methods = truthy("AllowMethods")
        maxAge = field("MaxAge").flatMap { document.isNull($0) ? nil : PyValue.converted($0, document) }
        allowsCredentials = field("AllowCredentials").map { document.intrinsic($0) == nil && document.python($0) == .bool(true) } ?? false
    }

    /// `_ALL_HTTP_METHODS`.
    static let allMethods = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]

    /// `_make_cors_allowed_methods_for_path_item`: the path item's keys (all methods for `any`) and `OPTIONS`, upper case, sorted.
    static func allowedMethods(_ item: PyDict) -> String {
        let keys = item.order
        let methods = keys.contains("x-amazon-apigateway-any-method") ? allMethods : keys + ["options"]
        return Set(methods.map { $0.uppercased() }).sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            .joined(separator: ",")
    }

    /// `_options_method_response_for_cors`.
    func optionsMethod(allowedMethods: PyValue?, at range: SourceRange) -> PyValue {
        let text = { (value: String) in PyValue.text(value, unicode: false, at: range) }
        let type = { (name: String) -> PyValue in
            var dict = PyDict(py27: false, at: range)
            dict.set("type", text(name))
            return .dict(dict)
        }
        var parameters = PyDict(py27: true, at: range)
        var headersDict = PyDict(py27: true, at: range)
        parameters.set("method.response.header.Access-Control-Allow-Origin", origin)
        headersDict.set("Access-Control-Allow-Origin", type("string"))
        if let headers {
            parameters.set("method.response.header.Access-Control-Allow-Headers", headers)
            headersDict.set("Access-Control-Allow-Headers", type("string"))
        }
        if let allowedMethods {
            parameters.set("method.response.header.Access-Control-Allow-Methods", allowedMethods)
            headersDict.set("Access-Control-Allow-Methods", type("string"))
        }
        if let maxAge {
            parameters.set("method.response.header.Access-Control-Max-Age", maxAge)
            headersDict.set("Access-Control-Max-Age", type("integer"))
        }
        if allowsCredentials {
            parameters.set("method.response.header.Access-Control-Allow-Credentials", text("'true'"))
            headersDict.set("Access-Control-Allow-Credentials", type("string"))
        }
        var requestTemplates = PyDict(py27: false, at: range)
        requestTemplates.set("application/json", text("{\n  \"statusCode\" : 200\n}\n"))
        var responseTemplates = PyDict(py27: false, at: range)
        responseTemplates.set("application/json", text("{}\n"))
        var byDefault = PyDict(py27: true, at: range)
        byDefault.set("statusCode", text("200"))
        byDefault.set("responseParameters", .dict(parameters))
        byDefault.set("responseTemplates", .dict(responseTemplates))
        var integrationResponses = PyDict(py27: true, at: range)
        integrationResponses.set("default", .dict(byDefault))
        var integration = PyDict(py27: true, at: range)
        integration.set("type", text("mock"))
        integration.set("requestTemplates", .dict(requestTemplates))
        integration.set("responses", .dict(integrationResponses))
        var ok = PyDict(py27: true, at: range)
        ok.set("description", text("Default response for CORS method"))
        ok.set("headers", .dict(headersDict))
        var responses = PyDict(py27: true, at: range)
        responses.set("200", .dict(ok))
        var method = PyDict(py27: true, at: range)
        method.set("summary", text("CORS support"))
        method.set("consumes", .list([text("application/json")], at: range))
        method.set("produces", .list([text("application/json")], at: range))
        method.set("x-amazon-apigateway-integration", .dict(integration))
        method.set("responses", .dict(responses))
        return .dict(method)
    }
}

extension SAMRestApiSwagger {
    /// `_add_cors`: one editor round over every path.
    mutating func addCors(_ cors: SAMRestApiCors) {
        let range = self.range
        edit { document in
            guard case .dict(var paths)? = document["paths"] else { return }
            var seen: Set<String> = []
            for path in paths.order {
                var normalized = path
                if path != "/" { while normalized.hasSuffix("/") { normalized.removeLast() } }
                guard seen.insert(normalized).inserted else { continue }
                // The methods found for the first branch of a conditional path serve the other too.
                var methods = cors.methods
                paths.update(path) { item in
                    Self.withContents(&item) { item in
                        guard item["options"] == nil else { return }
                        if methods == nil { methods = .text("'\(SAMRestApiCors.allowedMethods(item))'", unicode: false, at: range) }
                        item.set("options", cors.optionsMethod(allowedMethods: methods, at: range))
                    }
                }
            }
            document.set("paths", .dict(paths))
        }
    }
}
