import CFNLoader

/// Edits an HTTP API's OpenAPI body as the translator's `OpenApiEditor` does
/// (samtranslator/open_api/open_api.py and base_editor.py, read, not ported). The body is made of
/// `SAMValue`s: a part copied from the template stays a node until an edit opens it, one level at
/// a time, so what is not edited keeps its source ranges and costs nothing.
struct SAMOpenApiEditor {
    static let integrationKey = "x-amazon-apigateway-integration"
    static let endpointConfigurationKey = "x-amazon-apigateway-endpoint-configuration"
    static let anyMethod = "x-amazon-apigateway-any-method"
    static let defaultPath = "$default"

    let document: SAMDocument
    /// The body's top-level mapping, less `paths` while it is edited.
    var body: SAMMap
    /// The `paths` mapping, opened once, and each path's index in it: a route is found without a
    /// scan, so that adding the routes of n events stays linear.
    private(set) var pathMap: SAMMap
    private var pathIndex: [String: Int] = [:]

    init(_ document: SAMDocument, body: SAMValue) {
        self.document = document
        self.body = document.map(body) ?? SAMMap(at: document.range(body))
        let given = self.body["paths"] ?? .map([], at: self.body.range)
        pathMap = document.map(document.open(given)) ?? SAMMap(at: document.range(given))
        reindex()
    }

    private mutating func reindex() {
        pathIndex = [:]
        for (index, entry) in pathMap.entries.enumerated() { pathIndex[entry.key] = index }
    }

    /// The body with its paths.
    var value: SAMValue {
        var whole = body
        whole.set("paths", pathMap.value)
        return whole.value
    }

    static func conditional(_ condition: SAMValue, _ value: SAMValue, at range: SourceRange) -> SAMValue {
        .intrinsic(.if, .list([condition, value, .ref("AWS::NoValue", at: range)], at: range), at: range)
    }

    /// `_normalize_method_name`.
    static func normalized(_ method: String) -> String {
        let lower = method.lowercased()
        return lower == "any" ? anyMethod : lower
    }

    // MARK: Paths and methods

    /// The paths mapping's entries.
    var paths: [SAMEntry] { pathMap.entries }

    /// Edits the whole paths mapping (its keys may change).
    mutating func editPaths(_ edit: (inout SAMMap) throws -> Void) rethrows {
        try edit(&pathMap)
        reindex()
    }

    /// Edits one path's value; a path not there is added first when `adding` is given.
    mutating func editPath(_ path: String, adding: SAMValue? = nil, keyRange: SourceRange? = nil, _ edit: (inout SAMValue) throws -> Void) rethrows {
        let index: Int
        if let found = pathIndex[path] {
            index = found
        } else if let adding {
            pathMap.entries.append(SAMEntry(path, adding, keyRange: keyRange ?? document.range(adding)))
            index = pathMap.entries.count - 1
            pathIndex[path] = index
        } else {
            return
        }
        try edit(&pathMap.entries[index].value)
    }

    /// `add_path`: the path (a mapping) and, in each of its branches, the method.
    mutating func addPath(_ path: String, _ method: String, at range: SourceRange) throws {
        let document = self.document
        let method = Self.normalized(method)
        try editPath(path, adding: .map([], at: range), keyRange: range) { item in
            guard document.entries(document.open(item)) != nil || document.intrinsic(item) != nil else {
                throw Self.notADictionary(path, document.range(item))
            }
            try document.editContents(&item) { branch in
                let done = document.editMap(&branch) { methods in
                    if methods[method] == nil { methods.set(method, .map([], at: range), keyRange: range) }
                }
                if !done { throw Self.notADictionary(path, document.range(branch)) }
            }
        }
    }

    static func notAMap(_ method: String, _ path: String, _ range: SourceRange) -> SAMError {
        SAMError("Structure of the SAM template is invalid. Definition of method '\(method)' for path '\(path)' should be a map.", at: range)
    }

    static func notADictionary(_ path: String, _ range: SourceRange) -> SAMError {
        SAMError("Structure of the SAM template is invalid. Value of '\(path)' path must be a dictionary according to Swagger spec.", at: range)
    }

