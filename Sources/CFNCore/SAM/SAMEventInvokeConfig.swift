import CFNLoader

/// A function's `EventInvokeConfig`: the `AWS::Lambda::EventInvokeConfig` `<Function>EventInvokeConfig`
/// for the alias (or `$LATEST`), an SQS queue or SNS topic for a destination of that type given
/// without `Destination`, and the statements the role needs to send to each destination
/// (`_construct_event_invoke_config` and `_validate_and_inject_resource` in
/// samtranslator/model/sam_resources.py). The settings are read with the template's parameters resolved.
struct SAMEventInvokeConfig {
    let function: SAMFunction
    var document: SAMDocument { function.document }
    var expander: SAMExpander { function.expander }

    static let destinationTypes = ["SQS", "SNS", "EventBridge", "Lambda", "S3Bucket"]

    /// The resources (destinations first, then the config) and the role's policies.
    func make(config: SAMValue, alias: SAMResource?) throws -> (resources: [SAMResource], policies: [SAMValue]) {
        let at = function.keyRange("EventInvokeConfig")
        let resolved = expander.parameters.resolve(config, document)
        let logicalId = "\(function.id)EventInvokeConfig"
        var resources: [SAMResource] = []
        var policies: [SAMValue] = []
        var destinations = SAMMap(at: at)
        if let given = document.value("DestinationConfig", in: resolved), document.isTruthy(given) {
            guard document.entries(given) != nil else {
                throw function.error("Property 'EventInvokeConfig.DestinationConfig' should be a map.", at: "EventInvokeConfig")
            }
            for name in ["OnSuccess", "OnFailure"] {
                guard let destination = document.value(name, in: given), !document.isNull(destination) else { continue }
                guard document.entries(destination) != nil else {
                    throw SAMError("Property 'EventInvokeConfig.DestinationConfig.\(name)' should be a map.", at: document.range(destination))
                }
                let made = try self.destination(destination, name: name, logicalId: logicalId)
                if let resource = made.resource { resources.append(resource) }
                if let policy = made.policy { policies.append(policy) }
                var entry = SAMMap(at: document.range(destination))
                entry.set("Destination", made.arn ?? .scalar("null", isString: false, at: document.range(destination)))
                destinations.set(name, entry.value, keyRange: document.keyRange(name, in: given))
            }
        }
        var invokeConfig = SAMResource(logicalId, "AWS::Lambda::EventInvokeConfig", at: function.idRange)
        for attribute in ["DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"] {
            if let node = function.resource.node(attribute) {
                invokeConfig.attributes.set(attribute, .node(node), keyRange: function.attributeKeyRange(attribute))
            }
        }
        if let alias { invokeConfig.attributes.set("DependsOn", .list([.string(alias.logicalId, at: at)], at: at), keyRange: at) }
        invokeConfig.properties.set("FunctionName", .ref(function.id, at: function.idRange), keyRange: at)
        invokeConfig.properties.set("Qualifier", alias?.properties["Name"] ?? .string("$LATEST", at: at), keyRange: at)
        invokeConfig.properties.set("DestinationConfig", destinations.value, keyRange: at)
        for key in ["MaximumEventAgeInSeconds", "MaximumRetryAttempts"] {
            invokeConfig.properties.set(key, document.value(key, in: resolved), keyRange: document.keyRange(key, in: resolved))
        }
        invokeConfig.writesEmptyProperties = true
        return (resources + [invokeConfig], policies)
    }

    /// One destination: the queue or topic made for it, its ARN as the config names it, and the role's policy.
    private func destination(_ config: SAMValue, name: String, logicalId: String) throws -> (resource: SAMResource?, arn: SAMValue?, policy: SAMValue?) {
        let at = document.range(config)
        let type = document.value("Type", in: config).flatMap(document.text)
        guard let type, Self.destinationTypes.contains(type) else {
            let shown = document.value("Type", in: config).flatMap(document.string) ?? "None"
            throw SAMError("'Type: \(shown)' must be one of [\(Self.destinationTypes.map { "'\($0)'" }.joined(separator: ", "))]",
                           at: document.value("Type", in: config).map(document.range) ?? at)
        }
        let given = document.value("Destination", in: config).flatMap { document.isNull($0) ? nil : $0 }
        let resourceId = logicalId + name
        let (condition, conditionalArn) = try self.condition(given, logicalId: logicalId)
        guard given == nil || condition != nil else {
            return (nil, given, given.map { policy(type, resourceId, $0, at: at) })
        }
        guard type == "SQS" || type == "SNS" else {
            throw SAMError("Destination is required if Type is not ['SQS', 'SNS']", at: at)
        }
        var resource = type == "SQS"
            ? SAMResource(resourceId + "Queue", "AWS::SQS::Queue", at: function.idRange)
            : SAMResource(resourceId + "Topic", "AWS::SNS::Topic", at: function.idRange)
        resource.attributes = function.passThroughAttributes()
        resource.writesEmptyProperties = true
        if let combined = combinedCondition(condition, at: at) {
            resource.attributes.set("Condition", .string(combined, at: at))
        }
        let made: SAMValue = type == "SQS" ? .getAtt(resource.logicalId, "Arn", at: at) : .ref(resource.logicalId, at: at)
        var arn = made
        if let condition {
            arn = .intrinsic(.if, .list([.string(condition, at: at), made, conditionalArn ?? .ref("AWS::NoValue", at: at)], at: at), at: at)
        }
        return (resource, arn, policy(type, resourceId, arn, at: at))
    }

