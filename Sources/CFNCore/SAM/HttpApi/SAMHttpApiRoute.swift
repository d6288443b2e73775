import CFNLoader

/// A route an `HttpApi` event adds to the API it names, kept until the API is made: the
/// translator makes functions first, their events editing the API's OpenAPI body, then the APIs
/// (`_get_resources_to_iterate` in samtranslator/translator/translator.py).
struct SAMHttpApiRoute {
    let function: String
    let keyRange: SourceRange
    let path: String
    /// As written, or `x-amazon-apigateway-any-method` when neither path nor method is given.
    let method: String
    /// `Fn::Sub` of the function's (or its alias's) invocation ARN.
    let uri: SAMValue
    let condition: SAMValue?
    let deletionPolicy: String?
    let updateReplacePolicy: String?
    let auth: SAMValue?
    let timeout: SAMValue?
    let payloadFormatVersion: SAMValue?
    let routeSettings: SAMValue?
    /// Whether the event names no `ApiId` (it is the implicit API's).
    let implicit: Bool
    /// The function's `Tags` when it propagates them: the implicit API takes them.
    let propagatedTags: SAMValue?

    /// `_build_apigw_integration_uri`: `make_shorthand` of the function's ARN in the invocation path.
    static func uri(_ functionArn: SAMValue, _ document: SAMDocument, at range: SourceRange) -> SAMValue {
        var shorthand = ""
        if let (function, argument) = document.intrinsic(functionArn) {
            if function == .ref, let name = document.string(argument) {
                shorthand = "${\(name)}"
            } else if function == .getAtt {
                let parts = document.elements(argument)?.compactMap(document.string) ?? document.string(argument).map { [$0] } ?? []
                shorthand = "${\(parts.joined(separator: "."))}"
            }
        }
        return .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/\(shorthand)/invocations", at: range)
    }
}

extension SAMFunctionEvents {
    /// Keeps the event's route for the API it names (the implicit `ServerlessHttpApi` without `ApiId`).
    func recordHttpApiRoute(_ event: Event) {
        let props = event.properties
        let given = props["ApiId"]
        guard let apiName = given.map({ document.refName($0) ?? document.text($0) }) ?? "ServerlessHttpApi" else { return }
        let attribute = { (key: String) in function.resource.node(key).flatMap { document.string(.node($0)) } }
        var tags: SAMValue?
        if given == nil {
            // `_add_tags_to_implicit_api_if_necessary` reads the function's own values before Globals.
            let own = function.resource.properties.flatMap { document.map(.node($0)) }
            let globals = expander.globals.byType["Function"].map { SAMMap(at: event.keyRange, $0) }
            let propagate = own?["PropagateTags"].flatMap { document.isTruthy($0) ? $0 : nil } ?? globals?["PropagateTags"]
            let functionTags = own?["Tags"].flatMap { document.isTruthy($0) ? $0 : nil } ?? globals?["Tags"]
            if document.isTruthy(propagate), document.isTruthy(functionTags) { tags = functionTags }
        }
        let hasPath = props["Path"] != nil || props["Method"] != nil
        let route = SAMHttpApiRoute(
            function: function.id, keyRange: event.keyRange,
            path: hasPath ? props["Path"].flatMap(document.string) ?? "" : SAMOpenApiEditor.defaultPath,
            method: hasPath ? props["Method"].flatMap(document.string) ?? "" : SAMOpenApiEditor.anyMethod,
            uri: SAMHttpApiRoute.uri(functionArn, document, at: event.keyRange),
            condition: function.resource.node("Condition").map { .node($0) },
            deletionPolicy: attribute("DeletionPolicy"), updateReplacePolicy: attribute("UpdateReplacePolicy"),
            auth: props["Auth"], timeout: props["TimeoutInMillis"], payloadFormatVersion: props["PayloadFormatVersion"],
            routeSettings: props["RouteSettings"], implicit: given == nil, propagatedTags: tags)
        expander.httpApiEvents[apiName, default: []].append(route)
    }
}
