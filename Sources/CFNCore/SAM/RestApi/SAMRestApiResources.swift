import CFNLoader

/// The `AWS::ApiGateway::RestApi`, `Deployment` and `Stage` of a REST API, as the translator's
/// `ApiGenerator` makes them (model/api/api_generator.py `_construct_rest_api`,
/// `_construct_deployment`, `_construct_stage`; model/apigateway.py `make_auto_deployable`).
/// What it does not write yet (auth, CORS, domains, gateway responses, models, usage plans…)
/// leaves the API as written, with a `sam.partly-expanded` warning naming it.
struct SAMRestApiResources {
    let api: SAMRestApi
    let events: SAMRestApiEventOrder
    var expander: SAMExpander { api.expander }
    var document: SAMDocument { api.document }

    /// API properties whose effect on the generated resources is not written here.
    static let unsupportedProperties = [
        "MergeDefinitions",
        "OpenApiVersion", "AlwaysDeploy",
    ]

    /// Why the API is left as written; nil when it is made here.
    func unsupported() -> String? {
        if let key = Self.unsupportedProperties.first(where: { key in api[key].map { document.isTruthy($0) } ?? false }) {
            return "its \(key) is not written yet"
        }
        if let reason = unsupportedAuth() { return reason }
        if let domain = api["Domain"], !document.isNull(domain),
           document.value("EndpointConfiguration", in: expander.parameters.resolve(domain, document)).flatMap(document.text) == "PRIVATE" {
            return "its private Domain is not written yet"
        }
        if key("DisableExecuteApiEndpoint"), let reason = SAMRestApiEndpointExtension(api: api).unsupported() { return reason }
        if events.stateMachineApis.contains(api.id) { return "a state machine's event adds to it" }
        if let event = events.of(api.id).plugin.first(where: { $0.unsupported != nil }), let reason = event.unsupported {
            return "\(event.function)'s \(reason)"
        }
        if !api.managesSwagger, let event = events.of(api.id).plugin.first(where: { $0.timeout != nil }) {
            return "\(event.function)'s event \(event.name) sets TimeoutInMillis on its DefinitionBody"
        }
        if case .failure(let reason) = propagatedTags() { return reason.text }
        if !api.managesSwagger, let body = api["DefinitionBody"], document.isTruthy(body) {
            if document.intrinsic(body) != nil || document.entries(body) == nil { return "its DefinitionBody is not a mapping" }
            let edits = ["BinaryMediaTypes", "Cors", "GatewayResponses", "Models", "Auth"].contains { document.isTruthy(api[$0]) }
            if edits, !SAMSwagger.isValid(body, document) {
                return "its DefinitionBody is not a Swagger document"
            }
            // `_openapi_postprocess` rewrites an OpenAPI 3 body (security schemes, definitions, headers).
            if document.value("swagger", in: body).map({ document.isNull($0) }) ?? true,
               let version = document.value("openapi", in: body), SAMRestApi.isOpenApiVersion(document.python(version)),
               SAMRestApi.pythonString(document.python(version)).hasPrefix("3") {
                return "its OpenAPI 3 DefinitionBody is not rewritten yet"
            }
        }
        if let uri = api["DefinitionUri"], document.isTruthy(uri), s3Location(uri) == nil { return "its DefinitionUri is not an S3 location" }
        if let models = api["Models"], document.isTruthy(models) {
            guard let entries = document.entries(models), document.intrinsic(models) == nil,
                  entries.allSatisfy({ document.isTruthy(document.value("type", in: $0.value)) }) else { return "its Models are not all schemas with a type" }
        }
        if let responses = api["GatewayResponses"], document.isTruthy(responses), document.entries(responses) == nil || document.intrinsic(responses) != nil {
            return "its GatewayResponses is not a mapping"
        }
        if functionNames() == nil { return "a function naming it has a FunctionName that is not text" }
        return nil
    }

    /// The part of `Auth` not written here: a resource policy.
    private func unsupportedAuth() -> String? {
        guard let auth = api["Auth"], document.isTruthy(auth) else { return nil }
        let resolved = expander.parameters.resolve(auth, document)
        guard document.entries(resolved) != nil, document.intrinsic(resolved) == nil else { return "its Auth is not a mapping" }
        if document.isTruthy(document.value("ResourcePolicy", in: resolved)) { return "its Auth.ResourcePolicy is not written yet" }
        return nil
    }

    private func key(_ name: String) -> Bool { api[name].map { !document.isNull($0) } ?? false }

