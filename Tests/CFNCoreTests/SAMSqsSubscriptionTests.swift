@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// An SNS event's `SqsSubscription` (samtranslator/model/eventsources/push.py, `SNS`).
@Suite struct SAMSqsSubscriptionTests {
    @Test func aNewQueueForAFifoTopicWithItsPolicySubscriptionAndMapping() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties: {FifoTopic: true}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Orders:
                      Type: SNS
                      Properties:
                        Topic: !Ref Topic
                        SqsSubscription: true
            """)
        #expect(!expansion.findings.contains { $0.rule == "sam.partly-expanded" })
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == ["Fn", "FnOrders", "FnOrdersEventSourceMapping", "FnOrdersQueue", "FnOrdersQueuePolicy", "FnRole", "Topic"])
        #expect(expandedProperty(expansion, "FnOrdersQueue", "FifoQueue") == "true")
        #expect(expandedProperty(expansion, "FnOrdersEventSourceMapping", "EventSourceArn") == #"{"Fn::GetAtt":["FnOrdersQueue","Arn"]}"#)
        #expect(expandedProperty(expansion, "FnOrdersEventSourceMapping", "BatchSize") == "10")
        #expect(expandedProperty(expansion, "FnOrders", "Protocol") == #""sqs""#)
        #expect(expandedProperty(expansion, "FnOrdersQueuePolicy", "Queues") == #"[{"Ref":"FnOrdersQueue"}]"#)
        #expect(expandedProperty(expansion, "FnOrdersQueuePolicy", "PolicyDocument") == #"""
            {"Statement":[{"Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":{"Ref":"Topic"}}},\#
            "Effect":"Allow","Principal":"*","Resource":{"Fn::GetAtt":["FnOrdersQueue","Arn"]}}],"Version":"2012-10-17"}
            """#)
        #expect(expandedProperty(expansion, "FnRole", "ManagedPolicyArns").contains("AWSLambdaSQSQueueExecutionRole"))
    }

    @Test func anExistingQueueNeedsItsArnAndUrl() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Given:
                      Type: SNS
                      Properties:
                        Topic: arn:aws:sns:us-east-1:123456789012:t
                        SqsSubscription: {QueueArn: arn:aws:sqs:us-east-1:123456789012:q, QueueUrl: https://q, QueuePolicyLogicalId: Policy, BatchSize: 5}
                    NoUrl:
                      Type: SNS
                      Properties:
                        Topic: arn:aws:sns:us-east-1:123456789012:t
                        SqsSubscription: {QueueArn: arn:aws:sqs:us-east-1:123456789012:q}
            """
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            "19:13 Resource with id [Fn] is invalid. Event with id [NoUrl] is invalid. No QueueARN or QueueURL provided.",
        ])
        let (valid, _) = expandSAM(text.replacingOccurrences(of: "{QueueArn: arn:aws:sqs:us-east-1:123456789012:q}", with: "true"))
        #expect(expandedProperty(valid, "Policy", "Queues") == #"["https://q"]"#)
        #expect(expandedProperty(valid, "FnGivenEventSourceMapping", "BatchSize") == "5")
        #expect(expandedProperty(valid, "FnGivenEventSourceMapping", "EventSourceArn") == #""arn:aws:sqs:us-east-1:123456789012:q""#)
    }
}
