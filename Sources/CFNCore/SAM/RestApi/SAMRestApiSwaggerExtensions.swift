import CFNLoader

/// `GatewayResponses` and `Models` written into a REST API's Swagger as the translator writes them
/// (`ApiGenerator._add_gateway_responses`, `ApiGatewayResponse.generate_swagger` in
/// model/apigateway.py; `_add_models`, `SwaggerEditor.add_models`).
extension SAMRestApiSwagger {
    /// `x-amazon-apigateway-gateway-responses`: each response's parameters prefixed
    /// (`gatewayresponse.header.…`, `.path.`, `.querystring.`), its templates and its status code as text.
    mutating func addGatewayResponses(_ responses: [SAMEntry], _ document: SAMDocument) {
        let range = self.range
        edit { swagger in
            var written: PyDict = swagger["x-amazon-apigateway-gateway-responses"]?.dict ?? PyDict(py27: true, at: range)
            for response in responses {
                let field = { (key: String) in document.value(key, in: response.value).flatMap { document.isNull($0) ? nil : $0 } }
                var parameters = PyDict(py27: true, at: document.range(response.value))
                if let given = field("ResponseParameters"), document.isTruthy(given) {
                    for (name, prefix) in [("Headers", "header."), ("Paths", "path."), ("QueryStrings", "querystring.")] {
                        for entry in document.value(name, in: given).flatMap(document.entries) ?? [] {
                            parameters.set("gatewayresponse." + prefix + entry.key, .converted(entry.value, document), unicodeKey: true,
                                           keyRange: entry.keyRange)
                        }
                    }
                }
                var made = PyDict(py27: true, at: document.range(response.value))
                made.set("responseParameters", .dict(parameters))
                let templates = field("ResponseTemplates").flatMap { document.isTruthy($0) ? PyValue.converted($0, document) : nil }
                made.set("responseTemplates", templates ?? .dict(PyDict(py27: true, at: range)))
                // `str()` of the status code: plain text, even of the template's text.
                if let code = field("StatusCode"), document.isTruthy(code) {
                    made.set("statusCode", .text(SAMRestApi.pythonString(document.python(code)), unicode: false, at: document.range(code)))
                }
                written.set(response.key, .dict(made), unicodeKey: true, keyRange: response.keyRange)
            }
            if !written.isEmpty { swagger.set("x-amazon-apigateway-gateway-responses", .dict(written)) }
        }
    }

    /// `definitions`: each model's schema under its name in lower case.
    mutating func addModels(_ models: [SAMEntry], _ document: SAMDocument) {
        let range = self.range
        edit { swagger in
            var definitions: PyDict = swagger["definitions"]?.dict ?? PyDict(py27: true, at: range)
            for model in models {
                definitions.set(model.key.lowercased(), .converted(model.value, document), unicodeKey: true, keyRange: model.keyRange)
            }
            if !definitions.isEmpty { swagger.set("definitions", .dict(definitions)) }
        }
    }
}
