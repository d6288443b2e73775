@testable import CFNCore
import CFNLoader
import Testing

/// A written OpenAPI body of an `AWS::Serverless::HttpApi` whose parts the translator reads or
/// edits must have the shape it expects (samtranslator/open_api/open_api.py). Each case is one
/// aws-sam-translator 1.110 rejects, with its message, or fails on with a Python error (a list or
/// a string where it indexes a mapping), which cfn-lambda names; the error is at the bad value.
@Suite struct SAMHttpApiDocumentTests {
    /// An API with the given settings and body (from line 8) and one function whose event adds `GET /a` to it.
    static func errors(settings: String = "FailOnWarnings: false", body: String, event: String = "") -> [String] {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  \(settings)
                  DefinitionBody:
                    openapi: 3.0.1
                    \(body)
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    E:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /a, Method: get\(event)}
            """)
        return samErrors(expansion, source)
    }

    static let prefix = "Resource with id [Api] is invalid. Structure of the SAM template is invalid. "
    static let iam = "Auth: {EnableIamAuthorizer: true, DefaultAuthorizer: AWS_IAM}"

    @Test func componentsMustBeAMap() {
        #expect(Self.errors(body: "components: [1]\n        paths: {/a: {get: {}}}") == [
            "9:21 " + Self.prefix + "Invalid OpenApi document: The value of 'components' should be a map",
        ])
        #expect(Self.errors(settings: Self.iam, body: "components: {securitySchemes: [1]}\n        paths: {/a: {get: {}}}") == [
            "9:39 " + Self.prefix + "Value of 'components.securitySchemes' must be a dictionary according to Swagger spec.",
        ])
        // Without authorizers the schemes are not edited; a null `components` is absent.
        #expect(Self.errors(body: "components: {securitySchemes: [1]}\n        paths: {/a: {get: {}}}").isEmpty)
        #expect(Self.errors(body: "components:\n        paths: {/a: {get: {}}}").isEmpty)
    }

    @Test func pathsAndMethodsMustBeMaps() {
        #expect(Self.errors(body: "paths: [1]") == [
            "8:9 Resource with id [Api] is invalid. Structure of the SAM template is invalid. Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'.",
        ])
        #expect(Self.errors(body: "paths: {/a: [1]}") == [
            "9:21 " + Self.prefix + "Value of '/a' path must be a dictionary according to Swagger spec.",
        ])
        #expect(Self.errors(body: "paths: {/a: {get: [1]}}") == [
            "9:27 " + Self.prefix + "Definition of method 'get' for path '/a' should be a map.",
        ])
        #expect(Self.errors(body: "paths: {/a: {get: x}}") == [
            "9:27 " + Self.prefix + "Definition of method 'get' for path '/a' should be a map.",
        ])
        #expect(Self.errors(settings: "Auth: {EnableIamAuthorizer: true}", body: "paths: {/a: {get: {security: {a: 1}}}}",
                            event: ", Auth: {Authorizer: AWS_IAM}") == [
            "9:38 " + Self.prefix + "Type of security for path /a method get must be a list",
        ])
        #expect(Self.errors(body: "paths: {/a: {get: }}").isEmpty)
    }

    @Test func tagsAndServersMustBeMaps() {
        #expect(Self.errors(body: "tags: [x]\n        paths: {/a: {get: {}}}") == [
            "9:15 " + Self.prefix + "Each tag in OpenApi DefinitionBody needs to be a map. 'x' is a str not a map.",
        ])
        // The tag SAM adds is found before the bad one.
        #expect(Self.errors(body: "tags: [{name: 'httpapi:createdBy'}, x]\n        paths: {/a: {get: {}}}").isEmpty)
        #expect(Self.errors(settings: "DisableExecuteApiEndpoint: true", body: "servers: x\n        paths: {/a: {get: {}}}") == [
            "9:18 " + Self.prefix + "Value of 'servers' item must be a dictionary according to Swagger spec.",
        ])
        #expect(Self.errors(settings: "DisableExecuteApiEndpoint: true",
                            body: "servers: [{url: u, x-amazon-apigateway-endpoint-configuration: [1]}]\n        paths: {/a: {get: {}}}") == [
            "9:18 " + Self.prefix + "Value of 'x-amazon-apigateway-endpoint-configuration' must be a dictionary according to Swagger spec.",
        ])
        #expect(Self.errors(body: "servers: x\n        paths: {/a: {get: {}}}").isEmpty)
        #expect(Self.errors(settings: "DisableExecuteApiEndpoint: true", body: "servers: []\n        paths: {/a: {get: {}}}").isEmpty)
    }

    @Test func infoMustBeAMapForANameOrDescription() {
        #expect(Self.errors(settings: "Description: d", body: "info: x\n        paths: {/a: {get: {}}}") == [
            "8:9 Resource with id [Api] is invalid. Invalid 'DefinitionBody': The value of 'info' should be a map'.",
        ])
        #expect(Self.errors(settings: "Name: n", body: "info: [1]\n        paths: {/a: {get: {}}}") == [
            "8:9 Resource with id [Api] is invalid. Invalid 'DefinitionBody': The value of 'info' should be a map.",
        ])
        #expect(Self.errors(body: "info: x\n        paths: {/a: {get: {}}}").isEmpty)
    }

    /// An event's `RouteSettings` are merged into the API's under the route's key: the API's settings
    /// and the route's entry are mappings the translator updates (a null one it rejects, a route's
    /// entry of another shape fails it with a Python error).
    @Test func routeSettingsTheEventMergesIntoMustBeMaps() {
        let body = "paths: {/a: {get: {}}}"
        #expect(Self.errors(settings: "RouteSettings:", body: body, event: ", RouteSettings: {ThrottlingBurstLimit: 1}") == [
            "6:7 Resource with id [Api] is invalid. Property 'RouteSettings' should be a map.",
        ])
        #expect(Self.errors(settings: "RouteSettings: {GET /a: [1]}", body: body, event: ", RouteSettings: {ThrottlingBurstLimit: 1}") == [
            "6:31 Resource with id [Api] is invalid. Property 'RouteSettings.GET /a' should be a map.",
        ])
        #expect(Self.errors(settings: "RouteSettings: {GET /b: [1]}", body: body, event: ", RouteSettings: {ThrottlingBurstLimit: 1}").isEmpty)
        #expect(Self.errors(settings: "RouteSettings:", body: body).isEmpty)
    }
}
