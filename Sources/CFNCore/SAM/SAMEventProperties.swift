import CFNLoader

/// The translator's `property_types` of each function event type it reads with `from_dict`
/// (the classes of samtranslator/model/eventsources/push.py, pull.py, cloudwatchlogs.py and
/// scheduler.py, aws-sam-translator 1.110): a property the type does not define, a required one
/// missing, or a value of the wrong type is "Resource with id [<Function><Event>] is invalid. …".
/// `Api` events are checked with the REST API (`SAMRestApiEvent`).
enum SAMEventProperties {
    typealias Expected = SAMPropertyTypes.Expected

    /// `PullEventSource.property_types`, in its order; `StartingPosition`, `StartingPositionTimestamp`
    /// and `KmsKeyArn` are pass-through (any value).
    static let pull: [(name: String, expected: Expected)] = [
        ("BatchSize", .int), ("StartingPosition", .any), ("StartingPositionTimestamp", .any), ("Enabled", .bool),
        ("MaximumBatchingWindowInSeconds", .int), ("MaximumRetryAttempts", .int), ("BisectBatchOnFunctionError", .bool),
        ("MaximumRecordAgeInSeconds", .int), ("DestinationConfig", .map), ("ParallelizationFactor", .int), ("Topics", .list),
        ("Queues", .list), ("SourceAccessConfigurations", .list), ("SecretsManagerKmsKeyId", .string),
        ("TumblingWindowInSeconds", .int), ("FunctionResponseTypes", .list), ("KafkaBootstrapServers", .list),
        ("FilterCriteria", .map), ("KmsKeyArn", .any), ("ConsumerGroupId", .string), ("ScalingConfig", .map),
        ("ProvisionedPollerConfig", .map), ("SchemaRegistryConfig", .map), ("MetricsConfig", .map), ("LoggingConfig", .map),
    ]

    /// `CloudWatchEvent` and `EventBridgeRule` (its subclass) share one table.
    static let rule: [(name: String, expected: Expected)] = [
        ("EventBusName", .string), ("RuleName", .string), ("Pattern", .map), ("DeadLetterConfig", .map), ("RetryPolicy", .map),
        ("Input", .string), ("InputPath", .string), ("Target", .map), ("Enabled", .bool), ("State", .string),
        ("InputTransformer", .map),
    ]

    static let tables: [String: SAMPropertyTypes] = [
        "SQS": SAMPropertyTypes(type: "SQS", properties: pull + [("Queue", .any)], required: ["Queue"]),
        "Kinesis": SAMPropertyTypes(type: "Kinesis", properties: pull + [("Stream", .any)], required: ["StartingPosition", "Stream"]),
        "DynamoDB": SAMPropertyTypes(type: "DynamoDB", properties: pull + [("Stream", .any)], required: ["StartingPosition", "Stream"]),
        "MSK": SAMPropertyTypes(type: "MSK", properties: pull + [("Stream", .any)], required: ["StartingPosition", "Stream"]),
        "MQ": SAMPropertyTypes(type: "MQ", properties: pull + [("Broker", .any), ("DynamicPolicyName", .bool)], required: ["Broker"],
                               withoutIntrinsics: ["DynamicPolicyName"]),
        "DocumentDB": SAMPropertyTypes(type: "DocumentDB", properties: pull + [
            ("Cluster", .any), ("DatabaseName", .any), ("CollectionName", .any), ("FullDocument", .any),
        ], required: ["Cluster", "DatabaseName"]),
        "SelfManagedKafka": SAMPropertyTypes(type: "SelfManagedKafka", properties: pull),
        "Schedule": SAMPropertyTypes(type: "Schedule", properties: [
            ("Schedule", .string), ("RuleName", .string), ("Input", .string), ("Enabled", .bool), ("State", .string), ("Name", .string),
            ("Description", .string), ("DeadLetterConfig", .map), ("RetryPolicy", .map),
        ], required: ["Schedule"]),
        "CloudWatchEvent": SAMPropertyTypes(type: "CloudWatchEvent", properties: rule),
        "EventBridgeRule": SAMPropertyTypes(type: "EventBridgeRule", properties: rule),
        "S3": SAMPropertyTypes(type: "S3", properties: [("Bucket", .string), ("Events", .stringOrListOfStrings), ("Filter", .mapOfStrings)],
                               required: ["Bucket", "Events"], withoutIntrinsics: ["Events"]),
        "SNS": SAMPropertyTypes(type: "SNS", properties: [
            ("Topic", .string), ("Region", .string), ("FilterPolicy", .any), ("FilterPolicyScope", .any), ("SqsSubscription", .boolOrMap),
            ("RedrivePolicy", .map),
        ], required: ["Topic"]),
        "AlexaSkill": SAMPropertyTypes(type: "AlexaSkill", properties: [("SkillId", .string)]),
        "IoTRule": SAMPropertyTypes(type: "IoTRule", properties: [("Sql", .string), ("AwsIotSqlVersion", .string)], required: ["Sql"]),
        "Cognito": SAMPropertyTypes(type: "Cognito", properties: [("UserPool", .string), ("Trigger", .stringOrListOfStrings)],
                                    required: ["UserPool", "Trigger"], withoutIntrinsics: ["Trigger"]),
        "HttpApi": SAMPropertyTypes(type: "HttpApi", properties: [
            ("Path", .string), ("Method", .string), ("ApiId", .string), ("Stage", .string), ("Auth", .map), ("TimeoutInMillis", .int),
            ("RouteSettings", .map), ("PayloadFormatVersion", .string),
        ]),
        "CloudWatchLogs": SAMPropertyTypes(type: "CloudWatchLogs", properties: [("LogGroupName", .string), ("FilterPattern", .string)],
                                           required: ["LogGroupName", "FilterPattern"]),
        "ScheduleV2": SAMSchedulerEvent.propertyTypes,
    ]

