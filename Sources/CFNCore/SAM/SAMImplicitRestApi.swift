import CFNLoader

/// The implicit REST API `ServerlessRestApi` that `Api` events without a `RestApiId` add to
/// (samtranslator/plugins/api/implicit_api_plugin.py): its `Condition` (the functions' own, or
/// `ServerlessRestApiCondition` when they differ, unless a method has none), `DeletionPolicy` and
/// `UpdateReplacePolicy` come from the functions whose events make it.
struct SAMImplicitRestApi {
    /// One implicit API event: where it is written and what its function carries.
    struct Event {
        let function: String
        let keyRange: SourceRange
        let path: String
        let method: String
        let condition: String?
        let deletionPolicy: String?
        let updateReplacePolicy: String?
    }

    let events: [Event]

    /// The `Api` events with properties and no `RestApiId`, of functions and state machines, in order.
    init(_ template: Template) {
        let tree = template.tree
        var events: [Event] = []
        for resource in template.resources where resource.type == "AWS::Serverless::Function" || resource.type == "AWS::Serverless::StateMachine" {
            guard let list = resource.properties.flatMap({ tree.value(forKey: "Events", in: $0) }), tree.kind(list) == .mapping else { continue }
            let attribute = { (key: String) in resource.node(key).flatMap { tree.string($0) } }
            for entry in tree.entries(list) {
                guard tree.kind(entry.value) == .mapping, let type = tree.value(forKey: "Type", in: entry.value), tree.scalar(type, equals: "Api"),
                      let properties = tree.value(forKey: "Properties", in: entry.value), tree.kind(properties) == .mapping,
                      tree.count(properties) > 0, tree.value(forKey: "RestApiId", in: properties) == nil else { continue }
                let text = { (key: String) in tree.value(forKey: key, in: properties).flatMap { tree.string($0) } ?? "" }
                events.append(Event(function: resource.logicalId, keyRange: tree.range(entry.key), path: text("Path"), method: text("Method"),
                                    condition: attribute("Condition"), deletionPolicy: attribute("DeletionPolicy"),
                                    updateReplacePolicy: attribute("UpdateReplacePolicy")))
            }
        }
        self.events = events
    }

    var exists: Bool { !events.isEmpty }

    /// `_maybe_add_condition_to_implicit_api` and the two policies, as attributes of what the API makes.
    func attributes(_ expander: SAMExpander, at range: SourceRange) -> SAMMap {
        var attributes = SAMMap(at: range)
        // The last event of a path and method sets its condition.
        var byMethod: [String: String?] = [:]
        for event in events { byMethod[event.path + "\u{0}" + event.method.lowercased()] = event.condition }
        let conditions = Set(byMethod.values.compactMap { $0 })
        if !conditions.isEmpty, !byMethod.values.contains(where: { $0 == nil }) {
            if conditions.count == 1, let only = conditions.first {
                attributes.set("Condition", .string(only, at: range), keyRange: range)
            } else {
                attributes.set("Condition", .string("ServerlessRestApiCondition", at: range), keyRange: range)
                Self.addCombinedCondition("ServerlessRestApiCondition", conditions.sorted(), expander, at: range)
            }
        }
        let deletion = events.compactMap(\.deletionPolicy)
        if let policy = ["Retain", "Delete"].first(where: deletion.contains) {
            attributes.set("DeletionPolicy", .string(policy, at: range), keyRange: range)
        }
        let replace = events.compactMap(\.updateReplacePolicy)
        if let policy = ["Retain", "Snapshot", "Delete"].first(where: replace.contains) {
            attributes.set("UpdateReplacePolicy", .string(policy, at: range), keyRange: range)
        }
        return attributes
    }

    /// `make_combined_condition`: `Fn::Or` of at most ten conditions, chained under numbered names.
    static func addCombinedCondition(_ base: String, _ names: [String], _ expander: SAMExpander, at range: SourceRange) {
        var list = names
        var number = 1 + (names.count - 2) / 9 - 1
        while list.count > 1 {
            var name = base
            if number > 0 {
                name = "\(base)\(number)"
                number -= 1
            }
            let or = SAMValue.intrinsic(.or, .list(list.prefix(10).map { .intrinsic(.condition, .string($0, at: range), at: range) }, at: range), at: range)
            list = Array(list.dropFirst(10)) + [name]
            if !expander.conditions.contains(where: { $0.key == name }) {
                expander.conditions.append(SAMEntry(name, or, keyRange: range))
            }
        }
    }
}

extension SAMExpander {
    /// The implicit API's checks and authorizer permissions, added to what the resource named
    /// `ServerlessRestApi` became (the implicit API replaces it) or else to the first function whose
    /// events make the API.
    func expandImplicitRestApi(_ implicit: SAMImplicitRestApi) {
        guard let first = implicit.events.first else { return }
        let attributes = implicit.attributes(self, at: first.keyRange)
        let owner: String? = template.hasResource(named: SAMRestApi.implicitId) ? SAMRestApi.implicitId
            : implicit.events.map(\.function).first { expansions[$0] != nil }
        do {
            let api = try SAMRestApi(implicit: self, at: first.keyRange, attributes: attributes)
            let made = try api.expand(resource: nil)
            guard let owner else { return }
            restApis.append((api, owner))
            if owner == SAMRestApi.implicitId {
                errors.removeAll { $0.resource == owner }
                expansions[owner] = made
            } else {
                expansions[owner, default: []] += made
            }
        } catch let error as SAMError {
            errors.append((SAMRestApi.implicitId, error))
        } catch let error as SAMTemplateError {
            errors.append((error.resource, error.error))
        } catch {
            errors.append((SAMRestApi.implicitId, SAMError("\(error)", at: first.keyRange)))
        }
    }
}
