import CFNLoader

/// `AWS::Serverless::Application` → an `AWS::CloudFormation::Stack` under the same logical ID
/// (`SamApplication` in samtranslator/model/sam_resources.py and the checks of
/// plugins/application/serverless_app_plugin.py, read, not ported).
///
/// A `Location` text is the nested template's URL as written (`sam package` makes a local path an
/// S3 URL). A Serverless Application Repository location (`ApplicationId`, `SemanticVersion`)
/// gets its URL from the repository when CloudFormation deploys; cfn-lambda does not call the
/// repository, so it writes `placeholderURL` with the application and version in it, so that
/// a new version still shows as a change of the stack's template.
struct SAMApplication {
    static let type = "AWS::Serverless::Application"
    static let propertyTypes = SAMPropertyTypes(type: type, properties: [
        ("Location", .stringOrMap), ("TemplateUrl", .string), ("Parameters", .map), ("NotificationARNs", .listOfStringsOrMaps),
        ("Tags", .map), ("TimeoutInMinutes", .int),
    ], required: ["Location"])
    static let placeholderURL = "https://serverlessrepo-template-url-resolved-at-deploy.invalid/"
    /// Tags the translator reserves (`_RESERVED_TAGS`); it sets the last two from a repository location.
    static let reservedTags = ["lambda:createdBy", "serverlessrepo:applicationId", "serverlessrepo:semanticVersion"]

    let expander: SAMExpander
    let resource: Resource
    var document: SAMDocument { expander.document }

    init(_ expander: SAMExpander, _ resource: Resource) {
        self.expander = expander
        self.resource = resource
    }

    func expand() throws -> [SAMResource] {
        let idRange = resource.idRange
        var properties = try expander.properties(of: resource, globals: "Application")
        let keyRange = { (key: String) in properties.entries.last { $0.key == key }?.keyRange ?? idRange }
        guard let location = properties["Location"] else {
            throw SAMError("Resource is missing the required [Location] property.", at: idRange)
        }
        var sar: [(tag: String, value: SAMValue)] = []
        // Any mapping is a repository location to the translator, an intrinsic function included.
        if let entries = document.entries(location) ?? (document.intrinsic(location) != nil ? [] : nil) {
            sar = try repository(entries, at: keyRange("Location"))
            let url = sar.map { document.string($0.value) ?? "" }.joined(separator: "/")
            properties.set("TemplateUrl", .string(Self.placeholderURL + url, at: document.range(location)), keyRange: keyRange("Location"))
        } else {
            properties.set("TemplateUrl", location, keyRange: keyRange("Location"))
        }
        try Self.propertyTypes.validate(properties, document, idRange: idRange)
        let tags = properties["Tags"]
        for tag in Self.reservedTags {
            if let tags, document.value(tag, in: tags) != nil {
                throw SAMError("\(tag) is a reserved Tag key name and cannot be set on your resource. Please change the tag key in the input.",
                               at: document.keyRange(tag, in: tags) ?? keyRange("Tags"))
            }
        }

        var stack = SAMResource(resource.logicalId, "AWS::CloudFormation::Stack", at: idRange)
        for attribute in ["DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy"] {
            if let node = resource.node(attribute) {
                stack.attributes.set(attribute, .node(node), keyRange: document.keyRange(attribute, in: .node(resource.node)) ?? idRange)
            }
        }
        stack.properties.set("TemplateURL", properties["TemplateUrl"], keyRange: keyRange("Location"))
        for key in ["Parameters", "NotificationARNs"] {
            stack.properties.set(key, properties[key], keyRange: keyRange(key))
        }
        var list: [SAMValue] = [Self.tag("lambda:createdBy", .string("SAM", at: idRange), at: idRange)]
        list += sar.map { Self.tag($0.tag, $0.value, at: document.range($0.value)) }
        if let tags, document.isTruthy(tags), case .list(let given, _) = SAMSimpleTable.tagList(tags, document) { list += given }
        stack.properties.set("Tags", .list(list, at: tags.map(document.range) ?? idRange), keyRange: keyRange("Tags"))
        stack.properties.set("TimeoutInMinutes", properties["TimeoutInMinutes"], keyRange: keyRange("TimeoutInMinutes"))
        return [stack]
    }

    private static func tag(_ key: String, _ value: SAMValue, at range: SourceRange) -> SAMValue {
        .map([SAMEntry("Key", .string(key, at: range), keyRange: range), SAMEntry("Value", value, keyRange: range)], at: range)
    }

    /// A repository location's checks, in the plugin's order; its application and version (with
    /// the parameters and mappings the plugin resolves) as the stack's tags.
    private func repository(_ entries: [SAMEntry], at keyRange: SourceRange) throws -> [(tag: String, value: SAMValue)] {
        let location = SAMValue.map(entries, at: keyRange)
        for key in ["ApplicationId", "SemanticVersion"] where document.value(key, in: location) == nil {
            throw SAMError("Resource is missing the required [\(key)] property.", at: keyRange)
        }
        let rawId = document.value("ApplicationId", in: location)
        let rawVersion = document.value("SemanticVersion", in: location)
        let appId = rawId.map(resolved)
        let version = rawVersion.map(resolved)
        let bothGiven = appId.map { !document.isNull($0) } == true && version.map { !document.isNull($0) } == true
        let resolvedToMaps = [appId, version].contains { $0.map { document.entries($0) != nil || document.intrinsic($0) != nil } ?? false }
        if bothGiven, !resolvedToMaps {
            for (key, value) in [("ApplicationId", appId), ("SemanticVersion", version)] {
                if let value, case .string = document.python(value) { continue }
                throw SAMError("Property 'Location.\(key)' should be a string.", at: value.map(document.range) ?? keyRange)
            }
            if let text = appId.flatMap(document.string), text.contains("{{resolve:ssm:") {
                throw SAMError("Serverless Application Repostiory does not support dynamic reference in 'ApplicationId' property.",
                               at: appId.map(document.range) ?? keyRange)
            }
        }
        guard let appId, !document.isNull(appId) else { throw SAMError("Property 'ApplicationId' is required.", at: keyRange) }
        if document.entries(appId) != nil || document.intrinsic(appId) != nil {
            throw SAMError("Property 'ApplicationId' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.",
                           at: document.range(appId))
        }
        guard let version, document.isTruthy(version) else {
            throw SAMError("Property 'SemanticVersion' cannot be blank.", at: rawVersion.map(document.range) ?? keyRange)
        }
        if document.entries(version) != nil || document.intrinsic(version) != nil {
            throw SAMError("Property 'SemanticVersion' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.",
                           at: document.range(version))
        }
        return [("serverlessrepo:applicationId", appId), ("serverlessrepo:semanticVersion", version)]
    }

    /// A location value with parameter references and then `Fn::FindInMap` of three names resolved.
    private func resolved(_ value: SAMValue) -> SAMValue {
        let value = expander.parameters.resolve(value, document)
        guard let (function, argument) = document.intrinsic(value), function == .findInMap,
              let names = document.elements(argument).map({ $0.map { expander.parameters.resolve($0, document) } }), names.count == 3
        else { return value }
        let tree = expander.template.tree
        guard let mapName = document.text(names[0]), let top = document.text(names[1]), let key = document.text(names[2]),
              let mappings = expander.template.section(.mappings), let table = tree.value(forKey: mapName, in: mappings),
              let level = tree.value(forKey: top, in: table), let found = tree.value(forKey: key, in: level) else { return value }
        return .node(found)
    }
}
