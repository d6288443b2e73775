import CFNLoader

/// A function's `Events`: the Lambda permissions and event source mappings they make, the resources
/// of other services SAM makes for them (rules, subscriptions, filters), and what they add to the
/// generated role (samtranslator/model/eventsources/pull.py, push.py, cloudwatchlogs.py).
struct SAMFunctionEvents {
    let function: SAMFunction
    /// The function or its alias, as event sources name it (`Ref`).
    let target: SAMValue
    /// The function's ARN or its alias's, as rule targets and subscriptions name it.
    let functionArn: SAMValue
    var document: SAMDocument { function.document }
    var expander: SAMExpander { function.expander }
    /// HTTP APIs (by their `ApiId`) on which the function has a `$default` route already.
    private var defaultRoutes: Set<String> = []

    static let pullTypes: [String: (source: String, policy: String?)] = [
        "Kinesis": ("Stream", "service-role/AWSLambdaKinesisExecutionRole"),
        "DynamoDB": ("Stream", "service-role/AWSLambdaDynamoDBExecutionRole"),
        "SQS": ("Queue", "service-role/AWSLambdaSQSQueueExecutionRole"),
        "MSK": ("Stream", "service-role/AWSLambdaMSKExecutionRole"),
        "MQ": ("Broker", nil),
        "DocumentDB": ("Cluster", nil),
        "SelfManagedKafka": ("", nil),
    ]
    static let pushTypes: Set<String> = [
        "Schedule", "CloudWatchEvent", "EventBridgeRule", "SNS", "S3", "CloudWatchLogs", "IoTRule", "AlexaSkill", "Api",
        "HttpApi", "Cognito", "ScheduleV2",
    ]

    static let mappingProperties = [
        "StartingPosition", "StartingPositionTimestamp", "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds",
        "MaximumRetryAttempts", "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "ParallelizationFactor",
        "Topics", "Queues", "SourceAccessConfigurations", "TumblingWindowInSeconds", "FunctionResponseTypes",
        "FilterCriteria", "KmsKeyArn", "ScalingConfig", "ProvisionedPollerConfig", "MetricsConfig", "LoggingConfig",
    ]

    init(_ function: SAMFunction, target: SAMValue, functionArn: SAMValue) {
        self.function = function
        self.target = target
        self.functionArn = functionArn
    }

    mutating func make(role: inout SAMResource?) throws -> [SAMResource] {
        guard let events = function["Events"].flatMap(document.entries) else { return [] }
        try checkProperties(events)
        var resources: [SAMResource] = []
        let ordered = events.sorted { orderKey($0) < orderKey($1) }
        for event in events where expander.value("Type", in: event.value).flatMap(document.string) == "HttpApi" {
            let properties = expander.value("Properties", in: event.value)
            let path = properties.flatMap { expander.value("Path", in: $0) }.flatMap(document.string) ?? "$default"
            let method = properties.flatMap { expander.value("Method", in: $0) }.flatMap(document.string)?.lowercased() ?? "any"
            if path == "$default", method == "any" || method == "x-amazon-apigateway-any-method" {
                let apiId = properties.flatMap { expander.value("ApiId", in: $0) } ?? .ref("ServerlessHttpApi", at: event.keyRange)
                defaultRoutes.insert(document.python(apiId).compactSortedJSON)
            }
        }
        for event in ordered {
            resources += try make(event, role: &role)
        }
        return resources
    }

    /// The translator sorts events by their `Path` (or name), so `$default` comes first.
    private func orderKey(_ event: SAMEntry) -> String {
        event.value.isMapping(document) ? (expander.value("Properties", in: event.value).flatMap { expander.value("Path", in: $0) }
            .flatMap(document.string) ?? event.key) : event.key
    }

