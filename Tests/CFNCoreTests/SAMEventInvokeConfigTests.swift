@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// A function's `EventInvokeConfig` (samtranslator/model/sam_resources.py, `_construct_event_invoke_config`).
@Suite struct SAMEventInvokeConfigTests {
    @Test func destinationsGetAQueueAConfigAndTheRolesStatements() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              TopicArn: {Type: String, Default: arn:aws:sns:us-east-1:123456789012:t}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  AutoPublishAlias: live
                  EventInvokeConfig:
                    MaximumRetryAttempts: 1
                    DestinationConfig:
                      OnSuccess: {Type: SQS}
                      OnFailure: {Type: SNS, Destination: !Ref TopicArn}
              Watcher:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Fn.DestinationQueue]
                  PolicyDocument: {}
            """)
        #expect(!expansion.findings.contains { $0.rule == "sam.partly-expanded" })
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        let config = resources["FnEventInvokeConfig"] as? [String: Any]
        #expect(config?["DependsOn"] as? [String] == ["FnAliaslive"])
        #expect(expandedProperty(expansion, "FnEventInvokeConfig", "Qualifier") == #""live""#)
        #expect(expandedProperty(expansion, "FnEventInvokeConfig", "DestinationConfig") == #"""
            {"OnFailure":{"Destination":"arn:aws:sns:us-east-1:123456789012:t"},\#
            "OnSuccess":{"Destination":{"Fn::GetAtt":["FnEventInvokeConfigOnSuccessQueue","Arn"]}}}
            """#)
        #expect((resources["FnEventInvokeConfigOnSuccessQueue"] as? [String: Any])?["Type"] as? String == "AWS::SQS::Queue")
        #expect(expandedProperty(expansion, "Watcher", "Queues") == #"[{"Ref":"FnEventInvokeConfigOnSuccessQueue"}]"#)
        #expect(expandedProperty(expansion, "FnRole", "Policies") == #"""
            [{"PolicyDocument":{"Statement":[{"Action":"sqs:SendMessage","Effect":"Allow",\#
            "Resource":{"Fn::GetAtt":["FnEventInvokeConfigOnSuccessQueue","Arn"]}}]},"PolicyName":"FnEventInvokeConfigOnSuccessSQSPolicy"},\#
            {"PolicyDocument":{"Statement":[{"Action":"sns:publish","Effect":"Allow","Resource":"arn:aws:sns:us-east-1:123456789012:t"}]},\#
            "PolicyName":"FnEventInvokeConfigOnFailureSNSPolicy"}]
            """#)
    }

    @Test func aConditionalDestinationAddsItsConditions() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              UseGiven: !Equals [a, b]
              Enabled: !Equals [a, a]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Condition: Enabled
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  EventInvokeConfig:
                    DestinationConfig:
                      OnSuccess:
                        Type: SNS
                        Destination: !If [UseGiven, arn:aws:sns:us-east-1:123456789012:t, !Ref AWS::NoValue]
            """)
        // NOT<condition><SHA-1 of "FnEventInvokeConfig">, then <own>AND<that><SHA-1 of "Fn">, 10 hex digits each.
        let not = "NOTUseGiven" + SHA1.hexDigest("FnEventInvokeConfig").prefix(10)
        let and = "EnabledAND\(not)" + SHA1.hexDigest("Fn").prefix(10)
        let conditions = expandedJSON(expansion)["Conditions"] as? [String: Any] ?? [:]
        #expect(conditions.keys.sorted() == ["Enabled", and, not, "UseGiven"].sorted())
        let topic = (expandedJSON(expansion)["Resources"] as? [String: Any])?["FnEventInvokeConfigOnSuccessTopic"] as? [String: Any]
        #expect(topic?["Condition"] as? String == and)
        #expect(expandedProperty(expansion, "FnEventInvokeConfig", "DestinationConfig") == """
            {"OnSuccess":{"Destination":{"Fn::If":["\(not)",{"Ref":"FnEventInvokeConfigOnSuccessTopic"},"arn:aws:sns:us-east-1:123456789012:t"]}}}
            """)
        #expect(expansion.findings.isEmpty)
    }

    @Test func badDestinationsAreLocatedErrorsInSAMsWords() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                CodeUri: s3://bucket/key.zip
                Handler: index.h
                Runtime: python3.12
            Resources:
              BadType:
                Type: AWS::Serverless::Function
                Properties:
                  EventInvokeConfig:
                    DestinationConfig:
                      OnSuccess: {Type: Kinesis}
              NoDestination:
                Type: AWS::Serverless::Function
                Properties:
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure: {Type: Lambda}
              Malformed:
                Type: AWS::Serverless::Function
                Properties:
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure: {Type: SQS, Destination: !If [C, x]}
            """
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            "13:29 Resource with id [BadType] is invalid. 'Type: Kinesis' must be one of ['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket']",
            "19:22 Resource with id [NoDestination] is invalid. Destination is required if Type is not ['SQS', 'SNS']",
            "25:47 Resource with id [Malformed] is invalid. Malformed 'Destination' property: Fn::If requires 3 arguments.",
        ])
    }
}