    struct Unsupported: Error { let text: String }

    /// `propagate_tags`: with `PropagateTags` and `Tags`, the RestApi and Stage carry the API's tags;
    /// the implicit API's are those of the functions that propagate theirs to it
    /// (`_add_tags_to_implicit_api_if_necessary`: each function's own `Tags` or else Globals', merged).
    func propagatedTags() -> Result<[SAMEntry]?, Unsupported> {
        let mapping = { (value: SAMValue) -> [SAMEntry]? in
            self.document.intrinsic(value) == nil ? self.document.entries(value) : nil
        }
        guard api.isImplicit else {
            guard let flag = api["PropagateTags"], document.isTruthy(flag), let tags = api["Tags"], document.isTruthy(tags) else { return .success(nil) }
            guard let entries = mapping(tags) else { return .failure(Unsupported(text: "its propagated Tags are not a mapping")) }
            return .success(entries)
        }
        let tree = expander.template.tree
        let globals = tree.value(forKey: "Globals", in: expander.template.root).flatMap { tree.value(forKey: "Function", in: $0) }
        let global = { (key: String) in globals.flatMap { tree.value(forKey: key, in: $0) }.map { SAMValue.node($0) } }
        var merged: [SAMEntry] = []
        var seen: Set<String> = []
        for event in events.of(api.id).plugin where !event.namesApi && !seen.contains(event.function) {
            seen.insert(event.function)
            guard let resource = expander.template.resource(named: event.function) else { continue }
            let own = { (key: String) in resource.properties.flatMap { tree.value(forKey: key, in: $0) }.map { SAMValue.node($0) } }
            let truthy = { (value: SAMValue?) in value.map { self.document.isTruthy($0) } ?? false }
            let propagates = truthy(own("PropagateTags")) ? own("PropagateTags") : global("PropagateTags")
            let tags = truthy(own("Tags")) ? own("Tags") : global("Tags")
            guard truthy(propagates), let tags, truthy(tags) else { continue }
            guard let entries = mapping(tags) else { return .failure(Unsupported(text: "a function propagates Tags that are not a mapping to it")) }
            // `dict.update`: a key already there keeps its place and takes the new value.
            for entry in entries {
                if let index = merged.firstIndex(where: { $0.key == entry.key }) { merged[index] = SAMEntry(entry.key, entry.value, keyRange: merged[index].keyRange) } else { merged.append(entry) }
            }
        }
        if merged.isEmpty { return .success(nil) }
        if let own = api["Tags"], document.isTruthy(own) { return .failure(Unsupported(text: "a function propagates its tags beside Globals' Api Tags")) }
        return .success(merged)
    }

    /// `get_tag_list`: each tag as `Key` and `Value`.
    private func tagList(_ entries: [SAMEntry], at range: SourceRange) -> SAMValue {
        .list(entries.map { entry in
            .map([SAMEntry("Key", .string(entry.key, at: entry.keyRange), keyRange: entry.keyRange),
                  SAMEntry("Value", entry.value, keyRange: entry.keyRange)], at: entry.keyRange)
        }, at: range)
    }

    /// `_get_function_names`: the `FunctionName`s of the functions whose events name the API, joined;
    /// nil when one is not text. The implicit API plugin has already given each event of the implicit
    /// API its `RestApiId` (implicit_api_plugin.py) when the names are read, so those events count too.
    func functionNames() -> String? {
        var names = ""
        for event in events.of(api.id).naming where event.namesApi || api.isImplicit {
            guard let resource = expander.template.resource(named: event.function),
                  let node = resource.properties.flatMap({ expander.template.tree.value(forKey: "FunctionName", in: $0) }) else { continue }
            let value = expander.parameters.resolve(.node(node), document)
            guard document.isTruthy(value) else { continue }
            guard let text = document.text(value), document.intrinsic(value) == nil else { return nil }
            names += text
        }
        return names
    }

