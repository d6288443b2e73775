@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// An `Api` event's `TimeoutInMillis` (aws-sam-translator 1.110 push.py `_add_swagger_integration`,
/// `add_timeout_to_method`); expected values are its output for the template.
@Suite struct SAMRestApiTimeoutTests {
    @Test func aTruthyTimeoutJoinsTheIntegrationAndTheHash() throws {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  Events:
                    Slow: {Type: Api, Properties: {Path: /slow, Method: get, TimeoutInMillis: 29000}}
                    Zero: {Type: Api, Properties: {Path: /zero, Method: get, TimeoutInMillis: 0}}
            """)
        #expect(!expansion.findings.contains { $0.rule == SAMRules.partlyExpanded.id })
        let resources = try #require(expandedJSON(expansion)["Resources"] as? [String: [String: Any]])
        let body = try #require((resources["ServerlessRestApi"]?["Properties"] as? [String: Any])?["Body"] as? [String: Any])
        let integration = { (path: String) in
            (((body["paths"] as? [String: Any])?[path] as? [String: Any])?["get"] as? [String: Any])?["x-amazon-apigateway-integration"] as? [String: Any]
        }
        #expect(integration("/slow")?["timeoutInMillis"] as? Int == 29000)
        // Python's truthiness: 0 is no timeout.
        #expect(integration("/zero")?.keys.contains("timeoutInMillis") == false)
        #expect(resources["ServerlessRestApiDeployment8e32384007"] != nil, "\(resources.keys.sorted())")
    }
}
