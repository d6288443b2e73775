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
        // The implicit API the transform makes has the stage `Prod`.
        guard let api = expander.template.resource(named: name) else { return name == "ServerlessRestApi" ? "Prod" : "AllStages" }
        var stage = api.properties.flatMap { tree.value(forKey: "StageName", in: $0) }
        // `Globals.Api` is merged into each `AWS::Serverless::Api` before events are linked.
        if stage == nil, api.type == "AWS::Serverless::Api", let globals = tree.value(forKey: "Globals", in: expander.template.root),
           let apiGlobals = tree.value(forKey: "Api", in: globals) {
            stage = tree.value(forKey: "StageName", in: apiGlobals)
        }
        guard let stage, let text = document.text(.node(stage)) else { return "Stage" }
        guard !text.isEmpty else { throw SAMError("StageName cannot be empty.", at: tree.range(stage)) }
        return text
    }
}
