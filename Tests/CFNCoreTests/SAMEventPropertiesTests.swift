@testable import CFNCore
import CFNLoader
import Testing

/// The translator's `property_types` of each function event type (samtranslator/model/eventsources/*.py,
/// aws-sam-translator 1.110): an unknown property, a required one missing or a value of the wrong type
/// is an error at the property's key, in the translator's words (each message below is what
/// aws-sam-translator 1.110 says of the same template).
@Suite struct SAMEventPropertiesTests {
    /// One function with one event `E` whose properties are written on line 14, from column 24.
    static func errors(_ type: String, _ properties: String) -> [String] {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              P: {Type: String, Default: 'true'}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    E:
                      Type: \(type)
                      Properties: {\(properties)}
              B:
                Type: AWS::S3::Bucket
              Pool:
                Type: AWS::Cognito::UserPool
            """)
        return expansion.findings.filter { $0.rule == "sam.invalid" }.map {
            "\(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message)"
        }
    }

    @Test(arguments: [
        ("SQS", "Queue: arn:aws:sqs:us-east-1:1:q, DeadLetterConfig: {Arn: x}",
         "14:58 Fn Resource with id [FnE] is invalid. property DeadLetterConfig not defined for resource of type SQS"),
        ("SQS", "Queue: arn:aws:sqs:us-east-1:1:q, BatchSize: [1]",
         "14:58 Fn Resource with id [FnE] is invalid. Type of property 'BatchSize' is invalid."),
        ("SQS", "BatchSize: 10", "12:9 Fn Resource with id [FnE] is invalid. Missing required property 'Queue'."),
        ("Kinesis", "Stream: arn, StartingPosition: LATEST, BatchSise: 10",
         "14:63 Fn Resource with id [FnE] is invalid. property BatchSise not defined for resource of type Kinesis"),
        ("DynamoDB", "Stream: arn, StartingPosition: LATEST, Enabled: 'yes'",
         "14:63 Fn Resource with id [FnE] is invalid. Type of property 'Enabled' is invalid."),
        ("MSK", "Stream: arn, StartingPosition: LATEST, Topics: t",
         "14:63 Fn Resource with id [FnE] is invalid. Type of property 'Topics' is invalid."),
        ("MQ", "Broker: arn, Queues: [q], DynamicPolicyName: !Ref P, SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: u}]",
         "14:50 Fn Resource with id [FnE] is invalid. Type of property 'DynamicPolicyName' is invalid."),
        ("DocumentDB", "Cluster: arn, DatabaseName: db, Collection: c, SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: u}]",
         "14:56 Fn Resource with id [FnE] is invalid. property Collection not defined for resource of type DocumentDB"),
        ("SelfManagedKafka", "KafkaBootstrapServers: [a], Topics: [t], Stream: arn",
         "14:65 Fn Resource with id [FnE] is invalid. property Stream not defined for resource of type SelfManagedKafka"),
    ])
    func pullEvents(type: String, properties: String, error: String) {
        #expect(Self.errors(type, properties) == [error])
    }

    @Test(arguments: [
        ("Schedule", "Schedule: rate(1 day), Pattern: {}",
         "14:47 Fn Resource with id [FnE] is invalid. property Pattern not defined for resource of type Schedule"),
        ("EventBridgeRule", "Pattern: {source: [x]}, Schedule: rate(1 day)",
         "14:48 Fn Resource with id [FnE] is invalid. property Schedule not defined for resource of type EventBridgeRule"),
        ("CloudWatchEvent", "Pattern: {source: [x]}, Enabled: [true]",
         "14:48 Fn Resource with id [FnE] is invalid. Type of property 'Enabled' is invalid."),
        ("ScheduleV2", "ScheduleExpression: rate(1 day), Enabled: true",
         "14:57 Fn Resource with id [FnE] is invalid. property Enabled not defined for resource of type ScheduleV2"),
    ])
    func ruleAndScheduleEvents(type: String, properties: String, error: String) {
        #expect(Self.errors(type, properties) == [error])
    }

    @Test(arguments: [
        // `Filter` is `dict_of(IS_STR, IS_STR)`: its one-key form passes as an intrinsic function would.
        ("S3", "Bucket: !Ref B, Events: s3:ObjectCreated:*, Filter: {S3Key: {Rules: []}, Other: x}",
         "14:68 Fn Resource with id [FnE] is invalid. Type of property 'Filter' is invalid."),
        ("SNS", "Topic: arn, SqsSubscription: yes-please",
         "14:36 Fn Resource with id [FnE] is invalid. Type of property 'SqsSubscription' is invalid."),
        ("SNS", "Topic: arn, BatchSize: 10",
         "14:36 Fn Resource with id [FnE] is invalid. property BatchSize not defined for resource of type SNS"),
        ("AlexaSkill", "SkillId: [1]", "14:24 Fn Resource with id [FnE] is invalid. Property 'SkillId' should be a string."),
        ("IoTRule", "Sql: SELECT 1, AwsIotSqlVersion: 5",
         "14:39 Fn Resource with id [FnE] is invalid. Property 'AwsIotSqlVersion' should be a string."),
        ("CloudWatchLogs", "LogGroupName: g", "12:9 Fn Resource with id [FnE] is invalid. Missing required property 'FilterPattern'."),
        ("Cognito", "UserPool: !Ref Pool, Trigger: PreSignUp, Pool: x",
         "14:65 Fn Resource with id [FnE] is invalid. property Pool not defined for resource of type Cognito"),
    ])
    func pushEvents(type: String, properties: String, error: String) {
        #expect(Self.errors(type, properties) == [error])
    }

    @Test(arguments: [
        ("Path: /a, Method: get, TimeoutInMillis: [1]",
         "14:47 Fn Resource with id [FnE] is invalid. Type of property 'TimeoutInMillis' is invalid."),
        ("Path: /a, Method: get, PayloadFormatVersion: 2.0",
         "14:47 Fn Resource with id [FnE] is invalid. Property 'PayloadFormatVersion' should be a string."),
        ("Path: /a, Method: get, Auth: NONE", "14:47 Fn Resource with id [FnE] is invalid. Property 'Auth' should be a map."),
        ("Path: /a, Method: get, Stage: [1]", "14:47 Fn Resource with id [FnE] is invalid. Property 'Stage' should be a string."),
        ("Path: /a, Method: get, RequestModel: {}",
         "14:47 Fn Resource with id [FnE] is invalid. property RequestModel not defined for resource of type HttpApi"),
        // The implicit HTTP API plugin reads these before the event's own checks, and names the event.
        ("Path: /a, Method: get, RouteSettings: [1]",
         "14:47 Fn Resource with id [Fn] is invalid. Event with id [E] is invalid. Property 'RouteSettings' should be a map."),
        ("Method: get", "14:23 Fn Resource with id [Fn] is invalid. Event with id [E] is invalid. Property 'Path' is required."),
    ])
    func httpApiEvents(properties: String, error: String) {
        #expect(Self.errors("HttpApi", properties) == [error])
    }

    /// Values the translator accepts: intrinsic functions where the property takes them, nulls, and
    /// Python's bool as an int.
    @Test func acceptedValuesPass() {
        #expect(Self.errors("SQS", "Queue: !GetAtt Q.Arn, BatchSize: !Ref P, Enabled: ~, MaximumBatchingWindowInSeconds: true").isEmpty)
        #expect(Self.errors("HttpApi", "Path: /a, Method: get, TimeoutInMillis: !Ref P, PayloadFormatVersion: '2.0', RouteSettings: {}").isEmpty)
        #expect(Self.errors("SNS", "Topic: !Ref P, SqsSubscription: true, FilterPolicy: [1]").isEmpty)
    }

    /// The first event written with a bad property is the one reported, as the translator reads
    /// events in order before it makes any.
    @Test func theFirstEventWrittenIsReported() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Z: {Type: SQS, Properties: {Queue: q, Bogus: 1}}
                    A: {Type: SNS, Properties: {Topic: t, Bogus: 1}}
            """)
        #expect(samErrors(expansion, source) == ["10:47 Resource with id [FnZ] is invalid. property Bogus not defined for resource of type SQS"])
    }

    /// A stream's `DestinationConfig.OnFailure.Type` is read only when truthy, and must then be one
    /// of the four names as text (`PullEventSource.to_cloudformation`).
    @Test func anOnFailureTypeIsOneOfFourNames() {
        let properties = { (type: String) in
            "Stream: arn, StartingPosition: LATEST, DestinationConfig: {OnFailure: {Destination: arn:q, Type: \(type)}}"
        }
        let message = "Fn Resource with id [Fn] is invalid. Event with id [FnE] is invalid. The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'"
        #expect(Self.errors("Kinesis", properties("[SQS]")) == ["14:63 " + message])
        #expect(Self.errors("Kinesis", properties("!Ref P")) == ["14:63 " + message])
        #expect(Self.errors("Kinesis", properties("5")) == ["14:63 " + message])
        #expect(Self.errors("Kinesis", properties("~")).isEmpty)
        #expect(Self.errors("Kinesis", properties("SQS")).isEmpty)
    }

    /// An SNS event's `QueuePolicyLogicalId` becomes a logical ID, so it must be alphanumeric text;
    /// the translator names it as Python shows it.
    @Test func aQueuePolicyLogicalIdIsALogicalId() {
        let properties = { (id: String) in
            "Topic: arn, SqsSubscription: {QueueArn: arn:q, QueueUrl: https://q, QueuePolicyLogicalId: \(id)}"
        }
        #expect(Self.errors("SNS", properties("a-b")) == ["14:114 Fn Resource with id [a-b] is invalid. Logical ids must be alphanumeric."])
        #expect(Self.errors("SNS", properties("[1]")) == ["14:114 Fn Resource with id [[1]] is invalid. Logical ids must be alphanumeric."])
        #expect(Self.errors("SNS", properties("Policy1")).isEmpty)
    }
}