    /// `parse_s3_uri` of a text `DefinitionUri`, or a mapping's `Bucket`, `Key` and `Version`, as a `Py27Dict`.
    func s3Location(_ uri: SAMValue) -> PyValue? {
        let range = document.range(uri)
        var location = PyDict(py27: true, at: range)
        if let text = document.text(uri), document.intrinsic(uri) == nil {
            guard text.hasPrefix("s3://") else { return nil }
            let rest = text.dropFirst(5)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            let bucket = String(rest[..<slash])
            var key = String(rest[rest.index(after: slash)...])
            var version: String?
            if let mark = key.firstIndex(of: "?") {
                let query = key[key.index(after: mark)...]
                key = String(key[..<mark])
                for pair in query.split(separator: "&") where pair.hasPrefix("versionId=") { version = String(pair.dropFirst(10)) }
            }
            guard !bucket.isEmpty, !key.isEmpty else { return nil }
            location.set("Bucket", .text(bucket, unicode: true, at: range))
            location.set("Key", .text(key, unicode: true, at: range))
            if let version { location.set("Version", .text(version, unicode: true, at: range)) }
            return .dict(location)
        }
        guard let entries = document.entries(uri), document.intrinsic(uri) == nil else { return nil }
        let field = { (name: String) in entries.last { $0.key == name }?.value }
        guard let bucket = field("Bucket"), document.isTruthy(bucket), let key = field("Key"), document.isTruthy(key) else { return nil }
        location.set("Bucket", .converted(bucket, document))
        location.set("Key", .converted(key, document))
        if let version = field("Version") { location.set("Version", .converted(version, document)) }
        return .dict(location)
    }

    /// The Swagger SAM writes for an API it manages, from the events that name it.
    private func managedBody() -> PyDict {
        var swagger = SAMRestApiSwagger(at: api.idRange)
        var conditions: [String: [String: String?]] = [:]
        var pathsSeen: [String] = []
        for event in events.of(api.id).plugin {
            swagger.addPath(event.path, event.method, at: event.keyRange)
            if conditions[event.path] == nil { pathsSeen.append(event.path) }
            conditions[event.path, default: [:]][event.method] = .some(event.condition)
        }
        // `_maybe_add_conditions_to_implicit_api_paths`: a path whose every method has a condition takes it.
        var pathConditions: [String: (name: String, unicode: Bool)] = [:]
        for path in swagger.paths {
            let values = Array((conditions[path] ?? [:]).values)
            guard !values.isEmpty, !values.contains(where: { $0 == nil }) else { continue }
            let names = Set(values.compactMap { $0 })
            if names.count == 1, let only = names.first {
                pathConditions[path] = (only, true)
            } else {
                let logical = path.replacing("/", with: "SLASH").replacing("{", with: "OB").replacing("}", with: "CB")
                let name = "\(api.id)\(logical)PathCondition"
                SAMImplicitRestApi.addCombinedCondition(name, names.sorted(), expander, at: api.idRange)
                pathConditions[path] = (name, false)
            }
        }
        swagger.makePathsConditional(pathConditions)
        for event in events.of(api.id).translator {
            let auth = methodAuth(event)
            swagger.addIntegration(event.path, event.method, uri: integrationUri(event), condition: event.condition, streams: event.streams,
                                   timeout: event.timeout.map { .converted($0, document) }, auth: auth,
                                   at: event.keyRange)
            if event.overridesApiAuth { swagger.addMethodAuth(event.path, event.method, auth: auth, at: event.keyRange) }
        }
        return swagger.document
    }

    private func methodAuth(_ event: SAMRestApiEventOrder.Event) -> SAMRestApiMethodAuth {
        SAMRestApiMethodAuth(auth: event.auth, apiAuth: api["Auth"].flatMap { document.isTruthy($0) ? $0 : nil },
                             document: document, partition: expander.partition)
    }

    /// `_build_apigw_integration_uri`: the function's ARN (its alias's, with `AutoPublishAlias`) in
    /// API Gateway's invocation path; text of the template when it names the function itself.
    private func integrationUri(_ event: SAMRestApiEventOrder.Event) -> PyValue {
        let alias = expander.derived[event.function + ".Alias"]
        let target = alias ?? event.function + ".Arn"
        let (version, invocation) = event.streams ? ("2021-11-15", "/response-streaming-invocations") : ("2015-03-31", "/invocations")
        let arn = "arn:\(expander.partition):apigateway:${AWS::Region}:lambda:path/\(version)/functions/${\(target)}\(invocation)"
        var sub = PyDict(py27: true, at: event.keyRange)
        sub.set("Fn::Sub", .text(arn, unicode: alias == nil, at: event.keyRange))
        return .dict(sub)
    }

    // MARK: Resources

