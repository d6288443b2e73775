import CFNLoader

/// The `Api` events of a template, in the two orders the translator visits them: its implicit API
/// plugin adds each path and method to the Swagger of the API SAM manages, then each function adds
/// its integrations. Both walk `Resources` and `Events` as `Py27Dict`s (py27hash_fix.py), and the
/// order of paths added decides the order the deployment's hash sees.
struct SAMRestApiEventOrder {
    struct Event {
        let function: String
        let name: String
        let keyRange: SourceRange
        /// The API's logical ID (`ServerlessRestApi` without `RestApiId`).
        let api: String
        /// Whether the event names its API with `RestApiId`.
        let namesApi: Bool
        let path: String
        let method: String
        let condition: String?
        let streams: Bool
        /// What this event asks that is not written here yet (auth, models, parameters).
        let unsupported: String?
        /// `TimeoutInMillis` when truthy, for the integration.
        let timeout: SAMValue?
        /// `Auth` when truthy, for the method's security.
        let auth: SAMValue?
        /// Whether its `Auth` sets `OverrideApiAuth`: its method's auth is written again, also on a written body.
        let overridesApiAuth: Bool
    }

    /// The plugin's order: resources, then each function's `Api` events, in Python 2.7's order.
    private(set) var pluginOrder: [Event] = []
    /// The functions' order: resources (with the implicit APIs added), each function's events sorted by path.
    private(set) var translatorOrder: [Event] = []
    /// The functions' order, each function's events in the order of `Events` (`_get_function_names`).
    private(set) var namingOrder: [Event] = []
    /// The resources in the order the translator makes them (Python 2.7's, the implicit APIs added).
    private(set) var resourceOrder: [String] = []
    /// APIs a state machine's event adds to (not written here).
    private(set) var stateMachineApis: Set<String> = []

