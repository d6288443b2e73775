@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `DisableExecuteApiEndpoint` of a REST API, as aws-sam-translator 1.110 writes it
/// (`ApiGenerator._add_endpoint_extension`, `SwaggerEditor.add_disable_execute_api_endpoint_extension`).
@Suite struct SAMRestApiEndpointExtensionTests {
    static func template(_ api: String) -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          MyApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
        \(api)
        """
    }

    /// Any value that is not null is written, `false` too, beside what the body's extension holds.
    @Test func theFlagJoinsTheBodysEndpointConfiguration() throws {
        let (expansion, _) = expandSAM(Self.template("""
                  DisableExecuteApiEndpoint: false
                  DefinitionBody:
                    swagger: '2.0'
                    info: {title: t}
                    paths: {}
                    x-amazon-apigateway-endpoint-configuration: {vpcEndpointIds: [vpce-1]}
            """))
        #expect(expansion.findings.isEmpty)
        let resources = try #require(expandedJSON(expansion)["Resources"] as? [String: [String: Any]])
        let body = try #require((resources["MyApi"]?["Properties"] as? [String: Any])?["Body"] as? [String: Any])
        #expect(SAMConformanceTests.canonical(body["x-amazon-apigateway-endpoint-configuration"])
            == SAMConformanceTests.canonical(["vpcEndpointIds": ["vpce-1"], "disableExecuteApiEndpoint": false]))
        // The extension is part of the hashed Swagger: the translator's ID for this template.
        #expect(resources["MyApiDeployment8530be8320"] != nil, "\(resources.keys.sorted())")
    }

    /// Without an inline body the translator refuses the flag; that check is not written, so the API stays.
    @Test func withADefinitionUriTheApiStaysAsWritten() throws {
        let (expansion, _) = expandSAM(Self.template("""
                  DisableExecuteApiEndpoint: true
                  DefinitionUri: s3://bucket/key.yaml
            """))
        #expect(expansion.findings.map(\.message).contains {
            $0.contains("because its DisableExecuteApiEndpoint without a DefinitionBody is not checked yet")
        })
        let resources = try #require(expandedJSON(expansion)["Resources"] as? [String: [String: Any]])
        #expect(resources["MyApi"]?["Type"] as? String == "AWS::Serverless::Api")
    }
}