    /// The API's resources; `owner` is the resource they are listed under.
    func make(owner: String) -> [SAMResource] {
        var body: PyDict?
        if api.managesSwagger {
            body = managedBody()
        } else if let given = api["DefinitionBody"], document.isTruthy(given), case .dict(let dict) = PyValue.converted(given, document) {
            // Events with `OverrideApiAuth` write their method's auth into the written body, each in an editor of its own.
            var swagger = SAMRestApiSwagger(document: dict, at: api.idRange)
            for event in events.of(api.id).translator where event.overridesApiAuth {
                swagger.addMethodAuth(event.path, event.method, auth: methodAuth(event), at: event.keyRange)
            }
            body = swagger.document
        }
        // `_add_cors`, `_add_auth`, `_add_gateway_responses`, `_add_binary_media_types`, `_add_models`: an editor round each.
        if var document = body, let cors = api["Cors"], self.document.isTruthy(cors) {
            var swagger = SAMRestApiSwagger(document: document, at: api.idRange)
            swagger.addCors(SAMRestApiCors(cors, self.document))
            document = swagger.document
            body = document
        }
        if var document = body, let auth = api["Auth"], self.document.isTruthy(auth) {
            var swagger = SAMRestApiSwagger(document: document, at: api.idRange)
            SAMRestApiAuthSwagger(auth: expander.parameters.resolve(auth, self.document), document: self.document, partition: expander.partition)
                .apply(to: &swagger)
            document = swagger.document
            body = document
        }
        if var document = body, let responses = api["GatewayResponses"], self.document.isTruthy(responses),
           let entries = self.document.entries(responses) {
            var swagger = SAMRestApiSwagger(document: document, at: api.idRange)
            swagger.addGatewayResponses(entries, self.document)
            document = swagger.document
            body = document
        }
        if var document = body, let types = api["BinaryMediaTypes"], self.document.isTruthy(types) {
            var swagger = SAMRestApiSwagger(document: document, at: api.idRange)
            swagger.addBinaryMediaTypes(.converted(expander.parameters.resolve(types, self.document), self.document))
            document = swagger.document
            body = document
        }
        if var document = body, let models = api["Models"], self.document.isTruthy(models), let entries = self.document.entries(models) {
            var swagger = SAMRestApiSwagger(document: document, at: api.idRange)
            swagger.addModels(entries, self.document)
            document = swagger.document
            body = document
        }
        if var document = body, key("DisableExecuteApiEndpoint"), let value = api["DisableExecuteApiEndpoint"] {
            var swagger = SAMRestApiSwagger(document: document, at: api.idRange)
            swagger.addDisableExecuteApiEndpoint(.converted(value, self.document))
            document = swagger.document
            body = document
        }
        let bodyS3 = body == nil ? api["DefinitionUri"].flatMap(s3Location) : nil

        var restApi = SAMResource(api.id, "AWS::ApiGateway::RestApi", at: api.idRange)
        // `resource_attributes` and `depends_on` of the API as written; the implicit API's come from its functions.
        if !api.isImplicit, let written = expander.template.resource(named: api.id) {
            for attribute in ["DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata", "DependsOn"] {
                if let node = written.node(attribute) {
                    restApi.attributes.set(attribute, .node(node), keyRange: document.keyRange(attribute, in: .node(written.node)))
                }
            }
        } else {
            restApi.attributes = api.attributes
        }
        set(&restApi, "BinaryMediaTypes", api["BinaryMediaTypes"].map { expander.parameters.resolve($0, document) })
        set(&restApi, "MinimumCompressionSize", api["MinimumCompressionSize"])
        if let endpoint = api["EndpointConfiguration"], document.isTruthy(endpoint) { setEndpoint(&restApi, endpoint) }
        if let flag = api["FailOnWarnings"], document.isTruthy(flag) { set(&restApi, "FailOnWarnings", flag) }
        if let body { restApi.properties.set("Body", PyValue.dict(body).sam, keyRange: keyRange("DefinitionBody")) }
        if let bodyS3 { restApi.properties.set("BodyS3Location", bodyS3.sam, keyRange: keyRange("DefinitionUri")) }
        for key in ["Name", "Description", "Mode", "ApiKeySourceType", "Policy", "SecurityPolicy", "EndpointAccessMode"] {
            if let value = api[key], document.isTruthy(value) { set(&restApi, key, value) }
        }

        var hashInput = (body.map { PyValue.dict($0) } ?? bodyS3)?.repr ?? ""
        // `make_auto_deployable`: the Swagger, the domain as JSON, the function names, joined by `||`.
        if !hashInput.isEmpty, let domain = domain(stage: "")?.hashText { hashInput += "||" + domain }
        let names = functionNames() ?? ""
        if !names.isEmpty { hashInput += "||" + names }
        let digest = SHA1.hexDigest(hashInput)
        let deploymentId = hashInput.isEmpty ? api.id + "Deployment" : api.id + "Deployment" + digest.prefix(10)
        var deployment = SAMResource(deploymentId, "AWS::ApiGateway::Deployment", at: api.idRange)
        deployment.attributes = passthrough
        if !hashInput.isEmpty { deployment.properties.set("Description", .string("RestApi deployment id: \(digest)", at: api.idRange)) }
        deployment.properties.set("RestApiId", .ref(api.id, at: api.idRange))
        deployment.properties.set("StageName", .string("Stage", at: api.idRange))

        let stageName = api["StageName"]
        var stage = SAMResource(stageId(stageName), "AWS::ApiGateway::Stage", at: api.idRange)
        stage.attributes = passthrough
        stage.properties.set("RestApiId", .ref(api.id, at: api.idRange))
        stage.properties.set("DeploymentId", .ref(deploymentId, at: api.idRange))
        set(&stage, "StageName", stageName)
        for key in ["CacheClusterEnabled", "CacheClusterSize", "Variables", "MethodSettings", "AccessLogSetting", "CanarySetting", "TracingEnabled"] {
            set(&stage, key, api[key])
        }
        if let tags = api["Tags"], let entries = document.entries(tags), document.intrinsic(tags) == nil {
            stage.properties.set("Tags", tagList(entries, at: keyRange("Tags")), keyRange: keyRange("Tags"))
        }
        if case .success(let propagated?) = propagatedTags() {
            restApi.properties.set("Tags", tagList(propagated, at: keyRange("Tags")), keyRange: keyRange("Tags"))
            stage.properties.set("Tags", tagList(propagated, at: keyRange("Tags")), keyRange: keyRange("Tags"))
        }
        expander.derived[api.id + ".Stage"] = stage.logicalId
        expander.derived[api.id + ".Deployment"] = deploymentId
        var made = [restApi, deployment, stage] + domainResources(stage: stage.logicalId, owner: owner)
        if let plan = usagePlan(), !plan.shared { made += plan.perApi(document) }
        return made
    }

