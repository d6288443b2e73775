@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `PropagateTags` on REST APIs (aws-sam-translator 1.110 `SamApi.propagate_tags`,
/// `ImplicitApiPlugin._add_tags_to_implicit_api_if_necessary`); expected tags are its output for the template.
@Suite struct SAMRestApiPropagateTagsTests {
    @Test func theRestApiAndStageCarryTheApisOrItsFunctionsTags() throws {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Tags: {team: platform}
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  PropagateTags: true
                  Tags: {env: prod, app: a}
                  Events:
                    Get: {Type: Api, Properties: {Path: /a, Method: get}}
              B:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  PropagateTags: true
                  Events:
                    Get: {Type: Api, Properties: {Path: /b, Method: get}}
              MyApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  PropagateTags: true
                  Tags: {owner: me}
            """)
        #expect(!expansion.findings.contains { $0.rule == SAMRules.partlyExpanded.id })
        let resources = try #require(expandedJSON(expansion)["Resources"] as? [String: [String: Any]])
        let tags = { (id: String) in (resources[id]?["Properties"] as? [String: Any])?["Tags"] as? [[String: String]] }
        // B has no Tags of its own: Globals' are what it propagates, after A's.
        let implicit = [["Key": "env", "Value": "prod"], ["Key": "app", "Value": "a"], ["Key": "team", "Value": "platform"]]
        #expect(tags("ServerlessRestApi") == implicit)
        #expect(tags("ServerlessRestApiProdStage") == implicit)
        #expect(tags("MyApi") == [["Key": "owner", "Value": "me"]])
        #expect(tags("MyApiprodStage") == [["Key": "owner", "Value": "me"]])
        #expect(resources["ServerlessRestApiDeployment40b90639b7"] != nil, "\(resources.keys.sorted())")
        #expect(resources["MyApiDeployment5332c373d4"] != nil)
    }
}
