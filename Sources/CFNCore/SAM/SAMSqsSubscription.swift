import CFNLoader

/// An SNS event with `SqsSubscription`: the topic delivers to an SQS queue that the function polls
/// (`SNS.to_cloudformation` in samtranslator/model/eventsources/push.py). `true` makes the queue
/// `<Event>Queue` (FIFO when the topic is); a mapping names an existing queue by `QueueArn` and
/// `QueueUrl`. Either way the transform makes the queue policy letting the topic send, the
/// subscription, and an SQS event source mapping — and no Lambda permission.
extension SAMFunctionEvents {
    func sqsSubscription(_ event: Event, _ setting: SAMValue, topic: SAMValue, role: inout SAMResource?) throws -> [SAMResource] {
        let at = event.keyRange
        let settingRange = event.range("SqsSubscription")
        var resources: [SAMResource] = []
        let queueArn: SAMValue
        let queueUrl: SAMValue
        var batchSize: SAMValue?
        var policyId = event.logicalId + "QueuePolicy"
        if case .bool = document.python(setting) {
            var queue = SAMResource(event.logicalId + "Queue", "AWS::SQS::Queue", at: function.idRange)
            queue.attributes = event.attributes
            queue.writesEmptyProperties = true
            if let fifo = fifoTopic(topic), document.isTruthy(fifo) {
                queue.properties.set("FifoQueue", fifo, keyRange: settingRange)
            }
            queueArn = .getAtt(queue.logicalId, "Arn", at: settingRange)
            queueUrl = .ref(queue.logicalId, at: settingRange)
            resources.append(queue)
        } else {
            guard document.entries(setting) != nil || document.intrinsic(setting) != nil else {
                throw event.fail("Property 'SqsSubscription' should be a map.", settingRange)
            }
            guard let arn = document.value("QueueArn", in: setting), document.isTruthy(arn),
                  let url = document.value("QueueUrl", in: setting), document.isTruthy(url) else {
                throw event.fail("No QueueARN or QueueURL provided.", settingRange)
            }
            queueArn = arn
            queueUrl = url
            if let size = document.value("BatchSize", in: setting), document.isTruthy(size) { batchSize = size }
            if let id = document.value("QueuePolicyLogicalId", in: setting), document.isTruthy(id) {
                // The queue policy's logical ID as given: the translator names it as Python shows it.
                let text = document.text(id) ?? document.python(id).pythonRepr
                guard document.text(id) != nil, TemplateParser.isValidLogicalId(text) else {
                    throw SAMError("Logical ids must be alphanumeric.", at: document.range(id), resource: text, owner: function.id)
                }
                policyId = text
            }
        }

        let policy = SAMEventDeadLetter.queuePolicy(policyId, queueArn: queueArn, queueUrl: queueUrl, principal: .string("*", at: at),
                                                    sourceArn: topic, attributes: event.attributes, idRange: function.idRange, at: at)

        // The mapping is the SQS event's; `Enabled` is always true, whatever the setting says (the translator's).
        var mapping = SAMResource(event.logicalId + "EventSourceMapping", "AWS::Lambda::EventSourceMapping", at: function.idRange)
        mapping.attributes = event.attributes
        mapping.properties.set("FunctionName", target, keyRange: at)
        mapping.properties.set("EventSourceArn", queueArn, keyRange: settingRange)
        mapping.properties.set("BatchSize", batchSize ?? .scalar("10", isString: false, at: settingRange), keyRange: settingRange)
        mapping.properties.set("Enabled", .bool(true, at: settingRange), keyRange: settingRange)
        if let policy = Self.pullTypes["SQS"]?.policy {
            role?.addManagedPolicy(.string(expander.managedPolicyArn(policy), at: at), document)
        }
        return [mapping] + resources + [policy, snsSubscription(event, protocol: "sqs", endpoint: queueArn, topic: topic)]
    }

    /// The topic's `FifoTopic` when the event names a topic of this template (`Ref` or `GetAtt`), with parameters resolved.
    private func fifoTopic(_ topic: SAMValue) -> SAMValue? {
        var name = document.refName(topic)
        if name == nil, let (function, argument) = document.intrinsic(topic), function == .getAtt {
            name = document.elements(argument)?.first.flatMap(document.string)
                ?? document.string(argument).flatMap { $0.split(separator: ".", maxSplits: 1).first.map(String.init) }
        }
        let tree = expander.template.tree
        guard let name, let resource = expander.template.resource(named: name), let properties = resource.properties,
              let fifo = tree.value(forKey: "FifoTopic", in: properties) else { return nil }
        return expander.parameters.resolve(.node(fifo), document)
    }
}
