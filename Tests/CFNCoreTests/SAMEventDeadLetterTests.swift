@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// Dead-letter queues of rule and schedule events, and `ScheduleV2` events
/// (samtranslator/model/eventbridge_utils.py, eventsources/scheduler.py).
@Suite struct SAMEventDeadLetterTests {
    static let function = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:

        """

    @Test func aRulesQueueIsNamedAfterQueueLogicalIdAndLetsOnlyTheRuleSend() {
        let (expansion, _) = expandSAM(Self.function + """
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
                        DeadLetterConfig: {Type: SQS, QueueLogicalId: NightlyDLQ}
            """)
        #expect(!expansion.findings.contains { $0.rule == "sam.partly-expanded" })
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Fn", "FnNightly", "FnNightlyPermission", "FnNightlyQueuePolicy", "FnRole", "NightlyDLQ"])
        #expect(expandedProperty(expansion, "FnNightly", "Targets") == #"""
            [{"Arn":{"Fn::GetAtt":["Fn","Arn"]},"DeadLetterConfig":{"Arn":{"Fn::GetAtt":["NightlyDLQ","Arn"]}},"Id":"FnNightlyLambdaTarget"}]
            """#)
        #expect(expandedProperty(expansion, "FnNightlyQueuePolicy", "PolicyDocument") == #"""
            {"Statement":[{"Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":{"Fn::GetAtt":["FnNightly","Arn"]}}},\#
            "Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Resource":{"Fn::GetAtt":["NightlyDLQ","Arn"]}}],"Version":"2012-10-17"}
            """#)
        #expect(expandedProperty(expansion, "FnNightlyQueuePolicy", "Queues") == #"[{"Ref":"NightlyDLQ"}]"#)
    }

    /// The translator writes `queue_logical_id or <Event>Queue`: an empty name takes the default.
    @Test func anEmptyQueueLogicalIdTakesTheDefaultName() {
        let (expansion, _) = expandSAM(Self.function + """
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
                        DeadLetterConfig: {Type: SQS, QueueLogicalId: ""}
            """)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Fn", "FnNightly", "FnNightlyPermission", "FnNightlyQueue", "FnNightlyQueuePolicy", "FnRole"])
    }

    @Test func aLongEventLogicalIdIsCutToMakeTheTargetId() {
        let (expansion, _) = expandSAM(Self.function + """
                    AnEventWhoseNameIsLongEnoughToPushTheTargetIdPastSixtyFourCharacters:
                      Type: EventBridgeRule
                      Properties: {Pattern: {source: [aws.ec2]}}
            """)
        let id = "FnAnEventWhoseNameIsLongEnoughToPushTheTargetIdPastSixtyFourCharacters"
        #expect(expandedProperty(expansion, id, "Targets").contains(#""Id":"FnAnEventWhoseNameIsLongEnoughToPushTheTargetIdPastSLambdaTarget""#))
    }

    @Test func aScheduleV2MakesTheScheduleItsRoleAndItsQueue() {
        let (expansion, _) = expandSAM(Self.function + """
                    Hourly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 hour)
                        PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
                        DeadLetterConfig: {Type: SQS}
            """)
        #expect(!expansion.findings.contains { $0.rule == "sam.partly-expanded" })
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Fn", "FnHourly", "FnHourlyQueue", "FnHourlyRole", "FnRole"])
        #expect(expandedProperty(expansion, "FnHourly", "Name") == #""FnHourly""#)
        #expect(expandedProperty(expansion, "FnHourly", "FlexibleTimeWindow") == #"{"Mode":"OFF"}"#)
        #expect(expandedProperty(expansion, "FnHourly", "Target") == #"""
            {"Arn":{"Fn::GetAtt":["Fn","Arn"]},"DeadLetterConfig":{"Arn":{"Fn::GetAtt":["FnHourlyQueue","Arn"]}},"RoleArn":{"Fn::GetAtt":["FnHourlyRole","Arn"]}}
            """#)
        #expect(expandedProperty(expansion, "FnHourlyRole", "Policies") == #"""
            [{"PolicyDocument":{"Statement":[{"Action":"lambda:InvokeFunction","Effect":"Allow","Resource":{"Fn::GetAtt":["Fn","Arn"]}}]},"PolicyName":"FnHourlyLambdaPolicy"},\#
            {"PolicyDocument":{"Statement":[{"Action":"sqs:SendMessage","Effect":"Allow","Resource":{"Fn::GetAtt":["FnHourlyQueue","Arn"]}}]},"PolicyName":"FnHourlySQSPolicy"}]
            """#)
        #expect(expandedProperty(expansion, "FnHourlyRole", "PermissionsBoundary") == #""arn:aws:iam::123456789012:policy/boundary""#)
    }

    @Test func aScheduleV2WithARoleArnMakesNoRole() {
        let (expansion, _) = expandSAM(Self.function + """
                    Hourly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 hour)
                        RoleArn: arn:aws:iam::123456789012:role/scheduler
                        OmitName: true
            """)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Fn", "FnHourly", "FnRole"])
        #expect(expandedProperty(expansion, "FnHourly", "Name") == "none")
        #expect(expandedProperty(expansion, "FnHourly", "Target").contains(#""RoleArn":"arn:aws:iam::123456789012:role/scheduler""#))
    }

    @Test func theTranslatorsChecksAreLocatedErrors() {
        // One function per bad event: the transform stops at a function's first, as the translator does.
        let events: [(name: String, type: String, properties: String)] = [
            ("NoKind", "Schedule", "{Schedule: rate(1 day), DeadLetterConfig: {QueueLogicalId: Q}}"),
            ("Both", "EventBridgeRule", "{Pattern: {source: [aws.ec2]}, DeadLetterConfig: {Type: SQS, Arn: arn:aws:sqs:us-east-1:123456789012:q}}"),
            ("Sns", "ScheduleV2", "{ScheduleExpression: rate(1 hour), DeadLetterConfig: {Type: SNS}}"),
            ("Computed", "ScheduleV2", "{ScheduleExpression: rate(1 hour), DeadLetterConfig: {Type: SQS, QueueLogicalId: !Sub 'dlq${AWS::Region}'}}"),
            ("Omitted", "ScheduleV2", "{ScheduleExpression: rate(1 hour), OmitName: !Ref AWS::NoValue}"),
            ("Named", "ScheduleV2", "{ScheduleExpression: rate(1 hour), OmitName: true, Name: nightly}"),
        ]
        var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
        for event in events {
            text += """
                  \(event.name):
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: s3://bucket/key.zip
                      Handler: index.handler
                      Runtime: python3.12
                      Events:
                        E: {Type: \(event.type), Properties: \(event.properties)}

                """
        }
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            "10:83 Resource with id [NoKind] is invalid. Event with id [NoKindE] is invalid. No 'Arn' or 'Type' property provided for DeadLetterConfig.",
            "18:97 Resource with id [Both] is invalid. Event with id [BothE] is invalid. You can either define 'Arn' or 'Type' property of DeadLetterConfig.",
            "26:103 Resource with id [Sns] is invalid. Event with id [SnsE] is invalid. The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.",
            "34:124 Resource with id [Computed] is invalid. Event with id [ComputedE] is invalid. QueueLogicalId must be a string",
            "42:78 Resource with id [OmittedE] is invalid. Type of property 'OmitName' is invalid.",
            "50:94 Resource with id [Named] is invalid. Event with id [NamedE] is invalid. Name cannot be set when OmitName is True",
        ])
    }
}
