import CFNLoader

/// What the translator's `OpenApiEditor` (samtranslator/open_api/open_api.py) requires of the parts
/// of a written OpenAPI body it reads or edits: `components` a mapping (read whenever it edits the
/// body, which it always does to tag it), `components.securitySchemes` a mapping when authorizers
/// are added to it, each tag a mapping, and each `servers` item and its endpoint configuration a
/// mapping when `DisableExecuteApiEndpoint` is written into them. Where the translator fails with a
/// Python error rather than a message (a list where it indexes a mapping), the error says what is wrong.
extension SAMHttpApi {
    static let structure = "Structure of the SAM template is invalid. "

    func checkDocument(hasAuthorizers: Bool) throws {
        guard let given = properties["DefinitionBody"], document.isTruthy(given), Self.isValidOpenApi(body),
              case .dict(let entries)? = body else { return }
        let top = { (key: String) in entries.last { $0.0 == key }?.1 }
        /// Where a key of the body is written, down a path of keys (the body's own range when not found).
        let at = { (keys: [String]) -> SourceRange in
            var value: SAMValue? = given
            for key in keys { value = value.flatMap { document.value(key, in: $0) } }
            return value.map(document.range) ?? bodyRange
        }
        if let components = top("components"), components != .null {
            guard case .dict(let parts) = components else {
                throw SAMError(Self.structure + "Invalid OpenApi document: The value of 'components' should be a map", at: at(["components"]))
            }
            if hasAuthorizers, let schemes = parts.last(where: { $0.0 == "securitySchemes" })?.1, schemes.isTruthy {
                guard case .dict = schemes else {
                    throw SAMError(Self.structure + "Value of 'components.securitySchemes' must be a dictionary according to Swagger spec.",
                                   at: at(["components", "securitySchemes"]))
                }
            }
        }
        try checkTagItems(top("tags"), at: at(["tags"]))
        if let disable = properties["DisableExecuteApiEndpoint"], !document.isNull(disable), let servers = top("servers") {
            try checkServers(servers, at: at(["servers"]))
        }
    }

    /// `add_tags` looks each tag it adds up among the body's tags, reading each as a mapping until it finds it.
    private func checkTagItems(_ tags: PythonValue?, at range: SourceRange) throws {
        guard case .list(let items)? = tags else { return }
        var names = (properties["Tags"].flatMap(document.entries) ?? []).map(\.key)
        names.append(Self.tagName)
        for name in names {
            for item in items {
                guard case .dict(let fields) = item else {
                    throw SAMError(Self.structure + "Each tag in OpenApi DefinitionBody needs to be a map. \(item.pythonRepr) is a \(item.pythonTypeName) not a map.",
                                   at: range)
                }
                if fields.last(where: { $0.0 == "name" })?.1 == .string(name) { break }
            }
        }
    }

    /// `add_endpoint_config`: every item of `servers` gets `disableExecuteApiEndpoint` in its
    /// `x-amazon-apigateway-endpoint-configuration`.
    private func checkServers(_ servers: PythonValue, at range: SourceRange) throws {
        let itemError = SAMError(Self.structure + "Value of 'servers' item must be a dictionary according to Swagger spec.", at: range)
        let items: [PythonValue]
        switch servers {
        case .list(let elements): items = elements
        case .string(let text): if text.isEmpty { return } else { throw itemError }
        case .dict(let entries): if entries.isEmpty { return } else { throw itemError }
        default: throw itemError
        }
        for item in items {
            guard case .dict(let fields) = item else { throw itemError }
            if let configuration = fields.last(where: { $0.0 == SAMOpenApiEditor.endpointConfigurationKey })?.1 {
                guard case .dict = configuration else {
                    throw SAMError(Self.structure + "Value of '\(SAMOpenApiEditor.endpointConfigurationKey)' must be a dictionary according to Swagger spec.",
                                   at: range)
                }
            }
        }
    }
}
