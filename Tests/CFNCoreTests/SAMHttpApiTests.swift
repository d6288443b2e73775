@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `AWS::Serverless::HttpApi`: its authorizers' permissions and the translator's checks of the API
/// and of the HttpApi events that add routes to it (samtranslator/model/api/http_api_generator.py,
/// model/apigatewayv2.py, model/eventsources/push.py).
@Suite struct SAMHttpApiTests {
    static let functions = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            CodeUri: s3://bucket/key.zip
            Handler: index.h
            Runtime: python3.12
        Resources:
          AuthFn:
            Type: AWS::Serverless::Function

        """

    @Test func aLambdaAuthorizerAskingForItGetsItsPermission() {
        let (expansion, source) = expandSAM(Self.functions + """
              Api:
                Type: AWS::Serverless::HttpApi
                Condition: IsProd
                Properties:
                  Auth:
                    DefaultAuthorizer: Granted
                    Authorizers:
                      Granted:
                        FunctionArn: !GetAtt AuthFn.Arn
                        AuthorizerPayloadFormatVersion: "2.0"
                        EnableFunctionDefaultPermissions: true
                      Refused:
                        FunctionArn: !GetAtt AuthFn.Arn
                        AuthorizerPayloadFormatVersion: "2.0"
                        EnableFunctionDefaultPermissions: false
                      Unsaid:
                        FunctionArn: !GetAtt AuthFn.Arn
                        AuthorizerPayloadFormatVersion: "2.0"
                      Jwt:
                        JwtConfiguration: {issuer: https://example.com, audience: [a]}
                        IdentitySource: $request.header.Authorization
            """)
        #expect(samErrors(expansion, source).isEmpty)
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        #expect(resources.keys.filter { $0.hasSuffix("AuthorizerPermission") } == ["ApiGrantedAuthorizerPermission"])
        #expect(expandedProperty(expansion, "ApiGrantedAuthorizerPermission", "FunctionName") == #"{"Fn::GetAtt":["AuthFn","Arn"]}"#)
        #expect(expandedProperty(expansion, "ApiGrantedAuthorizerPermission", "SourceArn")
            == #"{"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"Api"}}]}"#)
        #expect(expandedProperty(expansion, "ApiGrantedAuthorizerPermission", "Principal") == #""apigateway.amazonaws.com""#)
        #expect((resources["ApiGrantedAuthorizerPermission"] as? [String: Any])?["Condition"] as? String == "IsProd")
        // The API is made, its stage too, and nothing is left unexpanded.
        #expect((resources["Api"] as? [String: Any])?["Type"] as? String == "AWS::ApiGatewayV2::Api")
        #expect((resources["ApiApiGatewayDefaultStage"] as? [String: Any])?["Condition"] as? String == "IsProd")
        #expect(expandedJSON(expansion)["Transform"] == nil)
        #expect(expansion.findings.filter { $0.rule == "sam.partly-expanded" }.isEmpty)
        // A finding on the permission points at the authorizer it is for.
        #expect(place(expansion, source, "ApiGrantedAuthorizerPermission") == "17:11")
    }

    @Test func theApiIsCheckedAsTheTranslatorChecksIt() {
        let (expansion, source) = expandSAM(Self.functions + """
              NotAMap:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth: {Authorizers: [a]}
              NoArn:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      Lambda: {AuthorizerPayloadFormatVersion: "2.0"}
              Undefined:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Missing
                    Authorizers:
                      Jwt: {JwtConfiguration: {issuer: x}, IdentitySource: y}
              Headers:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      Lambda: {FunctionArn: arn, AuthorizerPayloadFormatVersion: "2.0", Identity: {Headers: [Authorization, 1]}}
              CorsFromS3:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionUri: s3://bucket/api.yaml
                  CorsConfiguration: true
              BadTags:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionBody: {openapi: 3.0.1, paths: {}, tags: {name: a}}
              Typed:
                Type: AWS::Serverless::HttpApi
                Properties:
                  FailOnWarnings: yes please
            """)
        #expect(samErrors(expansion, source) == [
            "13:27 Resource with id [NotAMap] is invalid. Property 'Auth.Authorizers' should be a map.",
            "19:11 Resource with id [NoArn] is invalid. Lambda Lambda Authorizer must define 'FunctionArn'.",
            "24:28 Resource with id [Undefined] is invalid. Unable to set DefaultAuthorizer because 'Missing' was not defined in 'Authorizers'.",
            "32:113 Resource with id [Headers] is invalid. Property 'Authorizers.Lambda.Identity.Headers[1]' should be a string.",
            "37:7 Resource with id [CorsFromS3] is invalid. Cors works only with inline OpenApi specified in 'DefinitionBody' property.",
            "41:23 Resource with id [BadTags] is invalid. Structure of the SAM template is invalid. Tags in OpenApi DefinitionBody needs to be a list. {'name': 'a'} is a dict not a list.",
            "45:7 Resource with id [Typed] is invalid. Type of property 'FailOnWarnings' is invalid.",
        ])
    }

    @Test func eventsNeedAnAuthorizerTheApiDefinesAndARouteOnce() {
        let (expansion, source) = expandSAM(Self.functions + """
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      Known: {FunctionArn: arn, AuthorizerPayloadFormatVersion: "2.0"}
              Unknown:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /a, Method: get, Auth: {Authorizer: Other}}}
              NoneWithoutDefault:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /b, Method: get, Auth: {Authorizer: NONE}}}
              Known:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /c, Method: get, Auth: {Authorizer: Known}}}
              First:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Any: {Type: HttpApi}
              Second:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Any: {Type: HttpApi}
            """)
        #expect(samErrors(expansion, source) == [
            "20:83 Resource with id [Unknown] is invalid. Event with id [Get] is invalid. Unable to set Authorizer [Other] on API method [get] for path [/a] because it wasn't defined in the API's Authorizers.",
            "25:83 Resource with id [NoneWithoutDefault] is invalid. Event with id [Get] is invalid. Unable to set Authorizer on API method [get] for path [/b] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.",
            "40:9 Resource with id [Second] is invalid. Event with id [Any] is invalid. API method 'x-amazon-apigateway-any-method' defined multiple times for path '$default'.",
        ])
    }

    @Test func anEventOnAnApiWithAnInvalidBodyIsTheApisError() {
        let (expansion, source) = expandSAM(Self.functions + """
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionBody: {info: {title: t}}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    A: {Type: HttpApi, Properties: {ApiId: !Ref Api}}
                    B: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /b, Method: get}}
            """)
        #expect(samErrors(expansion, source) == [
            "13:23 Resource with id [Api] is invalid. Structure of the SAM template is invalid. Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'.",
        ])
    }
}
