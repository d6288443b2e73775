@testable import CFNCore
import CFNLoader
import Testing

/// A made resource taking a template resource's logical ID is the translator's error, unless it
/// stands in for it (samtranslator/translator/verify_logical_id.py).
@Suite struct SAMDuplicateLogicalIdTests {
    @Test func aMadeResourceMayNotTakeATemplateResourcesId() {
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
                    Rule:
                      Type: IoTRule
                      Properties: {Sql: "SELECT * FROM 't'"}
              FnRule:
                Type: AWS::IoT::TopicRule
                Properties: {}
            """
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            #"13:3 Transforming resource with id [Fn] attempts to create a new resource with id [FnRule] and type "AWS::IoT::TopicRule". A resource with that id already exists within this template. Please use a different id for that resource."#,
        ])
    }
}