    /// `has_integration`: every branch of the path has the method with an integration.
    func hasIntegration(_ path: String, _ method: String) -> Bool {
        let method = Self.normalized(method)
        guard let index = pathIndex[path] else { return false }
        let item = pathMap.entries[index].value
        for branch in document.contents(item) {
            guard let definition = document.value(method, in: document.open(branch)) else { return false }
            guard document.contents(definition).contains(where: { document.hasIntegration(definition: $0) }) else { return false }
        }
        return true
    }

    /// `iter_on_method_definitions_for_path_at_method`: edits each definition of the method (in each
    /// branch of the path and of the method) that has an integration.
    mutating func editDefinitions(_ path: String, _ method: String, at range: SourceRange, _ edit: (inout SAMMap) throws -> Void) throws {
        let document = self.document
        let method = Self.normalized(method)
        try editPath(path) { item in
            try document.editContents(&item) { branch in
                let done = try document.editMap(&branch) { methods in
                    guard var definition = methods[method] else { return }
                    try document.editContents(&definition) { inner in
                        guard document.hasIntegration(definition: inner) else { return }
                        let isMap = try document.editMap(&inner, edit)
                        if !isMap {
                            throw Self.notAMap(method, path, range)
                        }
                    }
                    methods.set(method, definition)
                }
                if !done { throw Self.notADictionary(path, range) }
            }
        }
    }

    /// Edits the integration mapping of each definition of the method.
    mutating func editIntegrations(_ path: String, _ method: String, at range: SourceRange, _ edit: (inout SAMMap) -> Void) throws {
        let document = self.document
        try editDefinitions(path, method, at: range) { definition in
            var integration = definition[Self.integrationKey] ?? .map([], at: range)
            document.editMap(&integration, edit)
            definition.set(Self.integrationKey, integration)
        }
    }

    /// `add_lambda_integration`: the `aws_proxy` integration (both wrapped in the function's
    /// condition when it has one), unless the path and method have one already.
    mutating func addLambdaIntegration(_ path: String, _ method: String, uri: SAMValue, condition: SAMValue?, at range: SourceRange) throws {
        let document = self.document
        let method = Self.normalized(method)
        guard !hasIntegration(path, method) else { return }
        try addPath(path, method, at: range)
        let uri = condition.map { Self.conditional($0, uri, at: range) } ?? uri
        try editPath(path) { item in
            try document.editContents(&item) { branch in
                let done = try document.editMap(&branch) { methods in
                    var definition = methods[method].flatMap { document.isNull($0) ? nil : $0 } ?? .map([], at: range)
                    let isMap = document.editMap(&definition) { fields in
                        let integration: [SAMEntry] = [
                            SAMEntry("type", .string("aws_proxy", at: range), keyRange: range),
                            SAMEntry("httpMethod", .string("POST", at: range), keyRange: range),
                            SAMEntry("payloadFormatVersion", .string("2.0", at: range), keyRange: range),
                            SAMEntry("uri", uri, keyRange: range),
                        ]
                        fields.set(Self.integrationKey, .map(integration, at: range), keyRange: range)
                        if path == Self.defaultPath, method == Self.anyMethod {
                            fields.set("isDefaultRoute", .bool(true, at: range), keyRange: range)
                        }
                        if fields["responses"] == nil { fields.set("responses", .map([], at: range), keyRange: range) }
                    }
                    // The translator indexes the definition as a mapping (a Python error otherwise).
                    if !isMap { throw Self.notAMap(method, path, methods[method].map(document.range) ?? range) }
                    if let condition { definition = Self.conditional(condition, definition, at: range) }
                    methods.set(method, definition, keyRange: range)
                }
                if !done { throw Self.notADictionary(path, range) }
            }
        }
    }

    /// `make_path_conditional`.
    mutating func makePathConditional(_ path: String, _ condition: String, at range: SourceRange) {
        let document = self.document
        editPath(path) { item in item = Self.conditional(.string(condition, at: range), item, at: range) }
    }

    // MARK: Document-level edits

