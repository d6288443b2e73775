@testable import CFNCore
import CFNLoader
import Testing

/// `AWS::Serverless::Application` (`SamApplication` in samtranslator/model/sam_resources.py and
/// plugins/application/serverless_app_plugin.py); the expected stacks and messages are the
/// translator's for the same templates, but for the repository's template URL, which the
/// translator asks the Serverless Application Repository for.
@Suite struct SAMApplicationTests {
    @Test func anApplicationBecomesANestedStackTaggedWithItsRepositoryLocation() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Version: {Type: String, Default: 2.0.1}
            Mappings:
              Apps: {us: {id: arn:aws:serverlessrepo:us-east-1:1:applications/x}}
            Resources:
              FromRepository:
                Type: AWS::Serverless::Application
                Condition: Always
                Metadata: {a: 1}
                Properties:
                  Location: {ApplicationId: !FindInMap [Apps, us, id], SemanticVersion: !Ref Version}
                  Parameters: {Size: 1}
                  Tags: {team: a}
                  TimeoutInMinutes: 5
              FromS3:
                Type: AWS::Serverless::Application
                DependsOn: FromRepository
                Properties:
                  Location: https://s3.amazonaws.com/bucket/child.yaml
                  NotificationARNs: [!Ref Topic]
              Topic:
                Type: AWS::SNS::Topic
            Conditions:
              Always: !Equals [a, a]
            """)
        #expect(expansion.findings.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        let tag = { (key: String, value: String) in ["Key": key, "Value": value] }
        #expect(SAMConformanceTests.canonical(resources["FromRepository"]) == SAMConformanceTests.canonical([
            "Type": "AWS::CloudFormation::Stack", "Condition": "Always",
            "Properties": [
                "TemplateURL": SAMApplication.placeholderURL + "arn:aws:serverlessrepo:us-east-1:1:applications/x/2.0.1",
                "Parameters": ["Size": 1], "TimeoutInMinutes": 5,
                "Tags": [tag("lambda:createdBy", "SAM"), tag("serverlessrepo:applicationId", "arn:aws:serverlessrepo:us-east-1:1:applications/x"),
                         tag("serverlessrepo:semanticVersion", "2.0.1"), tag("team", "a")],
            ] as [String: Any],
        ]))
        #expect(SAMConformanceTests.canonical(resources["FromS3"]) == SAMConformanceTests.canonical([
            "Type": "AWS::CloudFormation::Stack", "DependsOn": "FromRepository",
            "Properties": [
                "TemplateURL": "https://s3.amazonaws.com/bucket/child.yaml", "NotificationARNs": [["Ref": "Topic"]],
                "Tags": [tag("lambda:createdBy", "SAM")],
            ] as [String: Any],
        ]))
    }

    @Test func theTranslatorsChecksAreErrorsAtTheKey() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NoLocation:
                Type: AWS::Serverless::Application
                Properties:
                  Parameters: {a: b}
              NoVersion:
                Type: AWS::Serverless::Application
                Properties:
                  Location: {ApplicationId: x}
              BlankVersion:
                Type: AWS::Serverless::Application
                Properties:
                  Location: {ApplicationId: x, SemanticVersion: ''}
              IntId:
                Type: AWS::Serverless::Application
                Properties:
                  Location: {ApplicationId: 1, SemanticVersion: 1.0.0}
              GetAttId:
                Type: AWS::Serverless::Application
                Properties:
                  Location: {ApplicationId: !GetAtt A.B, SemanticVersion: 1.0.0}
              Reserved:
                Type: AWS::Serverless::Application
                Properties:
                  Location: https://x/y.yaml
                  Tags: {serverlessrepo:semanticVersion: a}
              Timeout:
                Type: AWS::Serverless::Application
                Properties:
                  Location: https://x/y.yaml
                  TimeoutInMinutes: five
            """)
        #expect(samErrors(expansion, source) == [
            "3:3 Resource with id [NoLocation] is invalid. Resource is missing the required [Location] property.",
            "10:7 Resource with id [NoVersion] is invalid. Resource is missing the required [SemanticVersion] property.",
            "14:53 Resource with id [BlankVersion] is invalid. Property 'SemanticVersion' cannot be blank.",
            "18:33 Resource with id [IntId] is invalid. Property 'Location.ApplicationId' should be a string.",
            "22:33 Resource with id [GetAttId] is invalid. Property 'ApplicationId' cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.",
            "27:14 Resource with id [Reserved] is invalid. serverlessrepo:semanticVersion is a reserved Tag key name and cannot be set on your resource. Please change the tag key in the input.",
            "32:7 Resource with id [Timeout] is invalid. Type of property 'TimeoutInMinutes' is invalid.",
        ])
    }
}
