import CFNLoader

/// The checks the translator makes of a `Cognito` event (push.py, `Cognito`): `Trigger` a name or
/// list of names, `UserPool` a `Ref` to a resource of the template whose `LambdaConfig` is a
/// mapping, and each trigger of a pool set once — by the template or by one event.
extension SAMFunctionEvents {
    func checkCognito(_ event: Event) throws {
        let props = event.properties
        let triggerValue = props["Trigger"]
        let triggers = triggerValue.flatMap(document.text).map { [$0] } ?? triggerValue.flatMap(document.elements)?.compactMap(document.text)
        guard let triggers, triggers.count == (triggerValue.flatMap(document.elements)?.count ?? 1) else {
            throw event.fail("Type of property 'Trigger' is invalid.", event.range("Trigger"))
        }
        let pool = props["UserPool"]
        if let pool, let (function, argument) = document.intrinsic(pool), function == .ref, document.text(argument) == nil {
            throw SAMError("Event with id [\(event.logicalId)] is invalid. Ref in Userpool is not a string.", at: document.range(pool))
        }
        let tree = expander.template.tree
        guard let name = pool.flatMap(document.refName), let resource = expander.template.resource(named: name) else {
            throw event.fail("Cognito events must reference a Cognito UserPool in the same template.", event.range("UserPool"))
        }
        let config = resource.properties.flatMap { tree.value(forKey: "LambdaConfig", in: $0) }
        if let config, tree.kind(config) != .mapping, !document.isNull(.node(config)) {
            throw SAMError("Resource with id [\(name)] is invalid. Property 'LambdaConfig' should be a map.", at: tree.range(config))
        }
        var set = expander.cognitoTriggers[name] ?? Set(config.map { tree.kind($0) == .mapping ? tree.entries($0).compactMap { tree.string($0.key) } : [] } ?? [])
        for trigger in triggers {
            guard set.insert(trigger).inserted else {
                let shown = triggerValue.flatMap(document.text) ?? "[" + triggers.map { "'\($0)'" }.joined(separator: ", ") + "]"
                throw event.fail("Cognito trigger \"\(shown)\" defined multiple times.", event.range("Trigger"))
            }
        }
        expander.cognitoTriggers[name] = set
    }
}

extension SAMFunctionEvents {
    /// Each trigger written into the pool's `LambdaConfig` as the function's ARN, or its alias's
    /// (`_inject_lambda_config`); `checkCognito` has made sure none is set twice.
    func writeCognitoTriggers(_ event: Event) throws {
        let props = event.properties
        guard let name = props["UserPool"].flatMap(document.refName), let resource = expander.template.resource(named: name),
              var pool = expander.editable(resource) else { return }
        let triggers = props["Trigger"].flatMap { document.elements($0) ?? [$0] } ?? []
        let invalid = SAMError("Property 'LambdaConfig' should be a map.", at: pool.range, resource: name)
        let at = event.range("Trigger")
        var properties = try pool.map("Properties", orFail: invalid, document, newAt: at)
        var config = try properties.map("LambdaConfig", orFail: invalid, document, newAt: at)
        for trigger in triggers {
            guard let key = document.text(trigger) else { continue }
            config.set(key, functionArn.relocated(to: document.range(trigger)), keyRange: document.range(trigger))
        }
        properties.set("LambdaConfig", config.value, keyRange: properties.keyRange("LambdaConfig", orNew: at))
        pool.set("Properties", properties.value, keyRange: pool.keyRange("Properties", orNew: at))
        expander.editedResources[name] = pool
    }
}