    /// `Destination: !If [C, !Ref AWS::NoValue, X]` makes the queue or topic under `C`; with the
    /// `NoValue` in the else branch under a new condition `NOT<C><hash>` (`_get_or_make_condition`).
    private func condition(_ destination: SAMValue?, logicalId: String) throws -> (String?, SAMValue?) {
        guard let destination, let (function, argument) = document.intrinsic(destination), function == .if else { return (nil, nil) }
        guard let parts = document.elements(argument), parts.count == 3 else {
            throw SAMError("Malformed 'Destination' property: Fn::If requires 3 arguments.", at: document.range(destination))
        }
        let thenNone = document.isNoValue(parts[1])
        let elseNone = document.isNoValue(parts[2])
        guard thenNone != elseNone, let name = document.string(parts[0]) else { return (nil, nil) }
        if thenNone { return (name, parts[2]) }
        let at = document.range(destination)
        let negated = "NOT\(name)" + SHA1.hexDigest(logicalId).prefix(10)
        addCondition(negated, .intrinsic(.not, .list([Self.conditionReference(name, at: at)], at: at), at: at), at: at)
        return (negated, parts[1])
    }

    /// The function's own condition and the destination's, as one (`_make_and_conditions`), written
    /// as the translator writes it: each `{"Condition": name}` nested in a second one
    /// (`make_and_condition` wraps what it is given again), which the processed template keeps and
    /// the condition evaluator reads as unknown.
    private func combinedCondition(_ condition: String?, at range: SourceRange) -> String? {
        let own = function.resource.node("Condition").flatMap { document.string(.node($0)) }
        guard let condition else { return own }
        guard let own else { return condition }
        let name = "\(own)AND\(condition)" + SHA1.hexDigest(function.id).prefix(10)
        let nested = { (name: String) in SAMValue.intrinsic(.condition, Self.conditionReference(name, at: range), at: range) }
        addCondition(name, .intrinsic(.and, .list([nested(own), nested(condition)], at: range), at: range), at: range)
        return name
    }

    private static func conditionReference(_ name: String, at range: SourceRange) -> SAMValue {
        .intrinsic(.condition, .string(name, at: range), at: range)
    }

    private func addCondition(_ name: String, _ value: SAMValue, at range: SourceRange) {
        guard !expander.conditions.contains(where: { $0.key == name }) else { return }
        expander.conditions.append(SAMEntry(name, value, keyRange: range))
    }

    /// What the role needs to send to a destination (`_add_event_invoke_managed_policy`).
    private func policy(_ type: String, _ resourceId: String, _ arn: SAMValue, at range: SourceRange) -> SAMValue {
        func send(_ action: String, _ suffix: String) -> SAMValue {
            SAMFunctionRole.policy(resourceId + suffix, [SAMFunctionRole.statement(action: .string(action, at: range), resource: arn, at: range)], at: range)
        }
        switch type {
        case "SQS": return send("sqs:SendMessage", "SQSPolicy")
        case "SNS": return send("sns:publish", "SNSPolicy")
        case "EventBridge": return send("events:PutEvents", "EventBridgePolicy")
        case "Lambda": return send("lambda:InvokeFunction", "LambdaPolicy")
        default:
            return SAMFunctionRole.policy(resourceId + "S3Policy", [
                SAMFunctionRole.statement(action: .string("s3:PutObject", at: range),
                                          resource: .intrinsic(.join, .list([.string("/", at: range), .list([arn, .string("*", at: range)], at: range)], at: range),
                                                               at: range), at: range),
                SAMFunctionRole.statement(action: .string("s3:ListBucket", at: range), resource: arn, at: range),
            ], at: range)
        }
    }
}
