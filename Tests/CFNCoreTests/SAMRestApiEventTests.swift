@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// What an `Api` event reads of the REST API it names (samtranslator: implicit_api_plugin.py and
/// push.py `resources_to_link_for_rest_api`).
@Suite struct SAMRestApiEventTests {
    @Test func thePermissionIsSuffixedWithTheExplicitAPIsStage() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: {Type: String, Default: beta}
            Globals:
              Api:
                StageName: fromglobals
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Implicit: {Type: Api, Properties: {Path: /, Method: get}}
                    Named: {Type: Api, Properties: {Path: /a, Method: get, RestApiId: !Ref Plain}}
                    ByParameter: {Type: Api, Properties: {Path: /b, Method: get, RestApiId: Parameterized}}
                    FromGlobals: {Type: Api, Properties: {Path: /c, Method: get, RestApiId: !Ref NoStage}}
                    Hyphen: {Type: Api, Properties: {Path: /d, Method: get, RestApiId: !Ref Hyphen}}
              Plain:
                Type: AWS::Serverless::Api
                Properties: {StageName: dev}
              Parameterized:
                Type: AWS::Serverless::Api
                Properties: {StageName: !Ref Stage}
              NoStage:
                Type: AWS::Serverless::Api
              Hyphen:
                Type: AWS::Serverless::Api
                Properties: {StageName: hoge-fuga}
            """)
        let permissions = (expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]).keys.filter { $0.contains("Permission") }.sorted()
        // A non-alphanumeric stage is hashed: SHA-1 of "hoge-fuga", first 10 hex digits.
        #expect(permissions == [
            "FnByParameterPermissionStage", "FnFromGlobalsPermissionfromglobals", "FnHyphenPermission\(SHA1.hexDigest("hoge-fuga").prefix(10))",
            "FnImplicitPermissionProd", "FnNamedPermissiondev",
        ])
    }

    @Test func anHttpApiEventMustNameAnApiOfTheTemplate() {
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
                    Route: {Type: HttpApi, Properties: {ApiId: !Ref Nowhere}}
            """)
        #expect(samErrors(expansion, source) == [
            "10:45 Resource with id [Fn] is invalid. Event with id [Route] is invalid. ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.",
        ])
    }

    @Test func anApiEventMustNameARestApiOfTheTemplate() {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Imported:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  Events:
                    Get:
                      Type: Api
                      Properties:
                        Path: /
                        Method: get
                        RestApiId: !ImportValue shared-api
              Missing:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  Events:
                    Get:
                      Type: Api
                      Properties: {Path: /, Method: get, RestApiId: !Ref Nowhere}
            """
        let (expansion, source) = expandSAM(text)
        #expect(samErrors(expansion, source) == [
            "15:13 Resource with id [Imported] is invalid. Event with id [Get] is invalid. Property 'RestApiId' should be a string.",
            "25:46 Resource with id [Missing] is invalid. Event with id [Get] is invalid. RestApiId must be a valid reference to an 'AWS::Serverless::Api' resource in same template.",
        ])
    }
}