    /// The event's type and its properties as written (nulls kept), after `resolve_resource_type`'s checks.
    func header(_ event: SAMEntry) throws -> (type: String, properties: SAMMap) {
        let fail = { (message: String, range: SourceRange) in SAMError("Event with id [\(event.key)] is invalid. \(message)", at: range) }
        guard document.entries(event.value) != nil else { throw fail("Type of property 'Events' is invalid.", event.keyRange) }
        let typeValue = expander.value("Type", in: event.value)
        guard let type = typeValue.flatMap(document.string),
              Self.pullTypes[type] != nil || Self.pushTypes.contains(type) else {
            let shown = typeValue.flatMap(document.string) ?? "None"
            throw fail("Resource dict has missing or invalid value for key Type. Event Type is: \(shown).",
                       typeValue.map(document.range) ?? event.keyRange)
        }
        let propertiesValue = expander.value("Properties", in: event.value)
        if let propertiesValue, document.entries(propertiesValue) == nil {
            throw fail("Properties should be a map.", document.range(propertiesValue))
        }
        return (type, propertiesValue.flatMap(document.map) ?? SAMMap(at: event.keyRange))
    }

    private mutating func make(_ event: SAMEntry, role: inout SAMResource?) throws -> [SAMResource] {
        let name = event.key
        let fail = { (message: String, range: SourceRange) in SAMError("Event with id [\(name)] is invalid. \(message)", at: range) }
        var (type, properties) = try header(event)
        properties.entries.removeAll { document.isNull($0.value) }
        let logicalId = function.id + name
        try Self.checkTypes(type, properties, document, fail)
        let context = Event(name: name, logicalId: logicalId, type: type, properties: properties, keyRange: event.keyRange,
                            attributes: function.passThroughAttributes(), fail: fail)
        if function["TenancyConfig"] != nil, type != "Api", type != "HttpApi" {
            throw function.error("Event source '\(type)' is not supported for functions enabled with tenancy configuration. Only Api and HttpApi event sources are supported.",
                                 at: "TenancyConfig")
        }
        if let pull = Self.pullTypes[type] {
            return try pullEvent(context, source: pull.source, policy: pull.policy, role: &role)
        }
        switch type {
        case "Schedule", "CloudWatchEvent", "EventBridgeRule": return try rule(context)
        case "SNS": return try sns(context, role: &role)
        case "CloudWatchLogs": return try logs(context)
        case "IoTRule": return try iot(context)
        case "AlexaSkill": return [permission(context, principal: "alexa-appkit.amazon.com", eventSourceToken: properties["SkillId"])]
        case "S3": return try s3Notification(context)
        case "Api", "HttpApi": return try api(context)
        case "ScheduleV2":
            return try SAMSchedulerEvent(logicalId: logicalId, properties: properties, keyRange: event.keyRange, idRange: function.idRange,
                                         attributes: context.attributes, document: document).make(target: .function(functionArn))
        case "Cognito":
            try checkCognito(context)
            try writeCognitoTriggers(context)
            var permission = permission(context, principal: "cognito-idp.amazonaws.com",
                                        sourceArn: properties["UserPool"].map { .getAtt(document.refName($0) ?? "", "Arn", at: document.range($0)) })
            permission.logicalId = function.id + "CognitoPermission"
            return [permission]
        default:
            expander.notes.append(note(context, "its resources are not generated"))
            return []
        }
    }

    /// What the translator checks of an event once its properties have their types (`SAMEventProperties`).
    static func checkTypes(_ type: String, _ properties: SAMMap, _ document: SAMDocument, _ fail: (String, SourceRange) -> SAMError) throws {
        if type == "MQ" || type == "DocumentDB" {
            let supported = type == "MQ" ? ["BASIC_AUTH", "VIRTUAL_HOST"] : ["BASIC_AUTH"]
            let what = type == "MQ" ? "Amazon MQ" : "Amazon DocumentDB"
            guard let configurations = properties["SourceAccessConfigurations"].flatMap(document.elements), !configurations.isEmpty else {
                throw fail("No SourceAccessConfigurations for \(what) event provided.", properties.range)
            }
            var basic = 0
            for configuration in configurations {
                let kind = document.value("Type", in: configuration).flatMap(document.text)
                guard let kind, supported.contains(kind) else {
                    throw fail("Invalid property Type specified in SourceAccessConfigurations. The supported values are: [\(supported.map { "'\($0)'" }.joined(separator: ", "))].",
                               document.range(configuration))
                }
                if kind == "BASIC_AUTH" {
                    basic += 1
                    if basic > 1 { throw fail("Multiple BASIC_AUTH properties specified in SourceAccessConfigurations.", document.range(configuration)) }
                    if !document.isTruthy(document.value("URI", in: configuration)) {
                        throw fail("No BASIC_AUTH URI property specified in SourceAccessConfigurations.", document.range(configuration))
                    }
                }
            }
            if basic == 0 { throw fail("No BASIC_AUTH property specified in SourceAccessConfigurations.", properties.range) }
        }
    }