    init(_ template: Template, implicitRestApi: Bool) {
        let tree = template.tree
        let document = SAMDocument(tree: tree)
        var byFunction: [String: (plugin: [Event], sorted: [Event], written: [Event])] = [:]
        // The implicit HTTP API plugin adds `ServerlessHttpApi` and removes it when no event adds a route.
        let implicitHttpApi = template.resources.contains { resource in
            guard resource.type == "AWS::Serverless::Function",
                  let list = resource.properties.flatMap({ tree.value(forKey: "Events", in: $0) }), tree.kind(list) == .mapping else { return false }
            return tree.entries(list).contains { entry in
                guard tree.kind(entry.value) == .mapping, let type = tree.value(forKey: "Type", in: entry.value), tree.scalar(type, equals: "HttpApi")
                else { return false }
                let properties = tree.value(forKey: "Properties", in: entry.value)
                return properties.map { tree.kind($0) != .mapping || tree.value(forKey: "ApiId", in: $0) == nil } ?? true
            }
        }
        var keys = Py27Keys()
        for resource in template.resources { keys.add(resource.logicalId) }
        keys.add(SAMRestApi.implicitId)
        let pluginResources = keys.order
        if !implicitRestApi, !template.hasResource(named: SAMRestApi.implicitId) { keys.remove(SAMRestApi.implicitId) }
        keys.add("ServerlessHttpApi")
        if !implicitHttpApi, !template.hasResource(named: "ServerlessHttpApi") { keys.remove("ServerlessHttpApi") }
        let translatorResources = keys.order
        resourceOrder = translatorResources

        for resource in template.resources {
            let isFunction = resource.type == "AWS::Serverless::Function"
            guard isFunction || resource.type == "AWS::Serverless::StateMachine",
                  let list = resource.properties.flatMap({ tree.value(forKey: "Events", in: $0) }), tree.kind(list) == .mapping else { continue }
            let condition = resource.node("Condition").flatMap { tree.string($0) }
            var events: [String: Event] = [:]
            var eventKeys = Py27Keys()
            for entry in tree.entries(list) {
                guard let name = tree.string(entry.key) else { continue }
                eventKeys.add(name)
                guard tree.kind(entry.value) == .mapping, let type = tree.value(forKey: "Type", in: entry.value), tree.scalar(type, equals: "Api"),
                      let properties = tree.value(forKey: "Properties", in: entry.value), tree.kind(properties) == .mapping,
                      tree.count(properties) > 0 else { continue }
                let text = { (key: String) in tree.value(forKey: key, in: properties).flatMap { tree.string($0) } }
                var api = SAMRestApi.implicitId
                var namesApi = false
                if let given = tree.value(forKey: "RestApiId", in: properties) {
                    namesApi = true
                    if let (function, argument) = tree.intrinsic(given) {
                        guard function == .ref, let name = tree.string(argument) else { continue }
                        api = name
                    } else {
                        guard let name = tree.string(given) else { continue }
                        api = name
                    }
                }
                guard let path = text("Path"), let method = text("Method") else { continue }
                if !isFunction {
                    stateMachineApis.insert(api)
                    continue
                }
                let truthy = { (node: NodeID?) in node.map { document.isTruthy(.node($0)) } ?? false }
                let auth = tree.value(forKey: "Auth", in: properties).flatMap { truthy($0) ? SAMValue.node($0) : nil }
                var unsupported = ["RequestModel", "RequestParameters"].first { truthy(tree.value(forKey: $0, in: properties)) }
                // A resource policy is not written here.
                if let auth, document.isTruthy(document.value("ResourcePolicy", in: auth)) { unsupported = "Auth.ResourcePolicy" }
                events[name] = Event(function: resource.logicalId, name: name, keyRange: tree.range(entry.key), api: api, namesApi: namesApi,
                                     path: path, method: method, condition: condition, streams: text("ResponseTransferMode") == "RESPONSE_STREAM",
                                     unsupported: unsupported.map { "event \(name) sets \($0)" },
                                     timeout: tree.value(forKey: "TimeoutInMillis", in: properties).map { SAMValue.node($0) }
                                        .flatMap { document.isTruthy($0) ? $0 : nil },
                                     auth: auth, overridesApiAuth: auth.map { document.isTruthy(document.value("OverrideApiAuth", in: $0)) } ?? false)
            }
            // `_get_api_events` copies the Api events into a new `Py27Dict`, in the order of `Events`.
            var apiKeys = Py27Keys()
            for name in eventKeys.order where events[name] != nil { apiKeys.add(name) }
            let plugin = apiKeys.order.compactMap { events[$0] }
            // `SamFunction.order_events`: a stable sort on each event's path.
            let sorted = eventKeys.order.compactMap { events[$0] }.enumerated().sorted { left, right in
                let a = Array(left.element.path.unicodeScalars.map(\.value)), b = Array(right.element.path.unicodeScalars.map(\.value))
                return a == b ? left.offset < right.offset : a.lexicographicallyPrecedes(b)
            }.map(\.element)
            byFunction[resource.logicalId] = (plugin, sorted, eventKeys.order.compactMap { events[$0] })
        }
        pluginOrder = pluginResources.flatMap { byFunction[$0]?.plugin ?? [] }
        translatorOrder = translatorResources.flatMap { byFunction[$0]?.sorted ?? [] }
        namingOrder = translatorResources.flatMap { byFunction[$0]?.written ?? [] }
        for event in pluginOrder { byApi[event.api, default: Orders()].plugin.append(event) }
        for event in translatorOrder { byApi[event.api, default: Orders()].translator.append(event) }
        for event in namingOrder { byApi[event.api, default: Orders()].naming.append(event) }
    }

    /// One API's events in the three orders.
    struct Orders {
        var plugin: [Event] = []
        var translator: [Event] = []
        var naming: [Event] = []
    }

    /// Each API's events, grouped once, so that each API reads only its own (linear in the events
    /// however many APIs a template has).
    private(set) var byApi: [String: Orders] = [:]

    func of(_ api: String) -> Orders { byApi[api] ?? Orders() }
}
