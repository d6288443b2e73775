import CFNLoader

/// A state machine's `Events` (samtranslator/model/stepfunctions/events.py, and `ScheduleV2` from
/// eventsources/scheduler.py): an EventBridge rule (`Schedule`, `CloudWatchEvent`,
/// `EventBridgeRule`) targeting the state machine through a role `<Event>Role` allowed to start
/// its executions, with the dead-letter queue `DeadLetterConfig` asks for; a scheduler schedule; or,
/// for an `Api` event, the role API Gateway starts executions with.
struct SAMStateMachineEvents {
    let machine: SAMStateMachine
    /// The state machine or its alias (`UseAliasAsEventTarget`), as targets and policies name it.
    let target: SAMValue
    var document: SAMDocument { machine.document }

    init(_ machine: SAMStateMachine, target: SAMValue) {
        self.machine = machine
        self.target = target
    }

    static let ruleTypes = SAMPropertyTypes(type: "CloudWatchEvent", properties: [
        ("EventBusName", .string), ("RuleName", .string), ("Pattern", .map), ("Input", .string), ("InputPath", .string),
        ("DeadLetterConfig", .map), ("RetryPolicy", .map), ("State", .string), ("Target", .map), ("InputTransformer", .map),
    ], withoutIntrinsics: ["Target"])
    static let scheduleTypes = SAMPropertyTypes(type: "Schedule", properties: [
        ("Schedule", .string), ("Input", .string), ("Enabled", .bool), ("State", .string), ("Name", .string), ("Description", .string),
        ("DeadLetterConfig", .map), ("RetryPolicy", .map), ("Target", .map), ("RoleArn", .string),
    ], required: ["Schedule"], withoutIntrinsics: ["Target", "RoleArn"])
    static let apiTypes = SAMPropertyTypes(type: "Api", properties: [
        ("Path", .string), ("Method", .string), ("RestApiId", .string), ("Stage", .string), ("Auth", .map), ("UnescapeMappingTemplate", .bool),
    ], required: ["Path", "Method"], withoutIntrinsics: ["UnescapeMappingTemplate"])

    struct Event {
        let name: String
        let logicalId: String
        let type: String
        let properties: SAMMap
        let keyRange: SourceRange

        func range(_ key: String) -> SourceRange {
            properties.entries.last { $0.key == key }?.keyRange ?? keyRange
        }
    }

    func make() throws -> [SAMResource] {
        guard let events = machine["Events"].flatMap(document.entries) else { return [] }
        var resources: [SAMResource] = []
        for entry in events {
            let fail = { (message: String, range: SourceRange) in SAMError("Event with id [\(entry.key)] is invalid. \(message)", at: range) }
            let typeValue = document.value("Type", in: entry.value)
            let type = typeValue.flatMap(document.text)
            guard let type, ["Schedule", "CloudWatchEvent", "EventBridgeRule", "Api", "ScheduleV2"].contains(type) else {
                throw fail("Resource dict has missing or invalid value for key Type. Event Type is: \(type ?? "None").",
                           typeValue.map(document.range) ?? entry.keyRange)
            }
            let propertiesValue = document.value("Properties", in: entry.value)
            if let propertiesValue, document.entries(propertiesValue) == nil {
                throw fail("Properties should be a map.", document.range(propertiesValue))
            }
            var properties = propertiesValue.flatMap(document.map) ?? SAMMap(at: entry.keyRange)
            properties.entries.removeAll { document.isNull($0.value) }
            let event = Event(name: entry.key, logicalId: machine.id + entry.key, type: type, properties: properties, keyRange: entry.keyRange)
            if type == "ScheduleV2" {
                resources += try SAMSchedulerEvent(logicalId: event.logicalId, properties: properties, keyRange: entry.keyRange, idRange: machine.idRange,
                                                   attributes: machine.passThroughAttributes(), document: document).make(target: .stateMachine(target))
                continue
            }
            let types = type == "Schedule" ? Self.scheduleTypes : type == "Api" ? Self.apiTypes : Self.ruleTypes
            do {
                try types.validate(properties, document, idRange: entry.keyRange)
            } catch let error as SAMError {
                throw SAMError("Event with id [\(event.logicalId)] is invalid. \(error.message)", at: error.range)
            }
            resources += type == "Api" ? try api(event) : try rule(event)
        }
        return resources
    }

