import CFNLoader

/// The `DeadLetterConfig` of a `Schedule`, `CloudWatchEvent`, `EventBridgeRule` or `ScheduleV2`
/// event, of a function or a state machine (`EventBridgeRuleUtils` in
/// samtranslator/model/eventbridge_utils.py, `SchedulerEventSource` in eventsources/scheduler.py):
/// `Arn` names a queue; `Type: SQS` makes one, `<QueueLogicalId>` or `<Event>Queue`, which an
/// EventBridge rule may send to through an `AWS::SQS::QueuePolicy` `<Event>QueuePolicy` (a
/// scheduler schedule sends with its role's permission instead).
struct SAMEventDeadLetter {
    /// The queue's ARN, as the target's `DeadLetterConfig.Arn` names it.
    let arn: SAMValue
    /// The queue and its policy, when the transform makes them.
    let resources: [SAMResource]
    /// The `DeadLetterConfig` value, where what is made of it points.
    let range: SourceRange

    /// The translator's checks (`validate_dlq_config`), its messages naming the event's logical ID.
    static func check(_ config: SAMValue, eventLogicalId: String, _ document: SAMDocument) throws {
        let fail = { (message: String, range: SourceRange) in SAMError("Event with id [\(eventLogicalId)] is invalid. \(message)", at: range) }
        let arn = document.value("Arn", in: config)
        let kind = document.value("Type", in: config)
        if arn != nil, kind != nil { throw fail("You can either define 'Arn' or 'Type' property of DeadLetterConfig.", document.range(config)) }
        if let kind, document.string(kind) != "SQS" {
            throw fail("The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.", document.range(kind))
        }
        if arn == nil, kind == nil { throw fail("No 'Arn' or 'Type' property provided for DeadLetterConfig.", document.range(config)) }
        if arn == nil, let id = document.value("QueueLogicalId", in: config), document.text(id) == nil {
            throw fail("QueueLogicalId must be a string", document.range(id))
        }
    }

    /// The dead-letter queue of the event `eventLogicalId`; `ruleArn` is the EventBridge rule's ARN
    /// the queue policy lets send, nil for a scheduler schedule (no policy).
    init(_ config: SAMValue, eventLogicalId: String, ruleArn: SAMValue?, attributes: SAMMap, idRange: SourceRange, _ document: SAMDocument) throws {
        try Self.check(config, eventLogicalId: eventLogicalId, document)
        let at = document.range(config)
        range = at
        if let arn = document.value("Arn", in: config) {
            self.arn = arn
            resources = []
            return
        }
        // `queue_logical_id or …`: an empty name is Python's false, and takes the default.
        let given = document.value("QueueLogicalId", in: config).flatMap { value in document.text(value).map { ($0, document.range(value)) } }
        let (queueId, queueRange) = given.flatMap { $0.0.isEmpty ? nil : $0 } ?? (eventLogicalId + "Queue", idRange)
        var queue = SAMResource(queueId, "AWS::SQS::Queue", at: queueRange)
        queue.attributes = attributes
        queue.writesEmptyProperties = true
        arn = .getAtt(queueId, "Arn", at: at)
        guard let ruleArn else {
            resources = [queue]
            return
        }
        let principal: SAMValue = .map([SAMEntry("Service", .string("events.amazonaws.com", at: at), keyRange: at)], at: at)
        let policy = Self.queuePolicy(eventLogicalId + "QueuePolicy", queueArn: arn, queueUrl: .ref(queueId, at: at), principal: principal,
                                      sourceArn: ruleArn, attributes: attributes, idRange: idRange, at: at)
        resources = [queue, policy]
    }

    /// An `AWS::SQS::QueuePolicy` letting `principal` send to the queue from `sourceArn` only.
    static func queuePolicy(_ logicalId: String, queueArn: SAMValue, queueUrl: SAMValue, principal: SAMValue, sourceArn: SAMValue,
                            attributes: SAMMap, idRange: SourceRange, at: SourceRange) -> SAMResource {
        var policy = SAMResource(logicalId, "AWS::SQS::QueuePolicy", at: idRange)
        policy.attributes = attributes
        let statement: SAMValue = .map([
            SAMEntry("Action", .string("sqs:SendMessage", at: at), keyRange: at),
            SAMEntry("Effect", .string("Allow", at: at), keyRange: at),
            SAMEntry("Principal", principal, keyRange: at),
            SAMEntry("Resource", queueArn, keyRange: at),
            SAMEntry("Condition", .map([SAMEntry("ArnEquals", .map([SAMEntry("aws:SourceArn", sourceArn, keyRange: at)], at: at), keyRange: at)], at: at),
                     keyRange: at),
        ], at: at)
        policy.properties.set("PolicyDocument", .map([
            SAMEntry("Version", .string("2012-10-17", at: at), keyRange: at),
            SAMEntry("Statement", .list([statement], at: at), keyRange: at),
        ], at: at), keyRange: at)
        policy.properties.set("Queues", .list([queueUrl], at: at), keyRange: at)
        return policy
    }

    /// The rule or schedule target's `DeadLetterConfig`.
    var targetConfig: SAMValue { .map([SAMEntry("Arn", arn, keyRange: range)], at: range) }
}