    /// `from_dict` of one event: each property set in the order written (an unknown one fails,
    /// even when null), then `validate_properties` in the table's order, a null value being absent.
    static func check(type: String, properties: SAMMap, function: String, event: String, keyRange: SourceRange, _ document: SAMDocument) throws {
        let logicalId = function + event
        guard let table = tables[type] else { return }
        for entry in properties.entries where !table.properties.contains(where: { $0.name == entry.key }) {
            throw SAMError("property \(entry.key) not defined for resource of type \(type)", at: entry.keyRange, resource: logicalId, owner: function)
        }
        var given = properties
        given.entries.removeAll { document.isNull($0.value) }
        do {
            try table.validate(given, document, idRange: keyRange)
        } catch let error as SAMError {
            throw SAMError(error.message, at: error.range, resource: logicalId, owner: function)
        }
    }
}

extension SAMFunctionEvents {
    /// What the translator checks of a function's events before it makes any of them: the implicit
    /// HTTP API plugin reads every `HttpApi` event first (`_process_api_events`), then
    /// `resources_to_link` reads each event with `from_dict`, in the order they are written.
    func checkProperties(_ events: [SAMEntry]) throws {
        for event in events where expander.value("Type", in: event.value).flatMap(document.string) == "HttpApi" {
            try checkHttpApiPlugin(event)
        }
        for event in events {
            let (type, properties) = try header(event)
            try SAMLogicalId.check(function.id + event.key, at: event.keyRange, owner: function.id)
            try SAMEventProperties.check(type: type, properties: properties, function: function.id, event: event.key, keyRange: event.keyRange, document)
        }
    }

    /// `_validate_api_event` and `_add_route_settings_to_api` of the implicit HTTP API plugin, which
    /// read the event before any intrinsic function is resolved.
    private func checkHttpApiPlugin(_ event: SAMEntry) throws {
        let fail = { (message: String, range: SourceRange) in SAMError("Event with id [\(event.key)] is invalid. \(message)", at: range) }
        let written = try header(event).properties
        var properties = written
        properties.entries.removeAll { document.isNull($0.value) }
        // Without a path and a method the event is the `$default` route.
        if document.isTruthy(properties["Path"]) || document.isTruthy(properties["Method"]) {
            for key in ["Path", "Method"] where properties[key] == nil {
                throw fail("Property '\(key)' is required.", properties.range)
            }
        }
        if let given = properties["ApiId"] {
            let name = document.intrinsic(given).map { $0.function == .ref ? document.string($0.argument) : nil } ?? document.text(given)
            guard let name else { throw fail("Property 'ApiId' should be a string.", keyRange("ApiId", in: properties)) }
            guard name == SAMHttpApi.implicitId || expander.template.hasResource(named: name) else {
                throw fail("ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.", keyRange("ApiId", in: properties))
            }
        }
        for key in ["Path", "Method"] {
            if let value = properties[key], document.text(value) == nil {
                throw fail("Property '\(key)' should be a string.", document.range(value))
            }
        }
        // A function's condition wraps the route settings in `Fn::If`, a mapping whatever they are.
        if let settings = written.entries.first(where: { $0.key == "RouteSettings" }), function.resource.node("Condition") == nil,
           document.entries(settings.value) == nil {
            throw fail("Property 'RouteSettings' should be a map.", settings.keyRange)
        }
    }

    private func keyRange(_ key: String, in properties: SAMMap) -> SourceRange {
        properties.entries.first { $0.key == key }?.keyRange ?? properties.range
    }
}