    /// The role `<Event>Role` the event's service assumes to start executions (`_construct_role`).
    private func role(_ event: Event, principal: String) -> SAMResource {
        let at = event.keyRange
        var role = SAMResource(event.logicalId + "Role", "AWS::IAM::Role", at: machine.idRange)
        role.attributes = machine.passThroughAttributes()
        role.properties.set("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(principal, at: at), keyRange: at)
        role.properties.set("Policies", .list([SAMFunctionRole.policy("\(role.logicalId)StartExecutionPolicy", [
            SAMFunctionRole.statement(action: .string("states:StartExecution", at: at), resource: target, at: at),
        ], at: at)], at: at), keyRange: at)
        // The state machine's boundary, which the translator passes to every event's role.
        if let boundary = machine["PermissionsBoundary"], document.isTruthy(boundary) {
            role.properties.set("PermissionsBoundary", boundary, keyRange: machine.keyRange("PermissionsBoundary"))
        }
        return role
    }

    /// `Schedule`, `CloudWatchEvent`, `EventBridgeRule`: the rule, its role (for a schedule, unless
    /// `RoleArn`), and its dead-letter queue.
    private func rule(_ event: Event) throws -> [SAMResource] {
        let props = event.properties
        let at = event.keyRange
        var rule = SAMResource(event.logicalId, "AWS::Events::Rule", at: machine.idRange)
        rule.attributes = machine.passThroughAttributes()
        if event.type == "Schedule" {
            rule.properties.set("ScheduleExpression", props["Schedule"], keyRange: event.range("Schedule"))
            if document.isTruthy(props["State"]), props["Enabled"] != nil {
                throw SAMError("Event with id [\(event.name)] is invalid. State and Enabled Properties cannot both be specified.", at: event.range("State"))
            }
        } else {
            rule.properties.set("EventBusName", props["EventBusName"], keyRange: event.range("EventBusName"))
            rule.properties.set("EventPattern", props["Pattern"], keyRange: event.range("Pattern"))
            rule.properties.set("Name", props["RuleName"], keyRange: event.range("RuleName"))
        }
        if document.isTruthy(props["State"]) { rule.properties.set("State", props["State"], keyRange: event.range("State")) }
        if event.type == "Schedule" {
            if let enabled = props["Enabled"] {
                rule.properties.set("State", .string(document.isTruthy(enabled) ? "ENABLED" : "DISABLED", at: document.range(enabled)),
                                    keyRange: event.range("Enabled"))
            }
            rule.properties.set("Name", props["Name"], keyRange: event.range("Name"))
            rule.properties.set("Description", props["Description"], keyRange: event.range("Description"))
        }
        var resources = [rule]
        var roleArn = event.type == "Schedule" ? props["RoleArn"] : nil
        if roleArn == nil {
            let made = role(event, principal: "events.amazonaws.com")
            roleArn = .getAtt(made.logicalId, "Arn", at: at)
            resources.append(made)
        }
        let deadLetter = try props["DeadLetterConfig"].map {
            try SAMEventDeadLetter($0, eventLogicalId: event.logicalId, ruleArn: .getAtt(event.logicalId, "Arn", at: at),
                                   attributes: machine.passThroughAttributes(), idRange: machine.idRange, document)
        }
        resources += deadLetter?.resources ?? []
        var target = SAMMap(at: at)
        let customId = props["Target"].flatMap { document.value("Id", in: $0) }
        target.set("Arn", self.target, keyRange: at)
        target.set("Id", customId ?? .string(SAMFunctionEvents.targetId(event.logicalId, suffix: "StepFunctionsTarget"), at: at), keyRange: at)
        target.set("RoleArn", roleArn, keyRange: event.range("RoleArn"))
        for key in ["Input", "InputPath"] where event.type != "Schedule" || key == "Input" {
            target.set(key, props[key], keyRange: event.range(key))
        }
        target.set("DeadLetterConfig", deadLetter?.targetConfig, keyRange: event.range("DeadLetterConfig"))
        for key in ["RetryPolicy", "InputTransformer"] where event.type != "Schedule" || key == "RetryPolicy" {
            target.set(key, props[key], keyRange: event.range(key))
        }
        resources[0].properties.set("Targets", .list([target.value], at: at), keyRange: at)
        return resources
    }

    /// `Api`: the role API Gateway starts executions with; the method it adds to the REST API is
    /// not written here (a `sam.partly-expanded` warning).
    private func api(_ event: Event) throws -> [SAMResource] {
        // `resources_to_link_for_rest_api`: a name or `Ref` must be a resource of the template.
        if let name = event.properties["RestApiId"].flatMap({ document.refName($0) ?? document.text($0) }), !expander.template.hasResource(named: name) {
            throw SAMError("Event with id [\(event.name)] is invalid. RestApiId property of Api event must reference a valid resource in the same template.",
                           at: event.range("RestApiId"))
        }
        expander.notes.append(Finding(SAMRules.partlyExpanded,
                                      "event '\(event.name)' (Api) of '\(machine.id)' is only partly expanded: the REST API resources it adds to are not generated",
                                      at: event.keyRange, resource: machine.id, resourceType: SAMStateMachine.type,
                                      path: machine.resource.path("Properties", "Events", event.name)))
        return [role(event, principal: "apigateway.amazonaws.com")]
    }

    private var expander: SAMExpander { machine.expander }
}