    /// `passthrough_resource_attributes`: what the Deployment, Stage and usage plan carry.
    var passthrough: SAMMap {
        var passthrough = SAMMap(at: api.idRange)
        for attribute in ["Condition", "DeletionPolicy", "UpdateReplacePolicy"] {
            if let value = api.attributes[attribute] { passthrough.set(attribute, value) }
        }
        return passthrough
    }

    /// `Auth.UsagePlan`, for the API's stage and with its attributes; nil without one or for `NONE`.
    func usagePlan() -> SAMRestApiUsagePlan? {
        guard let auth = api["Auth"], document.isTruthy(auth) else { return nil }
        return SAMRestApiUsagePlan(auth: expander.parameters.resolve(auth, document), api: api.id, stage: stageId(api["StageName"]),
                                   attributes: passthrough, range: keyRange("Auth"), document)
    }

    private func keyRange(_ key: String) -> SourceRange {
        api.properties.entries.first { $0.key == key }?.keyRange ?? api.idRange
    }

    private func set(_ resource: inout SAMResource, _ key: String, _ value: SAMValue?) {
        guard let value else { return }
        resource.properties.set(key, value, keyRange: keyRange(key))
    }

    /// `_set_endpoint_configuration`: a mapping's `Type` (with its VPC endpoints and address type), or the value as the type.
    private func setEndpoint(_ restApi: inout SAMResource, _ value: SAMValue) {
        let at = keyRange("EndpointConfiguration")
        if document.intrinsic(value) == nil, let entries = document.entries(value), let type = entries.last(where: { $0.key == "Type" })?.value,
           document.isTruthy(type) {
            var configuration = SAMMap(at: at, [SAMEntry("Types", .list([type], at: at), keyRange: at)])
            let field = { (name: String) in entries.last { $0.key == name }?.value }
            if let ids = field("VPCEndpointIds").flatMap({ document.isTruthy($0) ? $0 : nil }) ?? field("VpcEndpointIds") {
                configuration.set("VpcEndpointIds", ids, keyRange: at)
            }
            if let type = field("IpAddressType") { configuration.set("IpAddressType", type, keyRange: at) }
            restApi.properties.set("EndpointConfiguration", configuration.value, keyRange: at)
            restApi.properties.set("Parameters", .map([SAMEntry("endpointConfigurationTypes", type, keyRange: at)], at: at), keyRange: at)
        } else {
            restApi.properties.set("EndpointConfiguration", .map([SAMEntry("Types", .list([value], at: at), keyRange: at)], at: at), keyRange: at)
            restApi.properties.set("Parameters", .map([SAMEntry("endpointConfigurationTypes", value, keyRange: at)], at: at), keyRange: at)
        }
    }

