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
