@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `AWS::Serverless::Connector` and embedded `Connectors` (samtranslator/model/sam_resources.py,
/// `SamConnector`; translator/translator.py, `_get_embedded_connectors`).
@Suite struct SAMConnectorTests {
    /// A resource of the expanded template as compact JSON with sorted keys.
    static func resource(_ expansion: SAMExpansion, _ logicalId: String) -> String {
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any]
        guard let value = resources?[logicalId],
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "none" }
        return String(decoding: data, as: UTF8.self)
    }

    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          IsProd: !Equals [!Ref AWS::Region, us-east-1]
        Globals:
          Function:
            CodeUri: s3://bucket/key.zip
            Handler: index.h
            Runtime: python3.12
        Resources:
          Fn:
            Type: AWS::Serverless::Function
          Queue:
            Type: AWS::SQS::Queue

        """

    /// The expected resources are aws-sam-translator 1.110's output for the same template.
    @Test func connectorsMakeWhatTheirProfileSays() {
        let (expansion, source) = expandSAM(Self.template + """
              Conn:
                Type: AWS::Serverless::Connector
                Condition: IsProd
                Properties:
                  Source: {Id: Fn}
                  Destination: {Id: Queue}
                  Permissions: [Write]
              Topic:
                Type: AWS::SNS::Topic
                Connectors:
                  ToFn:
                    Properties:
                      Destination: [{Id: Fn}, {Type: AWS::Lambda::Function, Arn: arn:aws:lambda:us-east-1:123456789012:function:other}]
                      Permissions: [Write]
            """)
        #expect(samErrors(expansion, source).isEmpty)
        #expect(Self.resource(expansion, "ConnPolicy") == #"{"Condition":"IsProd","Metadata":{"aws:sam:connectors":{"Conn":{"Destination":{"Type":"AWS::SQS::Queue"},"Source":{"Type":"AWS::Serverless::Function"}}}},"Properties":{"PolicyDocument":{"Statement":[{"Action":["sqs:DeleteMessage","sqs:SendMessage","sqs:ChangeMessageVisibility","sqs:PurgeQueue"],"Effect":"Allow","Resource":[{"Fn::GetAtt":["Queue","Arn"]}]}],"Version":"2012-10-17"},"Roles":[{"Ref":"FnRole"}]},"Type":"AWS::IAM::ManagedPolicy"}"#)
        #expect(Self.resource(expansion, "TopicToFnWriteLambdaPermissionDestination0") == #"{"Metadata":{"aws:sam:connectors":{"TopicToFn":{"Destination":{"Type":"AWS::Serverless::Function"},"Source":{"Type":"AWS::SNS::Topic"}}}},"Properties":{"Action":"lambda:InvokeFunction","FunctionName":{"Fn::GetAtt":["Fn","Arn"]},"Principal":"sns.amazonaws.com","SourceArn":{"Ref":"Topic"}},"Type":"AWS::Lambda::Permission"}"#)
        #expect(Self.resource(expansion, "TopicToFnWriteLambdaPermissionDestination1") == #"{"Metadata":{"aws:sam:connectors":{"TopicToFn":{"Destination":{"Type":"AWS::Lambda::Function"},"Source":{"Type":"AWS::SNS::Topic"}}}},"Properties":{"Action":"lambda:InvokeFunction","FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:other","Principal":"sns.amazonaws.com","SourceArn":{"Ref":"Topic"}},"Type":"AWS::Lambda::Permission"}"#)
        // The connector resource is gone, and the topic keeps no `Connectors` attribute.
        #expect(Self.resource(expansion, "Conn") == "none")
        #expect(Self.resource(expansion, "Topic") == #"{"Type":"AWS::SNS::Topic"}"#)
        // A finding on a permission points at the embedded connector it comes from.
        #expect(place(expansion, source, "TopicToFnWriteLambdaPermissionDestination0") == "24:7")
    }

    /// `DependsOn` on a connector names what it made; the `Connectors` attribute the transform
    /// consumes is no unknown attribute, and nothing else is reported.
    @Test func dependsOnAConnectorFollowsWhatItMade() {
        let text = Self.template + """
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                DependsOn: OtherToFn
                Properties:
                  FunctionName: !Ref Fn
                  EventSourceArn: !GetAtt Other.Arn
              Other:
                Type: AWS::SQS::Queue
                DependsOn: [Queue]
                Connectors:
                  ToFn:
                    Properties:
                      Destination: {Id: Fn}
                      Permissions: [Read, Write]
              Last:
                Type: AWS::SQS::Queue
                DependsOn: [Queue, OtherToFn]
            """
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source).isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect((resources["Mapping"] as? [String: Any])?["DependsOn"] as? [String] == ["OtherToFnPolicy"])
        #expect((resources["Last"] as? [String: Any])?["DependsOn"] as? [String] == ["Queue", "OtherToFnPolicy"])
        #expect((resources["Other"] as? [String: Any])?["DependsOn"] as? [String] == ["Queue"])
        let report = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        #expect(report.findings.map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start))" } == [])
    }

    @Test func connectorsAreCheckedAsTheTranslatorChecksThem() {
        let (expansion, source) = expandSAM(Self.template + """
              Nowhere:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Id: Fn}
                  Destination: {Id: Missing}
                  Permissions: [Read]
              Fly:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Id: Fn}
                  Destination: {Id: Queue}
                  Permissions: [Read, Fly]
              Given:
                Type: AWS::Serverless::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/given
                Connectors:
                  ToQueue:
                    Properties:
                      Destination: {Id: Queue}
                      Permissions: [Read]
                  Empty:
                    Properties:
                      Destination: {Id: Queue}
                      Permissions:
            """)
        #expect(samErrors(expansion, source) == [
            "18:7 Resource with id [Nowhere] is invalid. Unable to find resource with logical ID 'Missing'.",
            "25:7 Resource with id [Fly] is invalid. Unsupported 'Permissions' provided for connector from AWS::Lambda::Function to AWS::SQS::Queue; valid values are: Read, Write.",
            "31:7 Resource with id [GivenToQueue] is invalid. Unable to get IAM role name from 'Source' resource.",
            "35:7 Resource with id [GivenEmpty] is invalid. Missing required property 'Permissions'.",
        ])
    }
}