    struct Event {
        let name: String
        let logicalId: String
        let type: String
        let properties: SAMMap
        let keyRange: SourceRange
        let attributes: SAMMap
        let fail: (String, SourceRange) -> SAMError

        func range(_ key: String) -> SourceRange {
            properties.entries.first { $0.key == key }?.keyRange ?? keyRange
        }
    }

    private func note(_ event: Event, _ what: String) -> Finding {
        Finding(SAMRules.partlyExpanded, "event '\(event.name)' (\(event.type)) of '\(function.id)' is only partly expanded: \(what)",
                at: event.keyRange, resource: function.id, resourceType: "AWS::Serverless::Function",
                path: function.resource.path("Properties", "Events", event.name))
    }

    // MARK: Pull events

    private func pullEvent(_ event: Event, source: String, policy: String?, role: inout SAMResource?) throws -> [SAMResource] {
        let props = event.properties
        var mapping = SAMResource(event.logicalId, "AWS::Lambda::EventSourceMapping", at: function.idRange)
        mapping.attributes = event.attributes
        mapping.properties.set("FunctionName", target, keyRange: event.keyRange)
        if !source.isEmpty {
            guard let arn = props[source] else { throw event.fail("Missing required property '\(source)'.", event.keyRange) }
            mapping.properties.set("EventSourceArn", arn, keyRange: event.range(source))
        }
        for key in Self.mappingProperties {
            mapping.properties.set(key, props[key], keyRange: event.range(key))
        }
        if let filter = props["FilterCriteria"], document.intrinsic(filter) == nil, let keys = document.entries(filter)?.map(\.key),
           !(keys.isEmpty || keys == ["Filters"]) {
            throw SAMError("Event with id [\(event.name)] is invalid. FilterCriteria field has a wrong format", at: event.range("FilterCriteria"))
        }
        if let servers = props["KafkaBootstrapServers"] {
            mapping.properties.set("SelfManagedEventSource", .map([SAMEntry("Endpoints", .map([
                SAMEntry("KafkaBootstrapServers", servers, keyRange: event.range("KafkaBootstrapServers")),
            ], at: event.range("KafkaBootstrapServers")), keyRange: event.range("KafkaBootstrapServers"))], at: event.range("KafkaBootstrapServers")),
                                   keyRange: event.range("KafkaBootstrapServers"))
        }
        var kafkaConfig = SAMMap(at: event.keyRange)
        if let group = props["ConsumerGroupId"] {
            guard event.type == "MSK" || event.type == "SelfManagedKafka" else {
                throw SAMError("Event with id [\(event.logicalId)] is invalid. Property ConsumerGroupId not defined for resource of type \(event.type).",
                               at: event.range("ConsumerGroupId"))
            }
            kafkaConfig.set("ConsumerGroupId", group, keyRange: event.range("ConsumerGroupId"))
        }
        if let registry = props["SchemaRegistryConfig"], event.type == "MSK" || event.type == "SelfManagedKafka" {
            kafkaConfig.set("SchemaRegistryConfig", registry, keyRange: event.range("SchemaRegistryConfig"))
        }
        if !kafkaConfig.entries.isEmpty {
            let key = event.type == "MSK" ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig"
            mapping.properties.set(key, kafkaConfig.value, keyRange: event.keyRange)
        }
        var destinationPolicy: SAMValue?
        if let destination = props["DestinationConfig"] {
            guard let onFailure = expander.value("OnFailure", in: destination), var failure = document.map(onFailure) else {
                throw SAMError("Event with id [\(event.logicalId)] is invalid. Property 'DestinationConfig.OnFailure' should be a map.", at: event.range("DestinationConfig"))
            }
            // Only a truthy `Type` is read, and then it must be one of the four names (no intrinsic function).
            if let given = failure["Type"], document.isTruthy(given) {
                let type = document.intrinsic(given) == nil ? document.text(given) ?? "" : ""
                failure.remove("Type")
                let at = event.range("DestinationConfig")
                let arn = failure["Destination"] ?? .scalar("null", isString: false, at: at)
                switch type {
                case "SQS": destinationPolicy = SAMFunctionRole.policy("\(event.logicalId)SQSPolicy", [SAMFunctionRole.statement(action: .string("sqs:SendMessage", at: at), resource: arn, at: at)], at: at)
                case "SNS": destinationPolicy = SAMFunctionRole.policy("\(event.logicalId)SNSPolicy", [SAMFunctionRole.statement(action: .string("sns:publish", at: at), resource: arn, at: at)], at: at)
                case "S3":
                    destinationPolicy = SAMFunctionRole.policy("\(event.logicalId)S3Policy", [
                        SAMFunctionRole.statement(action: .string("s3:PutObject", at: at),
                                                  resource: .intrinsic(.join, .list([.string("/", at: at), .list([arn, .string("*", at: at)], at: at)], at: at), at: at), at: at),
                        SAMFunctionRole.statement(action: .string("s3:ListBucket", at: at), resource: arn, at: at),
                    ], at: at)
                case "Kafka": break
                default:
                    throw SAMError("Event with id [\(event.logicalId)] is invalid. The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'", at: at)
                }
                var config = document.map(destination) ?? SAMMap(at: at)
                config.set("OnFailure", failure.value)
                mapping.properties.set("DestinationConfig", config.value, keyRange: at)
            } else {
                mapping.properties.set("DestinationConfig", destination, keyRange: event.range("DestinationConfig"))
            }
        }
        if event.type == "DocumentDB" {
            guard let database = props["DatabaseName"] else { throw event.fail("Missing required property 'DatabaseName'.", event.keyRange) }
            var config = SAMMap(at: event.keyRange)
            config.set("DatabaseName", database, keyRange: event.range("DatabaseName"))
            for key in ["CollectionName", "FullDocument"] where document.isTruthy(props[key]) {
                config.set(key, props[key], keyRange: event.range(key))
            }
            mapping.properties.set("DocumentDBEventSourceConfig", config.value, keyRange: event.keyRange)
        }
        let statements = try SAMPullEventPolicy(event: event, document: document, parameters: expander.parameters).policies()
        if role != nil {
            if let policy {
                role?.addManagedPolicy(.string(expander.managedPolicyArn(policy), at: event.keyRange), document)
            }
            for statement in statements { role?.addPolicy(statement, document) }
            if let destinationPolicy { role?.addPolicy(destinationPolicy, document) }
        }
        return [mapping]
    }