    /// `_construct_stage`: `<Api><StageName>Stage` for an alphanumeric name, the name's hash for
    /// another text, `<Api>Stage` for a name that is not text.
    func stageId(_ name: SAMValue?) -> String {
        guard let name, document.intrinsic(name) == nil, let text = document.text(name), !text.isEmpty else { return api.id + "Stage" }
        if text.allSatisfy({ $0.isLetter || $0.isNumber }) { return api.id + text + "Stage" }
        return api.id + "Stage" + SHA1.hexDigest(text).prefix(10)
    }
}

extension SAMExpander {
    /// After every resource (functions have named their aliases): each REST API that passed the
    /// translator's checks becomes its RestApi, Deployment and Stage, in place of the API as written
    /// (or beside the implicit API's permissions); one whose features are not all written here stays
    /// as it is, with a warning saying why.
    func expandRestApiResources() {
        // Each SAMRestApi holds the expander: emptied here, the list leaves no reference cycle.
        defer { restApis = [] }
        guard !restApis.isEmpty else { return }
        let order = SAMRestApiEventOrder(template, implicitRestApi: implicitRestApi.exists)
        let failed = Set(errors.compactMap(\.resource))
        // The events' "not generated" notes, by function and event, read once for all the APIs.
        var eventNotes: [String: [Int]] = [:]
        for index in notes.indices {
            let note = notes[index]
            guard note.rule == SAMRules.partlyExpanded.id, note.path.count == 5,
                  note.message.hasSuffix("the REST API resources it adds to are not generated") else { continue }
            eventNotes[(note.resource ?? "") + "\u{0}" + note.path[4], default: []].append(index)
        }
        var settled = Set<Int>(), removed = Set<Int>()
        // In the translator's order of resources: the first API of a hosted zone makes its record set
        // group, and the last one sharing a usage plan makes the plan that stands.
        let position = Dictionary(order.resourceOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let apis = restApis.filter { !failed.contains($0.api.id) && !failed.contains($0.owner) }
            .sorted { (position[$0.api.id] ?? 0) < (position[$1.api.id] ?? 0) }
            .map { (made: SAMRestApiResources(api: $0.api, events: order), owner: $0.owner) }
        var reasons = apis.map { $0.made.unsupported() }
        // A shared usage plan holds every sharing API's stage: made only when all of them are.
        let sharing = apis.indices.filter { apis[$0].made.usagePlan()?.shared ?? false }
        if let blocked = sharing.first(where: { reasons[$0] != nil }) {
            for index in sharing where reasons[index] == nil {
                reasons[index] = "it shares its usage plan with \(apis[blocked].made.api.id), which is not generated"
            }
        }
        var sharedPlans: [(plan: SAMRestApiUsagePlan, owner: String)] = []
        for ((made, owner), reason) in zip(apis, reasons) {
            let api = made.api
            let noteIndices = order.of(api.id).plugin.flatMap { eventNotes[$0.function + "\u{0}" + $0.name] ?? [] }
            if let reason {
                for index in noteIndices where !settled.contains(index) {
                    notes[index].message += " (\(api.id): \(reason))"
                    settled.insert(index)
                }
                if !api.isImplicit, let resource = template.resource(named: api.id) {
                    notes.append(Finding(SAMRules.partlyExpanded,
                                         "AWS::Serverless::Api '\(api.id)' is only partly expanded: its RestApi, Deployment and Stage are not generated because \(reason) (its authorizers' permissions and the translator's checks are)",
                                         at: resource.idRange, resource: api.id, resourceType: "AWS::Serverless::Api", path: resource.path("Type")))
                }
                continue
            }
            let resources = made.make(owner: owner)
            var list = expansions[owner] ?? []
            list.removeAll { $0.logicalId == api.id && $0.type == "AWS::Serverless::Api" }
            expansions[owner] = resources + list
            for index in noteIndices { settled.insert(index); removed.insert(index) }
            if let plan = made.usagePlan(), plan.shared { sharedPlans.append((plan, owner)) }
        }
        if let owner = sharedPlans.last?.owner {
            expansions[owner, default: []] += SAMRestApiUsagePlan.shared(sharedPlans.map(\.plan), document, conditions: &conditions)
        }
        notes = notes.indices.filter { !removed.contains($0) }.map { notes[$0] }
    }
}
