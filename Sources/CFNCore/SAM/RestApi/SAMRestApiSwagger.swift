import CFNLoader

/// The Swagger document SAM writes for a REST API it manages (the implicit API, or one with neither
/// `DefinitionBody` nor `DefinitionUri`), step by step as the translator writes it, each step a
/// `SwaggerEditor` that deep-copies the document in and out (samtranslator/swagger/swagger.py):
/// `gen_skeleton`, `add_path` for each event (implicit_api_plugin.py `_add_api_to_swagger`), the
/// conditions of paths whose every method has one (`_maybe_add_conditions_to_implicit_api_paths`),
/// then `add_lambda_integration` for each event (push.py `_add_swagger_integration`).
struct SAMRestApiSwagger {
    private(set) var document: PyDict
    let range: SourceRange

    /// `SwaggerEditor.gen_skeleton`.
    init(at range: SourceRange) {
        self.range = range
        var info = PyDict(py27: true, at: range)
        info.set("version", .text("1.0", unicode: false, at: range))
        info.set("title", .ref("AWS::StackName", at: range))
        var document = PyDict(py27: true, at: range)
        document.set("swagger", .text("2.0", unicode: false, at: range))
        document.set("info", .dict(info))
        document.set("paths", .dict(PyDict(py27: true, at: range)))
        self.document = document
    }

    /// An editor over a document written in the template.
    init(document: PyDict, at range: SourceRange) {
        self.document = document
        self.range = range
    }

    /// `_normalize_method_name`: lower case (still the template's text), `any` as API Gateway's name.
    static func methodKey(_ method: String) -> (key: String, unicode: Bool) {
        let lower = method.lowercased()
        return lower == "any" ? ("x-amazon-apigateway-any-method", false) : (lower, true)
    }

    /// An editor's round: the document copied in, changed, and copied out.
    mutating func edit(_ change: (inout PyDict) -> Void) {
        document.deepCopy()
        change(&document)
        document.deepCopy()
    }

    private static func withPaths(_ document: inout PyDict, _ body: (inout PyDict) -> Void) {
        document.update("paths") { value in
            guard case .dict(var paths) = value else { return }
            body(&paths)
            value = .dict(paths)
        }
    }

    /// `get_conditional_contents`: the branches of an `Fn::If` path item (less `AWS::NoValue`), else the item.
    static func withContents(_ value: inout PyValue, _ body: (inout PyDict) -> Void) {
        guard case .dict(var dict) = value else { return }
        if case .list(var branches, let range)? = dict["Fn::If"] {
            for index in branches.indices.dropFirst() {
                guard case .dict(var item) = branches[index], item["Ref"] == nil else { continue }
                body(&item)
                branches[index] = .dict(item)
            }
            dict.set("Fn::If", .list(branches, at: range))
        } else {
            body(&dict)
        }
        value = .dict(dict)
    }

    /// `add_path`.
    mutating func addPath(_ path: String, _ method: String, at range: SourceRange) {
        let (key, unicode) = Self.methodKey(method)
        edit { document in
            Self.withPaths(&document) { paths in
                paths.setDefault(path, .dict(PyDict(py27: true, at: range)), unicodeKey: true, keyRange: range)
                paths.update(path) { item in
                    Self.withContents(&item) { $0.setDefault(key, .dict(PyDict(py27: true, at: range)), unicodeKey: unicode, keyRange: range) }
                }
            }
        }
    }

    var paths: [String] { document["paths"]?.dict?.order ?? [] }

    /// `make_path_conditional`, for each path `conditions` names (in the paths' order), in one round.
    mutating func makePathsConditional(_ conditions: [String: (name: String, unicode: Bool)]) {
        let range = self.range
        edit { document in
            Self.withPaths(&document) { paths in
                for path in paths.order {
                    guard let condition = conditions[path] else { continue }
                    paths.update(path) { item in item = Self.conditional(condition.name, unicode: condition.unicode, item, at: range) }
                }
            }
        }
    }

    /// `make_conditional`: `{"Fn::If": [condition, value, {"Ref": "AWS::NoValue"}]}`, a plain dict.
    static func conditional(_ condition: String, unicode: Bool, _ value: PyValue, at range: SourceRange) -> PyValue {
        var dict = PyDict(py27: false, at: range)
        dict.set("Fn::If", .list([.text(condition, unicode: unicode, at: range), value, .ref("AWS::NoValue", at: range)], at: range))
        return .dict(dict)
    }

    /// `add_lambda_integration` (the path is there already): the `aws_proxy` integration (with the
    /// `credentials` of AWS_IAM) and empty `responses`, the method wrapped in the function's condition
    /// when it has one; then, in the same editor, the event's `Auth` and `add_timeout_to_method`'s
    /// `timeoutInMillis` (push.py `_add_swagger_integration`).
    mutating func addIntegration(_ path: String, _ method: String, uri: PyValue, condition: String?, streams: Bool, timeout: PyValue? = nil,
                                 auth: SAMRestApiMethodAuth? = nil, at range: SourceRange) {
        let credentials = auth?.credentials(at: range)
        let (key, unicode) = Self.methodKey(method)
        let wrappedUri = condition.map { Self.conditional($0, unicode: true, uri, at: range) } ?? uri
        edit { document in
            var definitions = Definitions(document, at: range)
            Self.withPaths(&document) { paths in
                paths.setDefault(path, .dict(PyDict(py27: true, at: range)), unicodeKey: true, keyRange: range)
                paths.update(path) { item in
                    Self.withContents(&item) { item in
                        item.setDefault(key, .dict(PyDict(py27: true, at: range)), unicodeKey: unicode, keyRange: range)
                        item.update(key) { method in
                            guard case .dict(var definition) = method else { return }
                            var integration = PyDict(py27: true, at: range)
                            integration.set("type", .text("aws_proxy", unicode: false, at: range))
                            integration.set("httpMethod", .text("POST", unicode: false, at: range))
                            integration.set("uri", wrappedUri)
                            if streams { integration.set("responseTransferMode", .text("STREAM", unicode: false, at: range)) }
                            if let credentials { integration.set("credentials", credentials) }
                            if let timeout { integration.set("timeoutInMillis", timeout) }
                            definition.set("x-amazon-apigateway-integration", .dict(integration))
                            definition.setDefault("responses", .dict(PyDict(py27: true, at: range)), unicodeKey: false, keyRange: range)
                            method = .dict(definition)
                            if let condition { method = Self.conditional(condition, unicode: true, method, at: range) }
                        }
                    }
                }
                auth?.apply(&paths, &definitions, path: path, method: method, at: range)
            }
            if auth != nil { definitions.write(into: &document) }
        }
    }

    /// `add_binary_media_types`: the types, `~1` read as `/`, as text of the template.
    mutating func addBinaryMediaTypes(_ types: PyValue) {
        edit { document in document.set("x-amazon-apigateway-binary-media-types", Self.replacingSlashes(types)) }
    }

    private static func replacingSlashes(_ value: PyValue) -> PyValue {
        switch value {
        case .text(let text, _, let range): return .text(text.replacing("~1", with: "/"), unicode: true, at: range)
        case .list(let elements, let range): return .list(elements.map(replacingSlashes), at: range)
        case .dict(let dict):
            var copy = PyDict(py27: true, at: dict.range)
            for entry in dict.orderedEntries {
                copy.set(entry.key.replacing("~1", with: "/"), replacingSlashes(entry.value), unicodeKey: true, keyRange: entry.keyRange)
            }
            return .dict(copy)
        case .scalar: return value
        }
    }
}
