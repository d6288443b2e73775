@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// `AWS::Serverless::WebSocketApi` (samtranslator/model/api/websocket_api_generator.py). The
/// expected values are aws-sam-translator 1.110's output for the same templates.
@Suite struct SAMWebSocketApiTests {
    static let function = """
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          Never: !Equals [a, b]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: s3://bucket/key.zip, Handler: index.h, Runtime: python3.12}

        """

    static func types(_ expansion: SAMExpansion) -> [String: String] {
        let resources = expandedJSON(expansion)["Resources"] as? [String: [String: Any]] ?? [:]
        return resources.compactMapValues { $0["Type"] as? String }
    }

    @Test func routesMakeTheirPermissionsAndTheConnectRouteItsAuthorizer() {
        let (expansion, _) = expandSAM(Self.function + """
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Condition: Never
                Properties:
                  StageName: Prod
                  RouteSelectionExpression: $request.body.action
                  RouteSettings: {$default: {ThrottlingBurstLimit: 10}}
                  Auth: {AuthType: CUSTOM, AuthArn: !GetAtt Fn.Arn, IdentitySource: [route.request.header.Auth]}
                  Routes:
                    $connect: {FunctionArn: !GetAtt Fn.Arn}
                    sendMessage: {FunctionArn: !GetAtt Fn.Arn, IntegrationTimeout: 5000}
            Outputs:
              Stage: {Value: !Ref Chat.Stage}
            """)
        #expect(expansion.findings.isEmpty)
        #expect(Self.types(expansion).filter { $0.key.hasPrefix("Chat") } == [
            "Chat": "AWS::ApiGatewayV2::Api", "ChatProdStage": "AWS::ApiGatewayV2::Stage",
            "ChatConnectRoute": "AWS::ApiGatewayV2::Route", "ChatConnectIntegration": "AWS::ApiGatewayV2::Integration",
            "ChatConnectPermission": "AWS::Lambda::Permission", "ChatConnectAuthorizer": "AWS::ApiGatewayV2::Authorizer",
            "ChatAuthorizerPermission": "AWS::Lambda::Permission",
            // Python's str.capitalize: the rest of the key in lower case.
            "ChatSendmessageRoute": "AWS::ApiGatewayV2::Route", "ChatSendmessageIntegration": "AWS::ApiGatewayV2::Integration",
            "ChatSendmessagePermission": "AWS::Lambda::Permission",
        ])
        #expect(expandedProperty(expansion, "ChatConnectPermission", "SourceArn")
            == #"{"Fn::Sub":"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Chat.ApiId}/Prod/$connect"}"#)
        #expect(expandedProperty(expansion, "ChatSendmessagePermission", "SourceArn")
            == #"{"Fn::Sub":"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Chat.ApiId}/Prod/sendMessage"}"#)
        #expect(expandedProperty(expansion, "ChatAuthorizerPermission", "SourceArn")
            == #"{"Fn::Sub":["arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",{"__ApiId__":{"Ref":"Chat"}}]}"#)
        #expect(expandedProperty(expansion, "ChatConnectAuthorizer", "AuthorizerUri")
            == #"{"Fn::Sub":["arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthArn}/invocations",{"AuthArn":{"Fn::GetAtt":["Fn","Arn"]}}]}"#)
        #expect(expandedProperty(expansion, "ChatSendmessageIntegration", "TimeoutInMillis") == "5000")
        #expect(expandedProperty(expansion, "ChatConnectRoute", "AuthorizationType") == #""CUSTOM""#)
        #expect(expandedProperty(expansion, "ChatConnectRoute", "AuthorizerId") == #"{"Ref":"ChatConnectAuthorizer"}"#)
        #expect(expandedProperty(expansion, "ChatSendmessageRoute", "AuthorizationType") == "none")

        let json = expandedJSON(expansion)
        let resources = json["Resources"] as? [String: [String: Any]] ?? [:]
        // With RouteSettings the stage waits for the routes; the translator carries no Condition.
        #expect(resources["ChatProdStage"]?["DependsOn"] as? [String] == ["ChatConnectRoute", "ChatSendmessageRoute"])
        #expect(resources.filter { $0.key.hasPrefix("Chat") }.allSatisfy { $0.value["Condition"] == nil })
        let output = (json["Outputs"] as? [String: [String: Any]])?["Stage"]?["Value"] as? [String: String]
        #expect(output == ["Ref": "ChatProdStage"])
    }

    @Test func domainsMapBasePathsAndTheLaterApiKeepsTheZonesRecordSetGroup() {
        let (expansion, _) = expandSAM(Self.function + """
              One:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes: {$default: {FunctionArn: !GetAtt Fn.Arn}}
                  Domain:
                    DomainName: one.example.com
                    CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
                    Route53: {HostedZoneId: Z1}
              Two:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes: {$default: {FunctionArn: !GetAtt Fn.Arn}}
                  Tags: {team: chat}
                  PropagateTags: true
                  Domain:
                    DomainName: two.example.com
                    CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
                    BasePath: [/v1/, v2/beta]
                    Route53: {HostedZoneId: Z1, IpV6: true}
            """)
        #expect(expansion.findings.isEmpty)
        let types = Self.types(expansion)
        #expect(types.filter { !$0.key.hasPrefix("One") && !$0.key.hasPrefix("Two") && !$0.key.hasPrefix("Fn") } == [
            "ApiGatewayDomainNameV25636ed5aa9": "AWS::ApiGatewayV2::DomainName",
            "ApiGatewayDomainNameV249f1e0a89b": "AWS::ApiGatewayV2::DomainName",
            "RecordSetGroup0cf6d58763": "AWS::Route53::RecordSetGroup",
        ])
        #expect(expandedProperty(expansion, "OneApiMapping", "Stage") == #"{"Ref":"OneDefaultStage"}"#)
        #expect(expandedProperty(expansion, "OneApiMapping", "ApiMappingKey") == "none")
        #expect(expandedProperty(expansion, "Twov1ApiMapping", "ApiMappingKey") == #""v1""#)
        #expect(expandedProperty(expansion, "Twov2betaApiMapping", "ApiMappingKey") == #""v2/beta""#)
        // The translator gives each WebSocket API its own group: the later one, with its records only, is written.
        let target = #"{"AliasTarget":{"DNSName":{"Fn::GetAtt":["ApiGatewayDomainNameV249f1e0a89b","RegionalDomainName"]},"HostedZoneId":{"Fn::GetAtt":["ApiGatewayDomainNameV249f1e0a89b","RegionalHostedZoneId"]}},"Name":"two.example.com","Type":"#
        #expect(expandedProperty(expansion, "RecordSetGroup0cf6d58763", "RecordSets") == "[\(target)\"A\"},\(target)\"AAAA\"}]")
        let tagged = #"{"team":"chat","websocketapi:createdBy":"SAM"}"#
        #expect(expandedProperty(expansion, "TwoDefaultStage", "Tags") == tagged)
        #expect(expandedProperty(expansion, "ApiGatewayDomainNameV249f1e0a89b", "Tags") == tagged)
        #expect(expandedProperty(expansion, "OneDefaultStage", "Tags") == #"{"websocketapi:createdBy":"SAM"}"#)
    }

    @Test func translatorErrorsPointAtTheirSource() {
        let (expansion, source) = expandSAM(Self.function + """
              BadKey:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes:
                    send-it: {FunctionArn: !GetAtt Fn.Arn}
              NoConnect:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Auth: {AuthType: AWS_IAM}
                  Routes: {$default: {FunctionArn: !GetAtt Fn.Arn}}
              IamExtra:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Auth: {AuthType: AWS_IAM, AuthArn: !GetAtt Fn.Arn}
                  Routes: {$connect: {FunctionArn: !GetAtt Fn.Arn}}
              NoFunction:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes: {$connect: {OperationName: Connect}}
              DefaultStage:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  StageName: $default
                  Routes: {$connect: {FunctionArn: !GetAtt Fn.Arn}}
              NoSelection:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  Routes: {$connect: {FunctionArn: !GetAtt Fn.Arn}}
              BadPath:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes: {$connect: {FunctionArn: !GetAtt Fn.Arn}}
                  Domain: {DomainName: ws.example.com, CertificateArn: arn:cert, BasePath: [v1, 2]}
              Conditional:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes: !If [Never, {$connect: {FunctionArn: !GetAtt Fn.Arn}}, {$default: {FunctionArn: !GetAtt Fn.Arn}}]
            """)
        #expect(samErrors(expansion, source) == [
            "13:9 Resource with id [BadKey] is invalid. Route key 'send-it' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported.",
            "18:7 Resource with id [NoConnect] is invalid. Authorization is only available if there is a $connect route.",
            "24:24 Resource with id [IamExtra] is invalid. No additional configurations supported for AuthType AWS_IAM.",
            "30:16 Resource with id [NoFunction] is invalid. Route must have associated function.",
            "35:7 Resource with id [DefaultStage] is invalid. Stages cannot be named $default for WebSocket APIs.",
            "37:3 Resource with id [NoSelection] is invalid. Missing required property 'RouteSelectionExpression'.",
            "46:85 Resource with id [BadPath] is invalid. Basepath must be a string.",
            // The translator reads the function's name as the one route key.
            "51:15 Resource with id [Conditional] is invalid. Route key 'Fn::If' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported.",
        ])
        #expect(!expansion.findings.contains { $0.rule == SAMRules.notExpanded.id })
    }

    /// A finding on a permission a route made points at the route's `FunctionArn` and names both.
    @Test func findingsOnARoutesPermissionPointAtTheRoute() {
        let lines = validationLines("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes:
                    $connect: {FunctionArn: "arn:aws:lambda:us-east-1:1:function:x"}
            """)
        #expect(lines == [
            "lambda.name-format error 8:33 FunctionName 'arn:aws:lambda:us-east-1:1:function:x' is not a function name, a partial ARN (123456789012:function:name) or a function ARN; a name has only letters, digits, hyphens and underscores (on ChatConnectPermission, generated from Chat)",
        ])
    }
}
