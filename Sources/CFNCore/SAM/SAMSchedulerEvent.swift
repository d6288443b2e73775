import CFNLoader

/// A `ScheduleV2` event of a function or state machine (`SchedulerEventSource` in
/// samtranslator/model/eventsources/scheduler.py): an `AWS::Scheduler::Schedule` under the event's
/// logical ID whose target is the function (or its alias) or the state machine, run by the role
/// `<Event>Role` the transform makes unless `RoleArn` is given, and the dead-letter queue
/// `DeadLetterConfig` asks for.
struct SAMSchedulerEvent {
    enum Target {
        /// The function's ARN (its alias's, when it has one).
        case function(SAMValue)
        /// The state machine's ARN.
        case stateMachine(SAMValue)
    }

    /// The translator's `property_types`; `OmitName` takes no intrinsic function.
    static let propertyTypes = SAMPropertyTypes(type: "ScheduleV2", properties: [
        ("PermissionsBoundary", .string), ("ScheduleExpression", .string), ("FlexibleTimeWindow", .map), ("Name", .string),
        ("State", .string), ("Description", .string), ("StartDate", .string), ("EndDate", .string),
        ("ScheduleExpressionTimezone", .string), ("GroupName", .string), ("KmsKeyArn", .string), ("Input", .string),
        ("RoleArn", .string), ("DeadLetterConfig", .map), ("RetryPolicy", .map), ("OmitName", .bool),
    ], required: ["ScheduleExpression"], withoutIntrinsics: ["OmitName"])

    /// Properties of the schedule copied as they are, in the translator's order.
    static let passedThrough = ["Description", "FlexibleTimeWindow", "StartDate", "EndDate", "ScheduleExpressionTimezone", "GroupName", "KmsKeyArn"]

    let logicalId: String
    let properties: SAMMap
    /// Where the event is written (its key), and the SAM resource's logical ID.
    let keyRange: SourceRange
    let idRange: SourceRange
    /// `Condition`, `DeletionPolicy` and `UpdateReplacePolicy` of the SAM resource.
    let attributes: SAMMap
    let document: SAMDocument

    private func range(_ key: String) -> SourceRange {
        properties.entries.last { $0.key == key }?.keyRange ?? keyRange
    }

    private func fail(_ message: String, _ range: SourceRange) -> SAMError {
        SAMError("Event with id [\(logicalId)] is invalid. \(message)", at: range)
    }

    /// The schedule, the dead-letter queue and the role, in the translator's order.
    func make(target: Target) throws -> [SAMResource] {
        do {
            try Self.propertyTypes.validate(properties, document, idRange: keyRange)
        } catch let error as SAMError {
            throw fail(error.message, error.range)
        }
        let at = keyRange
        var schedule = SAMResource(logicalId, "AWS::Scheduler::Schedule", at: idRange)
        schedule.attributes = attributes
        schedule.properties.set("ScheduleExpression", properties["ScheduleExpression"], keyRange: range("ScheduleExpression"))
        if document.isTruthy(properties["State"]) { schedule.properties.set("State", properties["State"], keyRange: range("State")) }
        if document.isTruthy(properties["OmitName"]) {
            // `OmitName` keeps the schedule's name for CloudFormation to make (SAM issue #3109).
            if document.isTruthy(properties["Name"]) { throw fail("Name cannot be set when OmitName is True", range("Name")) }
        } else if let name = properties["Name"], document.isTruthy(name) {
            schedule.properties.set("Name", name, keyRange: range("Name"))
        } else {
            schedule.properties.set("Name", .string(logicalId, at: at), keyRange: at)
        }
        for key in Self.passedThrough {
            schedule.properties.set(key, properties[key], keyRange: range(key))
        }
        if !document.isTruthy(properties["FlexibleTimeWindow"]) {
            schedule.properties.set("FlexibleTimeWindow", .map([SAMEntry("Mode", .string("OFF", at: at), keyRange: at)], at: at), keyRange: at)
        }
        var resources = [schedule]
        let deadLetter = try properties["DeadLetterConfig"].map {
            try SAMEventDeadLetter($0, eventLogicalId: logicalId, ruleArn: nil, attributes: attributes, idRange: idRange, document)
        }
        resources += deadLetter?.resources ?? []

        let (arn, policy) = switch target {
        case .function(let arn): (arn, SAMFunctionRole.policy("\(logicalId)LambdaPolicy", [
            SAMFunctionRole.statement(action: .string("lambda:InvokeFunction", at: at), resource: arn, at: at),
        ], at: at))
        case .stateMachine(let arn): (arn, SAMFunctionRole.policy("\(logicalId)StartExecutionPolicy", [
            SAMFunctionRole.statement(action: .string("states:StartExecution", at: at), resource: arn, at: at),
        ], at: at))
        }
        var roleArn = properties["RoleArn"].flatMap { document.isTruthy($0) ? $0 : nil }
        if roleArn == nil {
            var role = SAMResource(logicalId + "Role", "AWS::IAM::Role", at: idRange)
            role.attributes = attributes
            role.properties.set("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy("scheduler.amazonaws.com", at: at), keyRange: at)
            var policies = [policy]
            if let deadLetter {
                policies.append(SAMFunctionRole.policy("\(logicalId)SQSPolicy", [
                    SAMFunctionRole.statement(action: .string("sqs:SendMessage", at: deadLetter.range), resource: deadLetter.arn, at: deadLetter.range),
                ], at: deadLetter.range))
            }
            role.properties.set("Policies", .list(policies, at: at), keyRange: at)
            if let boundary = properties["PermissionsBoundary"], document.isTruthy(boundary) {
                role.properties.set("PermissionsBoundary", boundary, keyRange: range("PermissionsBoundary"))
            }
            roleArn = .getAtt(role.logicalId, "Arn", at: at)
            resources.append(role)
        }
        var targetMap = SAMMap(at: at)
        targetMap.set("Arn", arn, keyRange: at)
        targetMap.set("RoleArn", roleArn, keyRange: range("RoleArn"))
        targetMap.set("Input", properties["Input"], keyRange: range("Input"))
        targetMap.set("DeadLetterConfig", deadLetter?.targetConfig, keyRange: range("DeadLetterConfig"))
        targetMap.set("RetryPolicy", properties["RetryPolicy"], keyRange: range("RetryPolicy"))
        resources[0].properties.set("Target", targetMap.value, keyRange: at)
        return resources
    }
}
