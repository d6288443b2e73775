import CFNLoader

/// `DisableExecuteApiEndpoint` of a REST API: `ApiGenerator._add_endpoint_extension` and
/// `SwaggerEditor.add_disable_execute_api_endpoint_extension` (samtranslator 1.110) write any
/// value that is not null, as given, under `x-amazon-apigateway-endpoint-configuration`.
struct SAMRestApiEndpointExtension {
    let api: SAMRestApi
    var document: SAMDocument { api.document }

    /// Why the extension is not written here: the translator's error without an inline body, its
    /// editor's error on a body that is not Swagger or whose extension is not a mapping, and the
    /// OpenAPI 3 `servers` form.
    func unsupported() -> String? {
        if api.managesSwagger { return nil }
        guard let body = api["DefinitionBody"], document.isTruthy(body) else {
            return "its DisableExecuteApiEndpoint without a DefinitionBody is not checked yet"
        }
        guard document.intrinsic(body) == nil, document.entries(body) != nil, SAMSwagger.isValid(body, document) else {
            return "its DefinitionBody is not a Swagger document"
        }
        if let version = document.value("openapi", in: body), document.isTruthy(version) {
            return "its DisableExecuteApiEndpoint in an OpenAPI 3 document is not written yet"
        }
        if let given = document.value("x-amazon-apigateway-endpoint-configuration", in: body),
           document.intrinsic(given) != nil || document.entries(given) == nil {
            return "its DefinitionBody's x-amazon-apigateway-endpoint-configuration is not a mapping"
        }
        return nil
    }
}

extension SAMRestApiSwagger {
    /// `dict_deep_set(doc, "x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint", value)`:
    /// a missing extension is a plain `{}` (not a `Py27Dict`), which matters to the deployment's hash.
    mutating func addDisableExecuteApiEndpoint(_ value: PyValue) {
        let range = self.range
        edit { swagger in
            var configuration = swagger["x-amazon-apigateway-endpoint-configuration"]?.dict ?? PyDict(py27: false, at: range)
            configuration.set("disableExecuteApiEndpoint", value)
            swagger.set("x-amazon-apigateway-endpoint-configuration", .dict(configuration))
        }
    }
}
