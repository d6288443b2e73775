@testable import CFNCore
import CFNLoader
import Testing

/// A logical ID the transform makes from a part the user wrote (an event's or a connector's name)
/// must be alphanumeric: the translator checks every ID its resource classes are given
/// (`Resource._validate_logical_id`). The messages are aws-sam-translator 1.110's for the same templates.
@Suite struct SAMGeneratedLogicalIdTests {
    static func findings(_ text: String) -> [String] {
        let report = Validator(settings: ValidationSettings(today: "2026-05-10"), checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        return report.findings.map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message)" }
    }

    static func function(events: String) -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              CodeUri: s3://bkt/k.zip
              Events:
        \(events)
        """
    }

    /// The error is at the event's key, the part to rename, and is the only finding.
    @Test func anEventNameThatMakesAnInvalidIdIsTheTranslatorsError() {
        #expect(Self.findings(Self.function(events: """
                    Bad-Name:
                      Type: SQS
                      Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}
            """)) == ["sam.invalid 10:9 Fn Resource with id [FnBad-Name] is invalid. Logical ids must be alphanumeric."])
    }

    /// Events are read in order: the first event's name fails before the second's properties are read.
    @Test func theFirstEventsNameFailsFirst() {
        #expect(Self.findings(Self.function(events: """
                    Bad_1:
                      Type: SQS
                      Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}
                    Good:
                      Type: SQS
                      Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q, Bogus: 1}
            """)) == ["sam.invalid 10:9 Fn Resource with id [FnBad_1] is invalid. Logical ids must be alphanumeric."])
    }

    /// A connector's name makes `<Resource><Connector>`: the translator names that ID.
    @Test func anEmbeddedConnectorsNameIsCheckedToo() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Q:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Serverless::Function
                Connectors:
                  my-conn:
                    Properties:
                      Destination: {Id: Q}
                      Permissions: [Write]
                Properties:
                  Runtime: python3.12
                  Handler: a.b
                  CodeUri: s3://bkt/k.zip
            """)
        #expect(expansion.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.message)" }
            == ["sam.invalid 8:7 Resource with id [Fnmy-conn] is invalid. Logical ids must be alphanumeric."])
    }

    /// Where no check of its own points at the part, the error is at the SAM resource.
    @Test func aStateMachineEventsNameIsCheckedAtTheStateMachine() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Sm:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
                  Policies: []
                  Events:
                    my-ev:
                      Type: Schedule
                      Properties: {Schedule: rate(1 minute)}
            """)
        #expect(expansion.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.message)" }
            == ["sam.invalid 3:3 Resource with id [Smmy-ev] is invalid. Logical ids must be alphanumeric."])
    }
}
