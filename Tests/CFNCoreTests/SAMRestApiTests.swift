@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `AWS::Serverless::Api` and the implicit `ServerlessRestApi`: the authorizer permissions and the
/// translator's checks (samtranslator/model/api/api_generator.py, model/apigateway.py, push.py `Api`).
@Suite struct SAMRestApiTests {
    static let function = """
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
        """

    @Test func aLambdaAuthorizerGetsAPermissionCarryingTheAPIsCondition() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              On: !Equals [a, a]
            Resources:
            \(Self.function)
              MyApi:
                Type: AWS::Serverless::Api
                Condition: On
                Properties:
                  StageName: dev
                  Auth:
                    DefaultAuthorizer: Token
                    Authorizers:
                      Token: {FunctionArn: !GetAtt Fn.Arn}
                      Quiet: {FunctionArn: !GetAtt Fn.Arn, DisableFunctionDefaultPermissions: true}
                      Pool: {UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/p}
            """)
        #expect(expansion.findings.filter { $0.rule == "sam.invalid" }.isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        // Only the Lambda authorizer with permissions left on; the API becomes its RestApi with the authorizers written.
        #expect(resources.keys.filter { $0.hasSuffix("AuthorizerPermission") }.sorted() == ["MyApiTokenAuthorizerPermission"])
        #expect((resources["MyApi"] as? [String: Any])?["Type"] as? String == "AWS::ApiGateway::RestApi")
        let permission = resources["MyApiTokenAuthorizerPermission"] as? [String: Any]
        #expect(permission?["Condition"] as? String == "On")
        #expect(expandedProperty(expansion, "MyApiTokenAuthorizerPermission", "FunctionName") == #"{"Fn::GetAtt":["Fn","Arn"]}"#)
        #expect(expandedProperty(expansion, "MyApiTokenAuthorizerPermission", "SourceArn")
            == #"{"Fn::Sub":["arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"MyApi"}}]}"#)
        #expect(expansion.findings.isEmpty)
    }

    @Test func globalsAuthorizersGoToTheImplicitAPIUnderTheFunctionsCombinedCondition() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              A: !Equals [a, a]
              B: !Equals [b, b]
            Globals:
              Api:
                Auth:
                  Authorizers:
                    Token: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth}
            Resources:
              One:
                Type: AWS::Serverless::Function
                Condition: A
                DeletionPolicy: Retain
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Get: {Type: Api, Properties: {Path: /one, Method: get}}
              Two:
                Type: AWS::Serverless::Function
                Condition: B
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Get: {Type: Api, Properties: {Path: /two, Method: get}}
            """)
        #expect(expansion.findings.filter { $0.rule == "sam.invalid" }.isEmpty)
        let json = expandedJSON(expansion)
        let permission = (json["Resources"] as? [String: Any])?["ServerlessRestApiTokenAuthorizerPermission"] as? [String: Any]
        #expect(permission?["Condition"] as? String == "ServerlessRestApiCondition")
        #expect(permission?["DeletionPolicy"] as? String == "Retain")
        let condition = (json["Conditions"] as? [String: Any])?["ServerlessRestApiCondition"] as? [String: Any]
        #expect(condition?["Fn::Or"] as? [[String: String]] == [["Condition": "A"], ["Condition": "B"]])
        #expect(expansion.source(of: "ServerlessRestApiTokenAuthorizerPermission") == "One")
    }

    /// The API's checks are errors at the value they are about, in the translator's words.
    @Test func theTranslatorsApiChecksAreLocatedErrors() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Undefined:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Auth:
                    DefaultAuthorizer: Missing
                    Authorizers:
                      Token: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth}
              Request:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Auth:
                    Authorizers:
                      Req: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth, FunctionPayloadType: REQUEST}
              Cors:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Cors: {AllowOrigin: "'*'", Foo: bar}
              Warnings:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  FailOnWarnings: maybe
            """)
        let shown = expansion.findings.filter { $0.rule == "sam.invalid" }.map { "\(source.lineColumn(at: $0.range.start)) \($0.message)" }
        #expect(shown == [
            "8:28 Resource with id [Undefined] is invalid. Unable to set DefaultAuthorizer because 'Missing' was not defined in 'Authorizers'.",
            "17:11 Resource with id [Request] is invalid. Req Authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context.",
            "22:34 Resource with id [Cors] is invalid. Invalid key 'Foo' for 'Cors' property.",
            "27:7 Resource with id [Warnings] is invalid. Type of property 'FailOnWarnings' is invalid.",
        ])
    }

    @Test func anAuthorizersCacheTimeIsReadAsPythonsIntWithoutBounds() {
        // int(1e300) and int("99999999999999999999") are positive to Python; 0.5 truncates to 0,
        // which turns caching off and lifts the need for an Identity source.
        for (ttl, errors) in [("1.0e+300", 1), ("99999999999999999999", 1), ("-99999999999999999999", 0), ("0.5", 0), ("300", 1)] {
            let (expansion, _) = expandSAM("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  A:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: p
                      Auth:
                        Authorizers:
                          L: {FunctionArn: arn:f, FunctionPayloadType: REQUEST, Identity: {ReauthorizeEvery: \(ttl)}}
                """)
            let messages = expansion.findings.filter { $0.rule == "sam.invalid" }.map(\.message)
            #expect(messages.count == errors, "ReauthorizeEvery \(ttl): \(messages)")
            #expect(messages.allSatisfy { $0.contains("L Authorizer must specify Identity with at least one of Headers") })
        }
    }

    @Test func anEventsAuthMustMatchTheAPIs() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Open: {Type: Api, Properties: {Path: /open, Method: get, Auth: {Authorizer: NONE}}}
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Twice: {Type: Api, Properties: {Path: /open, Method: GET}}
            """)
        let shown = expansion.findings.filter { $0.rule == "sam.invalid" }.map { "\(source.lineColumn(at: $0.range.start)) \($0.message)" }
        #expect(shown == [
            "10:85 Resource with id [Fn] is invalid. Event with id [Open] is invalid. Unable to set Authorizer on API method [get] for path [/open] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.",
        ])
        // Without the first event's error, the same path and method twice is the translator's error too.
        let (again, _) = expandSAM(String(decoding: source.bytes, as: UTF8.self).replacingOccurrences(of: ", Auth: {Authorizer: NONE}", with: ""))
        #expect(again.findings.filter { $0.rule == "sam.invalid" }.map(\.message) == [
            "Resource with id [Other] is invalid. Event with id [Twice] is invalid. API method \"get\" defined multiple times for path \"/open\".",
        ])
    }

    @Test func responsesModelsDomainAndUsagePlanAreCheckedAsTheTranslatorDoes() {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Responses:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  GatewayResponses:
                    UNAUTHORIZED: {StatusCode: forbidden}
              Models:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Models: {User: notamap}
              Domain:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Domain: {DomainName: api.example.com, CertificateArn: arn, Route53: {EvaluateTargetHealth: true}}
              Plan:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Auth:
                    UsagePlan: {CreateUsagePlan: PER_API, Limit: 5}
            """)
        let shown = expansion.findings.filter { $0.rule == "sam.invalid" }.map { "\(source.lineColumn(at: $0.range.start)) \($0.message)" }
        #expect(shown == [
            "8:36 Resource with id [Responses] is invalid. Property 'StatusCode' must be numeric",
            "13:22 Resource with id [Models] is invalid. Invalid value for 'Models' property",
            "18:75 Resource with id [Domain] is invalid. HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.",
            "24:47 Resource with id [Plan] is invalid. Invalid property for 'UsagePlan'",
        ])
    }

    /// What the translator reports about the template as a whole has no resource; an API's empty
    /// stage, found through an event, is the API's error.
    @Test func documentErrorsHaveNoResourceAndAnAPIsStageIsItsOwn() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Get: {Type: Api, Properties: {Path: /, Method: get, RestApiId: !Ref Empty}}
              Empty:
                Type: AWS::Serverless::Api
                Properties: {StageName: ""}
              Written:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Auth: {ApiKeyRequired: true}
                  DefinitionBody:
                    swagger: "2.0"
                    paths:
                      /:
                        get: {x-amazon-apigateway-integration: {type: aws_proxy}, security: [api_key]}
            """)
        let shown = expansion.findings.filter { $0.rule == "sam.invalid" }.map { "\($0.resource ?? "-") \($0.message)" }
        #expect(shown == [
            "Empty Resource with id [Empty] is invalid. StageName cannot be empty.",
            "- Structure of the SAM template is invalid. api_key in Security for path / method get is not a valid dictionary.",
        ])
    }
}
