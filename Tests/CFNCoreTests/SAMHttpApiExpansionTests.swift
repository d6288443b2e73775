@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// What the transform makes of HTTP APIs: the implicit `ServerlessHttpApi` with `Globals.HttpApi`,
/// the routes events write into an OpenAPI body, stages and custom domains sharing a hosted zone.
/// Expected values are the translator's (aws-sam-translator 1.110, `transform` on these templates).
@Suite struct SAMHttpApiExpansionTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          HttpApi:
            Auth:
              DefaultAuthorizer: Lam
              Authorizers:
                Lam:
                  FunctionArn: !GetAtt AuthFn.Arn
                  AuthorizerPayloadFormatVersion: "2.0"
                  EnableFunctionDefaultPermissions: true
                  Identity: {Headers: [Authorization], ReauthorizeEvery: 60}
        Resources:
          AuthFn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.h, CodeUri: s3://b/k}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.h
              CodeUri: s3://b/k
              Events:
                Get: {Type: HttpApi, Properties: {Path: "/items/{id}", Method: get, TimeoutInMillis: 5000}}
          One:
            Type: AWS::Serverless::HttpApi
            Properties:
              Domain: {DomainName: one.example.com, CertificateArn: arn:c, Route53: {HostedZoneId: Z1}}
          Two:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: prod-1
              Domain: {DomainName: two.example.com, CertificateArn: arn:c, BasePath: [/v1], Route53: {HostedZoneId: Z1}}

        """

    @Test func theImplicitApiTakesGlobalsAndTheEventsRoutes() {
        let (expansion, source) = expandSAM(Self.template)
        #expect(samErrors(expansion, source).isEmpty)
        #expect(expansion.findings.filter { $0.rule == "sam.partly-expanded" }.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.sorted() == [
            "ApiGatewayDomainNameV249f1e0a89b", "ApiGatewayDomainNameV25636ed5aa9", "AuthFn", "AuthFnRole", "Fn", "FnGetPermission", "FnRole",
            "One", "OneApiGatewayDefaultStage", "OneApiMapping", "OneLamAuthorizerPermission", "RecordSetGroup0cf6d58763", "ServerlessHttpApi",
            "ServerlessHttpApiApiGatewayDefaultStage", "ServerlessHttpApiLamAuthorizerPermission", "Two", "TwoLamAuthorizerPermission",
            "TwoStage4056a32ed5", "Twov1ApiMapping",
        ])
        let body = ((resources["ServerlessHttpApi"] as? [String: Any])?["Properties"] as? [String: Any])?["Body"] as? [String: Any]
        let paths = body?["paths"] as? [String: Any]
        let get = (paths?["/items/{id}"] as? [String: Any])?["get"] as? [String: Any]
        #expect(SAMConformanceTests.canonical(get) == SAMConformanceTests.canonical([
            "parameters": [["in": "path", "name": "id", "required": true]],
            "responses": [String: Any](),
            "security": [["Lam": [Any]()]],
            "x-amazon-apigateway-integration": [
                "httpMethod": "POST", "payloadFormatVersion": "2.0", "timeoutInMillis": 5000, "type": "aws_proxy",
                "uri": ["Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"],
            ],
        ] as [String: Any]))
        #expect(expandedProperty(expansion, "ServerlessHttpApiLamAuthorizerPermission", "SourceArn")
            == #"{"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"ServerlessHttpApi"}}]}"#)
        // The implicit API comes from the function whose event makes it.
        #expect(expansion.source(of: "ServerlessHttpApi") == "Fn")
        #expect(expansion.source(of: "ServerlessHttpApiApiGatewayDefaultStage") == "Fn")
    }

    @Test func apisOfOneHostedZoneShareItsRecordSetGroup() {
        let (expansion, source) = expandSAM(Self.template)
        let records = expandedProperty(expansion, "RecordSetGroup0cf6d58763", "RecordSets")
        for (name, domain) in [("one.example.com", "ApiGatewayDomainNameV25636ed5aa9"), ("two.example.com", "ApiGatewayDomainNameV249f1e0a89b")] {
            #expect(records.contains(#"{"AliasTarget":{"DNSName":{"Fn::GetAtt":["\#(domain)","RegionalDomainName"]},"HostedZoneId":{"Fn::GetAtt":["\#(domain)","RegionalHostedZoneId"]}},"Name":"\#(name)","Type":"A"}"#))
        }
        #expect(expandedProperty(expansion, "Twov1ApiMapping", "Stage") == #"{"Ref":"TwoStage4056a32ed5"}"#)
        #expect(expandedProperty(expansion, "Twov1ApiMapping", "ApiMappingKey") == #""v1""#)
        #expect(expandedProperty(expansion, "TwoStage4056a32ed5", "StageName") == #""prod-1""#)
        // The group points at the Route53 of the first API that names the zone; the stage name at its value.
        #expect(place(expansion, source, "RecordSetGroup0cf6d58763") == "27:68")
        #expect(place(expansion, source, "TwoStage4056a32ed5", "Properties", "StageName") == "31:18")
    }

    @Test func anEventAddsItsIntegrationToAWrittenBodyUnlessThePathHasOne() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Condition: On
                Properties:
                  Runtime: python3.12
                  Handler: a.h
                  CodeUri: s3://b/k
                  Events:
                    Written: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /written, Method: get}}
                    Added: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /added, Method: post, PayloadFormatVersion: "1.0"}}
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionBody:
                    openapi: "3.0.1"
                    info: {title: mine, version: "1"}
                    paths:
                      /written:
                        get:
                          x-amazon-apigateway-integration: {type: HTTP_PROXY, uri: https://example.com}
            """)
        #expect(samErrors(expansion, source).isEmpty)
        let body = expandedProperty(expansion, "Api", "Body")
        #expect(body.contains(#""/written":{"get":{"x-amazon-apigateway-integration":{"type":"HTTP_PROXY","uri":"https://example.com"}}}"#))
        // The function's condition wraps the integration's URI and the method.
        #expect(body.contains(#""/added":{"post":{"Fn::If":["On",{"responses":{},"x-amazon-apigateway-integration":{"httpMethod":"POST","payloadFormatVersion":"1.0","type":"aws_proxy","uri":{"Fn::If":["On",{"Fn::Sub":"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"},{"Ref":"AWS::NoValue"}]}}},{"Ref":"AWS::NoValue"}]}}"#))
        #expect(body.contains(#""tags":[{"name":"httpapi:createdBy","x-amazon-apigateway-tag-value":"SAM"}]"#))
    }
}