    /// Edits the value under `key` of the top-level mapping (created as an empty mapping).
    mutating func editTopLevel(_ key: String, at range: SourceRange, _ edit: (inout SAMMap) -> Void) {
        let document = self.document
        var value = body[key] ?? .map([], at: range)
        if !document.editMap(&value, edit) {
            var map = SAMMap(at: range)
            edit(&map)
            value = map.value
        }
        body.set(key, value, keyRange: range)
    }

    /// `add_tags`: each tag's `x-amazon-apigateway-tag-value`, on the tag of that name or a new one.
    mutating func addTags(_ tags: [SAMEntry], at range: SourceRange) {
        let document = self.document
        var list = body["tags"].flatMap { document.isTruthy($0) ? document.elements($0) : nil } ?? []
        for tag in tags {
            if let index = list.firstIndex(where: { document.value("name", in: $0).flatMap(document.string) == tag.key }) {
                document.editMap(&list[index]) { $0.set("x-amazon-apigateway-tag-value", tag.value, keyRange: tag.keyRange) }
            } else {
                list.append(.map([SAMEntry("name", .string(tag.key, at: tag.keyRange), keyRange: tag.keyRange),
                                  SAMEntry("x-amazon-apigateway-tag-value", tag.value, keyRange: tag.keyRange)], at: tag.keyRange))
            }
        }
        if !list.isEmpty { body.set("tags", .list(list, at: range), keyRange: range) }
    }

    /// Sets `components.securitySchemes.<name>`.
    mutating func addSecurityScheme(_ name: String, _ scheme: SAMValue, at range: SourceRange) {
        let document = self.document
        var components = body["components"].flatMap { document.isTruthy($0) ? $0 : nil } ?? .map([], at: range)
        if !document.editMap(&components, { map in
            var schemes = map["securitySchemes"].flatMap { document.isTruthy($0) ? $0 : nil } ?? .map([], at: range)
            if !document.editMap(&schemes, { $0.set(name, scheme, keyRange: range) }) {
                schemes = .map([SAMEntry(name, scheme, keyRange: range)], at: range)
            }
            map.set("securitySchemes", schemes, keyRange: range)
        }) {
            components = .map([SAMEntry("securitySchemes", .map([SAMEntry(name, scheme, keyRange: range)], at: range), keyRange: range)], at: range)
        }
        body.set("components", components, keyRange: range)
    }
}

extension SAMOpenApiEditor {
    /// `set_path_default_authorizer` on every path: each method with an integration and no
    /// `security` of its own (`options` and `parameters` aside) gets the default authorizer.
    mutating func setDefaultAuthorizer(_ name: String, scopes: SAMValue, at range: SourceRange) throws {
        let document = self.document
        let security = SAMValue.list([.map([SAMEntry(name, scopes, keyRange: range)], at: range)], at: range)
        try editPaths { paths in
            for index in paths.entries.indices {
                let path = paths.entries[index].key
                try document.editContents(&paths.entries[index].value) { branch in
                    let done = try document.editMap(&branch) { methods in
                        for methodIndex in methods.entries.indices {
                            let method = Self.normalized(methods.entries[methodIndex].key)
                            guard method != "parameters", method != "options" else { continue }
                            guard methods.entries.contains(where: { $0.key == method }) else {
                                throw SAMError("Structure of the SAM template is invalid. Could not find \(method) in \(path) within DefinitionBody.", at: range)
                            }
                            let methodKey = methods.entries[methodIndex].key
                            var definitions = methods.entries[methodIndex].value
                            try document.editContents(&definitions) { definition in
                                let isMap = document.editMap(&definition) { fields in
                                    guard document.isTruthy(fields[Self.integrationKey]), !document.isTruthy(fields["security"]) else { return }
                                    fields.set("security", security, keyRange: range)
                                }
                                if !isMap {
                                    throw SAMError("Structure of the SAM template is invalid. Definition of method '\(methodKey)' for path '\(path)' should be a map.", at: range)
                                }
                            }
                            methods.entries[methodIndex].value = definitions
                        }
                    }
                    if !done { throw Self.notADictionary(path, range) }
                }
            }
        }
    }