    // MARK: Push events

    func permission(_ event: Event, principal: String, sourceArn: SAMValue? = nil, sourceAccount: SAMValue? = nil,
                            eventSourceToken: SAMValue? = nil, suffix: String = "") -> SAMResource {
        var logicalId = event.logicalId + "Permission" + suffix
        if !suffix.isEmpty, !suffix.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) {
            logicalId = event.logicalId + "Permission" + String(SHA1.hexDigest(suffix).prefix(10))
        }
        var permission = SAMResource(logicalId, "AWS::Lambda::Permission", at: function.idRange)
        permission.attributes = event.attributes
        permission.properties.set("Action", .string("lambda:InvokeFunction", at: event.keyRange), keyRange: event.keyRange)
        permission.properties.set("FunctionName", target, keyRange: event.keyRange)
        permission.properties.set("Principal", .string(principal, at: event.keyRange), keyRange: event.keyRange)
        permission.properties.set("SourceArn", sourceArn, keyRange: event.keyRange)
        permission.properties.set("SourceAccount", sourceAccount, keyRange: event.keyRange)
        permission.properties.set("EventSourceToken", eventSourceToken, keyRange: event.keyRange)
        return permission
    }

    /// `Schedule`, `CloudWatchEvent` and `EventBridgeRule`: an `AWS::Events::Rule` targeting the function, and its permission.
    private func rule(_ event: Event) throws -> [SAMResource] {
        let props = event.properties
        var rule = SAMResource(event.logicalId, "AWS::Events::Rule", at: function.idRange)
        rule.attributes = event.attributes
        if event.type == "Schedule" {
            guard let schedule = props["Schedule"] else { throw event.fail("Missing required property 'Schedule'.", event.keyRange) }
            rule.properties.set("ScheduleExpression", schedule, keyRange: event.range("Schedule"))
        } else {
            rule.properties.set("EventBusName", props["EventBusName"], keyRange: event.range("EventBusName"))
            rule.properties.set("EventPattern", props["Pattern"], keyRange: event.range("Pattern"))
            rule.properties.set("Name", props["RuleName"], keyRange: event.range("RuleName"))
        }
        if props["State"] != nil, props["Enabled"] != nil {
            throw event.fail("State and Enabled Properties cannot both be specified.", event.range("State"))
        }
        rule.properties.set("State", props["State"], keyRange: event.range("State"))
        if let enabled = props["Enabled"] {
            rule.properties.set("State", .string(document.isTruthy(enabled) ? "ENABLED" : "DISABLED", at: document.range(enabled)),
                                keyRange: event.range("Enabled"))
        }
        if event.type == "Schedule" {
            rule.properties.set("Name", props["Name"], keyRange: event.range("Name"))
            rule.properties.set("Description", props["Description"], keyRange: event.range("Description"))
        }
        let ruleArn = SAMValue.getAtt(event.logicalId, "Arn", at: event.keyRange)
        let deadLetter = try props["DeadLetterConfig"].map {
            try SAMEventDeadLetter($0, eventLogicalId: event.logicalId, ruleArn: ruleArn, attributes: event.attributes, idRange: function.idRange, document)
        }
        var target = SAMMap(at: event.keyRange)
        let customId = event.type != "Schedule" ? props["Target"].flatMap { expander.value("Id", in: $0) } : nil
        target.set("Arn", functionArn, keyRange: event.keyRange)
        target.set("Id", customId ?? .string(Self.targetId(event.logicalId, suffix: "LambdaTarget"), at: event.keyRange), keyRange: event.keyRange)
        for key in ["Input", "InputPath"] where event.type != "Schedule" || key == "Input" {
            target.set(key, props[key], keyRange: event.range(key))
        }
        target.set("DeadLetterConfig", deadLetter?.targetConfig, keyRange: event.range("DeadLetterConfig"))
        for key in ["RetryPolicy", "InputTransformer"] where event.type != "Schedule" || key == "RetryPolicy" {
            target.set(key, props[key], keyRange: event.range(key))
        }
        rule.properties.set("Targets", .list([target.value], at: event.keyRange), keyRange: event.keyRange)
        let permission = permission(event, principal: "events.amazonaws.com", sourceArn: ruleArn)
        let queue = deadLetter?.resources ?? []
        // The translator lists a schedule's rule before its queue, an EventBridge rule's after.
        return event.type == "Schedule" ? [rule] + queue + [permission] : queue + [rule, permission]
    }

    /// An EventBridge target ID: at most 64 characters, the logical ID cut to fit (`generate_valid_target_id`).
    static func targetId(_ logicalId: String, suffix: String) -> String {
        let id = logicalId + suffix
        guard id.count > 64 else { return id }
        return String(logicalId.prefix(64 - suffix.count)) + suffix
    }

    private func sns(_ event: Event, role: inout SAMResource?) throws -> [SAMResource] {
        let props = event.properties
        guard let topic = props["Topic"] else { throw event.fail("Missing required property 'Topic'.", event.keyRange) }
        if let sqs = props["SqsSubscription"], document.isTruthy(sqs) {
            return try sqsSubscription(event, sqs, topic: topic, role: &role)
        }
        let subscription = snsSubscription(event, protocol: "lambda", endpoint: functionArn, topic: topic)
        return [permission(event, principal: "sns.amazonaws.com", sourceArn: topic), subscription]
    }

    /// The event's `AWS::SNS::Subscription` of `endpoint` to the topic.
    func snsSubscription(_ event: Event, protocol: String, endpoint: SAMValue, topic: SAMValue) -> SAMResource {
        var subscription = SAMResource(event.logicalId, "AWS::SNS::Subscription", at: function.idRange)
        subscription.attributes = event.attributes
        subscription.properties.set("Endpoint", endpoint, keyRange: event.keyRange)
        subscription.properties.set("Protocol", .string(`protocol`, at: event.keyRange), keyRange: event.keyRange)
        subscription.properties.set("TopicArn", topic, keyRange: event.range("Topic"))
        for key in ["Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"] {
            subscription.properties.set(key, event.properties[key], keyRange: event.range(key))
        }
        return subscription
    }

    private func logs(_ event: Event) throws -> [SAMResource] {
        let props = event.properties
        guard let group = props["LogGroupName"] else { throw event.fail("Missing required property 'LogGroupName'.", event.keyRange) }
        let at = event.keyRange
        let arn: SAMValue = .intrinsic(.sub, .list([
            .string("arn:\(expander.partition):logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*", at: at),
            .map([SAMEntry("__LogGroupName__", group, keyRange: event.range("LogGroupName"))], at: at),
        ], at: at), at: at)
        let permission = permission(event, principal: "logs.amazonaws.com", sourceArn: arn)
        var filter = SAMResource(event.logicalId, "AWS::Logs::SubscriptionFilter", at: function.idRange)
        filter.attributes = event.attributes
        filter.attributes.set("DependsOn", .list([.string(permission.logicalId, at: at)], at: at), keyRange: at)
        filter.properties.set("LogGroupName", group, keyRange: event.range("LogGroupName"))
        filter.properties.set("FilterPattern", props["FilterPattern"], keyRange: event.range("FilterPattern"))
        filter.properties.set("DestinationArn", functionArn, keyRange: at)
        return [permission, filter]
    }

    private func iot(_ event: Event) throws -> [SAMResource] {
        let props = event.properties
        let at = event.keyRange
        guard let sql = props["Sql"] else { throw event.fail("Missing required property 'Sql'.", at) }
        let arn: SAMValue = .intrinsic(.sub, .list([
            .string("arn:\(expander.partition):iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}", at: at),
            .map([SAMEntry("RuleName", .ref(event.logicalId, at: at), keyRange: at)], at: at),
        ], at: at), at: at)
        let permission = permission(event, principal: "iot.amazonaws.com", sourceArn: arn, sourceAccount: .sub("${AWS::AccountId}", at: at))
        var payload = SAMMap(at: at)
        payload.set("Sql", sql, keyRange: event.range("Sql"))
        payload.set("RuleDisabled", .bool(false, at: at), keyRange: at)
        payload.set("Actions", .list([.map([SAMEntry("Lambda", .map([SAMEntry("FunctionArn", functionArn, keyRange: at)], at: at), keyRange: at)], at: at)], at: at), keyRange: at)
        payload.set("AwsIotSqlVersion", props["AwsIotSqlVersion"], keyRange: event.range("AwsIotSqlVersion"))
        var rule = SAMResource(event.logicalId, "AWS::IoT::TopicRule", at: function.idRange)
        rule.attributes = event.attributes
        rule.properties.set("TopicRulePayload", payload.value, keyRange: at)
        return [permission, rule]
    }

    /// `{name}` path parameters as `*` (and `{name+}` for REST APIs): `get_path_without_trailing_slash`.
    static func wildcardParameters(_ path: String, greedy: Bool) -> String {
        guard path.contains("{") else { return path }
        var result = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            var name = rest[rest.index(after: open)..<close]
            let isGreedy = name.hasSuffix("+")
            if isGreedy { name = name.dropLast() }
            let valid = !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
            if valid, !isGreedy || greedy || name == "proxy" {
                result += "*"
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// `Api` and `HttpApi`: the function's permission; the API itself (implicit or explicit) is not made here.
    private func api(_ event: Event) throws -> [SAMResource] {
        let props = event.properties
        let at = event.keyRange
        let isHttp = event.type == "HttpApi"
        let idKey = isHttp ? "ApiId" : "RestApiId"
        let apiId = props[idKey] ?? .ref(isHttp ? "ServerlessHttpApi" : "ServerlessRestApi", at: at)
        if let given = props[idKey], document.string(given) == nil, document.refName(given) == nil, document.intrinsic(given) == nil {
            throw event.fail("Property '\(idKey)' should be a string.", event.range(idKey))
        }
        if isHttp {
            try checkHttpApiId(event)
            try checkHttpApiRoute(event)
            recordHttpApiRoute(event)
        }
        let stageSuffix = isHttp ? "" : try restApiStageSuffix(event)
        var path = props["Path"].flatMap(document.string) ?? (isHttp ? "$default" : "")
        var method = props["Method"].flatMap(document.string) ?? (isHttp ? "x-amazon-apigateway-any-method" : "")
        if !isHttp, props["Path"] == nil || props["Method"] == nil {
            throw event.fail("Missing required property '\(props["Path"] == nil ? "Path" : "Method")'.", at)
        }
        if !isHttp { try checkRestApiEvent(event) }
        if path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if isHttp, path == "$default" {
            path = ""
        } else if isHttp, defaultRoutes.contains(document.python(apiId).compactSortedJSON) {
            // The function's `$default` route on that API has a permission for every route.
            return []
        }
        path = Self.wildcardParameters(path, greedy: !isHttp)
        method = method.lowercased() == "any" || method.lowercased() == "x-amazon-apigateway-any-method" ? "*" : method.uppercased()
        if !isHttp { expander.notes.append(note(event, "the REST API resources it adds to are not generated")) }
        let resource = isHttp && method == "*" && path == "/$default" ? "${__ApiId__}/${__Stage__}" + path : "${__ApiId__}/${__Stage__}/\(method)\(path)"
        let partition = isHttp ? "${AWS::Partition}" : expander.partition
        let arn: SAMValue = .intrinsic(.sub, .list([
            .string("arn:\(partition):execute-api:${AWS::Region}:${AWS::AccountId}:\(resource)", at: at),
            .map([SAMEntry("__ApiId__", apiId, keyRange: event.range(idKey)), SAMEntry("__Stage__", .string("*", at: at), keyRange: at)], at: at),
        ], at: at), at: at)
        return [permission(event, principal: "apigateway.amazonaws.com", sourceArn: arn, suffix: stageSuffix)]
    }
}

extension SAMValue {
    func isMapping(_ document: SAMDocument) -> Bool { document.entries(self) != nil }
}

extension SAMResource {
    /// Adds a managed policy ARN to a generated role's `ManagedPolicyArns` unless it is there.
    mutating func addManagedPolicy(_ arn: SAMValue, _ document: SAMDocument) {
        var list = properties["ManagedPolicyArns"].flatMap(document.elements) ?? []
        guard !list.contains(where: { document.python($0) == document.python(arn) }) else { return }
        list.append(arn)
        properties.set("ManagedPolicyArns", .list(list, at: properties["ManagedPolicyArns"].map(document.range) ?? idRange))
    }

    /// Adds an inline policy to a generated role unless one with the same document is there.
    mutating func addPolicy(_ policy: SAMValue, _ document: SAMDocument) {
        var list = properties["Policies"].flatMap(document.elements) ?? []
        let newDocument = document.value("PolicyDocument", in: policy).map(document.python)
        guard !list.contains(where: { document.value("PolicyDocument", in: $0).map(document.python) == newDocument }) else { return }
        list.append(policy)
        properties.set("Policies", .list(list, at: idRange))
    }
}
