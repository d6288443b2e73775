import CFNLoader

/// An error the translator raises about the template as a whole (`InvalidDocumentException`, no
/// resource) or about another resource than the one being expanded (an API an event names).
struct SAMTemplateError: Error {
    let error: SAMError
    let resource: String?
    init(_ error: SAMError, resource: String? = nil) {
        self.error = error
        self.resource = resource
    }
}

/// What the translator's `SwaggerEditor` (samtranslator/swagger/swagger.py, open_api/base_editor.py)
/// requires of a written `DefinitionBody` when it edits one: a Swagger or OpenAPI 3 document with a
/// `paths` mapping, each path item (and each branch of an `Fn::If`) a mapping, each method a mapping,
/// and each method's `security` a list of mappings.
enum SAMSwagger {
    /// `SwaggerEditor.is_valid`.
    static func isValid(_ body: SAMValue, _ document: SAMDocument) -> Bool {
        guard document.intrinsic(body) == nil, document.entries(body) != nil,
              let paths = document.value("paths", in: body), document.entries(paths) != nil, document.intrinsic(paths) == nil
        else { return false }
        if document.isTruthy(document.value("swagger", in: body)) { return true }
        guard let openapi = document.value("openapi", in: body), document.isTruthy(openapi) else { return false }
        let version = document.python(openapi)
        guard SAMRestApi.isOpenApiVersion(version) else { return false }
        if case .string(let text) = version { return text.hasPrefix("3") }
        if case .float(let number) = version { return number >= 3 && number < 4 }
        return false
    }

    /// Methods of a path item that are not methods (`_EXCLUDED_PATHS_FIELDS`).
    static let excluded: Set<String> = ["summary", "description", "parameters"]

    static func structure(_ message: String, _ range: SourceRange) -> SAMTemplateError {
        SAMTemplateError(SAMError("Structure of the SAM template is invalid. \(message)", at: range))
    }

    /// An item's contents: both branches of an `Fn::If` (less `AWS::NoValue`), else the item (`get_conditional_contents`).
    static func contents(_ item: SAMValue, _ document: SAMDocument) throws -> [SAMValue] {
        guard let entries = document.entries(item), let branch = entries.first(where: { $0.key == "Fn::If" }) else {
            if let (function, argument) = document.intrinsic(item), function == .if {
                guard let parts = document.elements(argument) else { throw structure("Value of Fn::If must be a list.", document.range(item)) }
                return parts.dropFirst().filter { !document.isNoValue($0) }
            }
            return [item]
        }
        guard let parts = document.elements(branch.value) else { throw structure("Value of Fn::If must be a list.", branch.keyRange) }
        return parts.dropFirst().filter { !document.isNoValue($0) }
    }

    /// What building the editor checks: every path item a mapping.
    static func checkPaths(_ body: SAMValue, _ document: SAMDocument) throws {
        guard let paths = document.value("paths", in: body).flatMap(document.entries) else { return }
        for path in paths {
            for item in try contents(path.value, document) where document.entries(item) == nil || document.intrinsic(item) != nil {
                throw structure("Value of '\(path.key)' path must be a dictionary according to Swagger spec.", document.range(item))
            }
        }
    }

    /// What setting a default authorizer or API key on every method checks (`iter_on_all_methods_for_path`,
    /// `set_path_default_authorizer`): each method a mapping, its `security` a list of mappings.
    static func checkMethods(_ body: SAMValue, _ document: SAMDocument) throws {
        guard let paths = document.value("paths", in: body).flatMap(document.entries) else { return }
        for path in paths {
            for item in try contents(path.value, document) {
                guard let methods = document.entries(item), document.intrinsic(item) == nil else {
                    throw structure("Value of '\(path.key)' path must be a dictionary according to Swagger spec.", document.range(item))
                }
                for method in methods where !excluded.contains(method.key) {
                    for definition in try contents(method.value, document) {
                        guard document.entries(definition) != nil, document.intrinsic(definition) == nil else {
                            throw structure("Definition of method '\(method.key)' for path '\(path.key)' should be a map.", document.range(definition))
                        }
                        guard document.isTruthy(document.value("x-amazon-apigateway-integration", in: definition)),
                              let security = document.value("security", in: definition) else { continue }
                        let name = method.key.lowercased() == "any" ? "x-amazon-apigateway-any-method" : method.key.lowercased()
                        guard let list = document.elements(security) else {
                            throw structure("Type of security for path \(path.key) method \(name) must be a list", document.range(security))
                        }
                        for entry in list where document.entries(entry) == nil {
                            let shown = document.string(entry) ?? document.python(entry).compactSortedJSON
                            throw structure("\(shown) in Security for path \(path.key) method \(name) is not a valid dictionary.", document.range(entry))
                        }
                    }
                }
            }
        }
    }

    /// `securityDefinitions`, where an API key definition is added, must be a mapping.
    static func checkSecurityDefinitions(_ body: SAMValue, _ document: SAMDocument) throws {
        guard let definitions = document.value("securityDefinitions", in: body), document.isTruthy(definitions) else { return }
        if document.entries(definitions) == nil {
            throw structure("securityDefinitions must be a dictionary.", document.range(definitions))
        }
    }
}
