import CFNCore
import CFNLoader
import Foundation
import Testing

/// A REST API's `Auth` and its events' `Auth` in the Swagger SAM writes, against aws-sam-translator
/// 1.110's output for the same templates (the deployment IDs and bodies below are the translator's):
/// security definitions, each method's `security`, AWS_IAM credentials, and the deployment hash.
@Suite struct SAMRestApiAuthTests {
    /// A Lambda TOKEN authorizer as the default, a Cognito one with scopes, `ApiKeyRequired`, an
    /// event with AWS_IAM and its `InvokeRole` (and `ApiKeyRequired: false`), and one with `NONE`.
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties:
                    RestApiId: !Ref MyApi
                    Path: /items
                    Method: get
                Post:
                  Type: Api
                  Properties:
                    RestApiId: !Ref MyApi
                    Path: /items
                    Method: post
                    Auth:
                      Authorizer: AWS_IAM
                      InvokeRole: arn:aws:iam::123456789012:role/caller
                      ApiKeyRequired: false
                Open:
                  Type: Api
                  Properties:
                    RestApiId: !Ref MyApi
                    Path: /open
                    Method: any
                    Auth:
                      Authorizer: NONE
          MyApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: dev
              Auth:
                DefaultAuthorizer: Token
                ApiKeyRequired: true
                Authorizers:
                  Token:
                    FunctionArn: !GetAtt Fn.Arn
                    Identity:
                      Header: X-Token
                      ValidationExpression: "^Bearer .+$"
                      ReauthorizeEvery: 60
                  Pool:
                    UserPoolArn: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/a, arn:aws:cognito-idp:us-east-1:123456789012:userpool/b]
                    AuthorizationScopes: [read]

        """

    static func body(_ expansion: SAMExpansion) -> [String: Any] {
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any]
        return ((resources?["MyApi"] as? [String: Any])?["Properties"] as? [String: Any])?["Body"] as? [String: Any] ?? [:]
    }

    static func json(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return "none" }
        return String(decoding: data, as: UTF8.self)
    }

    static func apiGatewayIds(_ expansion: SAMExpansion) -> [String] {
        let resources = expandedJSON(expansion)["Resources"] as? [String: Any] ?? [:]
        return resources.filter { (($0.value as? [String: Any])?["Type"] as? String)?.hasPrefix("AWS::ApiGateway::") ?? false }.keys.sorted()
    }

    @Test func theAuthorizersAndEachMethodsSecurityAreWrittenAsTheTranslatorWritesThem() {
        let (expansion, _) = expandSAM(Self.template)
        #expect(expansion.findings.isEmpty)
        #expect(Self.apiGatewayIds(expansion) == ["MyApi", "MyApiDeployment8085369a67", "MyApidevStage"])
        let body = Self.body(expansion)
        let paths = body["paths"] as? [String: Any]
        let items = paths?["/items"] as? [String: Any]
        let method = { (path: [String: Any]?, name: String) in path?[name] as? [String: Any] }
        // The default authorizer and the API key on a method without auth of its own.
        #expect(Self.json(method(items, "get")?["security"]) == #"[{"Token":[]},{"api_key":[]}]"#)
        // AWS_IAM kept over the default; `ApiKeyRequired: false` keeps the API key off.
        #expect(Self.json(method(items, "post")?["security"]) == #"[{"AWS_IAM":[]}]"#)
        #expect(Self.json((method(items, "post")?["x-amazon-apigateway-integration"] as? [String: Any])?["credentials"])
            == #""arn:aws:iam::123456789012:role/caller""#)
        // `NONE` leaves no security to set, so the marker stays, and the API key is added after it.
        #expect(Self.json(method(paths?["/open"] as? [String: Any], "x-amazon-apigateway-any-method")?["security"])
            == #"[{"NONE":[]},{"api_key":[]}]"#)
        let definitions = body["securityDefinitions"] as? [String: Any]
        #expect(definitions?.keys.sorted() == ["AWS_IAM", "Pool", "Token", "api_key"])
        #expect(Self.json(definitions?["Token"]) == #"{"in":"header","name":"X-Token","type":"apiKey","x-amazon-apigateway-authorizer":{"authorizerResultTtlInSeconds":60,"authorizerUri":{"Fn::Sub":["arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations",{"__FunctionArn__":{"Fn::GetAtt":["Fn","Arn"]}}]},"identityValidationExpression":"^Bearer .+$","type":"token"},"x-amazon-apigateway-authtype":"custom"}"#)
        #expect(Self.json(definitions?["Pool"]) == #"{"in":"header","name":"Authorization","type":"apiKey","x-amazon-apigateway-authorizer":{"providerARNs":["arn:aws:cognito-idp:us-east-1:123456789012:userpool/a","arn:aws:cognito-idp:us-east-1:123456789012:userpool/b"],"type":"cognito_user_pools"},"x-amazon-apigateway-authtype":"cognito_user_pools"}"#)
        #expect(Self.json(definitions?["AWS_IAM"]) == #"{"in":"header","name":"Authorization","type":"apiKey","x-amazon-apigateway-authtype":"awsSigv4"}"#)
        #expect(Self.json(definitions?["api_key"]) == #"{"in":"header","name":"x-api-key","type":"apiKey"}"#)
    }

    @Test func aChangedAuthorizerChangesTheBodyAndTheDeployment() throws {
        let head = Self.template.replacingOccurrences(of: "Header: X-Token", with: "Header: X-Other-Token")
        let (expansion, _) = expandSAM(head)
        #expect(Self.apiGatewayIds(expansion) == ["MyApi", "MyApiDeployment484fef2cc1", "MyApidevStage"])
        let plan = try SAMPlanSourceTests.describe(Self.template, head).filter { $0.hasPrefix("MyApi") }
        #expect(plan.contains { $0.hasPrefix("MyApi update MyApi AWS::Serverless::Api") && $0.contains("| Body") })
        #expect(plan.contains { $0.hasPrefix("MyApiDeployment8085369a67 delete MyApi") })
        #expect(plan.contains { $0.hasPrefix("MyApiDeployment484fef2cc1 create MyApi") })
    }

    /// `add_apikey_security_definition` merges its key (`dict.update`): Python 2.7 makes room for it
    /// first, which orders these five written definitions and `api_key` otherwise than adding it would.
    @Test func theAPIKeyDefinitionIsMergedIntoWrittenDefinitionsAsPython27Does() {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
              MyApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  Auth:
                    ApiKeyRequired: true
                  DefinitionBody:
                    swagger: "2.0"
                    info: {title: api, version: "1"}
                    securityDefinitions:
                      A: {type: apiKey, name: a, in: header}
                      B: {type: apiKey, name: b, in: header}
                      C: {type: apiKey, name: c, in: header}
                      H: {type: apiKey, name: h, in: header}
                      Key2: {type: apiKey, name: k, in: header}
                    paths:
                      /items:
                        get:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            httpMethod: POST
                            uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                          responses: {}

            """)
        #expect(expansion.findings.isEmpty)
        #expect(Self.apiGatewayIds(expansion) == ["MyApi", "MyApiDeploymentb2f669e36b", "MyApidevStage"])
        let items = (Self.body(expansion)["paths"] as? [String: Any])?["/items"] as? [String: Any]
        #expect(Self.json((items?["get"] as? [String: Any])?["security"]) == #"[{"api_key":[]}]"#)
    }

    @Test func aResourcePolicyStillLeavesTheAPIAsWrittenAndSaysWhy() {
        let (expansion, _) = expandSAM(Self.template.replacingOccurrences(of: "        ApiKeyRequired: true\n",
                                                                          with: "        ApiKeyRequired: true\n        ResourcePolicy: {IpRangeWhitelist: [1.2.3.4]}\n"))
        #expect(Self.apiGatewayIds(expansion).isEmpty)
        #expect(expansion.findings.contains { $0.rule == "sam.partly-expanded" && $0.message.contains("its Auth.ResourcePolicy is not written yet") })
    }
}