/// References SAM resolves to what an HTTP API makes, and plans of HTTP API changes.
@Suite struct SAMHttpApiReferenceTests {
    /// `Api.Stage` and `Api.DomainName` name the stage and domain (the translator's output for this template).
    @Test func stageAndDomainReferencesFollow() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  StageName: prod
                  Domain: {DomainName: x.example.com, CertificateArn: arn:c}
              Watcher:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Ref Api.Stage
                  DisplayName: !Ref Api.DomainName
            """)
        #expect(samErrors(expansion, source).isEmpty)
        #expect(expandedProperty(expansion, "Watcher", "TopicName") == #"{"Ref":"ApiprodStage"}"#)
        #expect(expandedProperty(expansion, "Watcher", "DisplayName") == #"{"Ref":"ApiGatewayDomainNameV24f0c432f34"}"#)
    }

    /// A route added by an event updates the implicit API's body; the plan names the function whose
    /// events make the API.
    @Test func aNewRouteUpdatesTheImplicitApi() throws {
        let base = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.h
                  CodeUri: s3://b/k
                  Events:
                    Get: {Type: HttpApi, Properties: {Path: /a, Method: get}}

            """
        let head = base + "        Post: {Type: HttpApi, Properties: {Path: /a, Method: post}}\n"
        let changes = try SAMPlanSourceTests.describe(base, head)
        #expect(changes.contains { $0.hasPrefix("ServerlessHttpApi update Fn AWS::Serverless::Function") && $0.contains("| Body") })
        #expect(changes.contains { $0.hasPrefix("FnPostPermission create Fn AWS::Serverless::Function") })
    }
}

/// The implicit API plugin's checks of an HttpApi event's path and method.
@Suite struct SAMHttpApiEventCheckTests {
    /// aws-sam-translator 1.110 rejects these templates with these messages.
    @Test(arguments: [
        ("Path: !Ref P, Method: get", "12:47 Resource with id [F1] is invalid. Event with id [E] is invalid. Property 'Path' should be a string."),
        ("Path: /a, Method: !Ref P", "12:59 Resource with id [F1] is invalid. Event with id [E] is invalid. Property 'Method' should be a string."),
        ("Path: /a, Method: 5", "12:59 Resource with id [F1] is invalid. Event with id [E] is invalid. Property 'Method' should be a string."),
    ])
    func pathAndMethodAreText(properties: String, error: String) {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              P: {Type: String, Default: /a}
            Resources:
              F1:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: a.h
                  CodeUri: s3://b/k
                  Events:
                    E: {Type: HttpApi, Properties: {\(properties)}}
            """)
        #expect(samErrors(expansion, source) == [error])
    }
}