    /// `_set_method_authorizer`: the event's authorizer appended to each definition's `security`,
    /// with the event's scopes, else the authorizer's.
    mutating func setMethodAuthorizer(_ path: String, _ method: String, name: String, scopes: SAMValue?,
                                      authorizers: SAMValue?, at range: SourceRange) throws {
        let document = self.document
        var chosen: SAMValue = .list([], at: range)
        if name != "NONE", name != "AWS_IAM" {
            let authorizer = authorizers.flatMap { document.value(name, in: $0) }
            var given = authorizer.flatMap { document.value("AuthorizationScopes", in: $0) }
            if let scopes, document.isTruthy(scopes) { given = scopes }
            if document.isTruthy(authorizer), let given, document.isTruthy(given) { chosen = given }
        }
        let entry = SAMValue.map([SAMEntry(name, chosen, keyRange: range)], at: range)
        try editDefinitions(path, method, at: range) { definition in
            var existing: [SAMValue] = []
            if let given = definition["security"] {
                guard let elements = document.elements(given) else {
                    throw SAMError("Structure of the SAM template is invalid. Type of security for path \(path) method \(method) must be a list",
                                   at: document.range(given))
                }
                existing = elements
            }
            definition.set("security", .list(existing + [entry], at: range), keyRange: range)
        }
    }

    /// `add_path_parameters_to_method`: each `{name}` of the path as a required path parameter.
    mutating func addPathParameters(_ path: String, _ method: String, _ names: [String], at range: SourceRange) throws {
        let document = self.document
        try editDefinitions(path, method, at: range) { definition in
            var parameters = definition["parameters"].flatMap { document.elements($0) } ?? []
            for name in names {
                if let index = parameters.firstIndex(where: { document.value("name", in: $0).flatMap(document.string) == name }) {
                    document.editMap(&parameters[index]) { parameter in
                        parameter.set("in", .string("path", at: range))
                        parameter.set("required", .bool(true, at: range))
                    }
                } else {
                    parameters.append(.map([SAMEntry("name", .string(name, at: range), keyRange: range),
                                            SAMEntry("in", .string("path", at: range), keyRange: range),
                                            SAMEntry("required", .bool(true, at: range), keyRange: range)], at: range))
                }
            }
            definition.set("parameters", .list(parameters, at: range), keyRange: range)
        }
    }

    /// `re.findall("{(.*?)}", path)`.
    static func pathParameters(_ path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names
    }
}

/// Opening and editing made values, one level at a time.
extension SAMDocument {

    /// A node as a made value, one level deep (its children stay nodes).
    func open(_ value: SAMValue) -> SAMValue {
        guard case .node = value else { return value }
        let range = range(value)
        if let (function, argument) = intrinsic(value) { return .intrinsic(function, argument, at: range) }
        if let entries = entries(value) { return .map(entries, at: range) }
        if let elements = elements(value) { return .list(elements, at: range) }
        return value
    }

    /// Edits a mapping value in place; false (and no edit) when it is not a mapping.
    @discardableResult
    func editMap(_ value: inout SAMValue, _ edit: (inout SAMMap) throws -> Void) rethrows -> Bool {
        guard var map = map(open(value)) else { return false }
        try edit(&map)
        value = map.value
        return true
    }

    /// `get_conditional_contents`: the branches of an `Fn::If` (less `AWS::NoValue`), else the value.
    func editContents(_ value: inout SAMValue, _ edit: (inout SAMValue) throws -> Void) rethrows {
        let opened = open(value)
        guard case .intrinsic(.if, let argument, let range) = opened, var list = elements(open(argument)) else {
            try edit(&value)
            return
        }
        for index in list.indices.dropFirst() where !isNoValue(list[index]) {
            try edit(&list[index])
        }
        value = .intrinsic(.if, .list(list, at: self.range(argument)), at: range)
    }

    func contents(_ value: SAMValue) -> [SAMValue] {
        guard case .intrinsic(.if, let argument, _) = open(value), let list = elements(open(argument)) else { return [value] }
        return list.dropFirst().filter { !isNoValue($0) }
    }

    func hasIntegration(definition: SAMValue) -> Bool {
        isTruthy(value(SAMOpenApiEditor.integrationKey, in: open(definition)))
    }

}
