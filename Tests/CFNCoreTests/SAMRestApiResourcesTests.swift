@testable import CFNCore
import CFNLoader
import Foundation
import Testing

/// The RestApi, Deployment and Stage of REST APIs (samtranslator/model/api/api_generator.py) and
/// the Python 2.7 dict order and `repr` their deployment hash depends on. Expected values are
/// aws-sam-translator 1.110's output (and Python's, through its py27hash_fix) for the same input.
@Suite struct SAMRestApiResourcesTests {
    @Test func keysIterateInPython27Order() {
        var keys = Py27Keys()
        for key in ["swagger", "info", "paths", "x-amazon-apigateway-binary-media-types", "securityDefinitions", "definitions"] { keys.add(key) }
        #expect(keys.order == ["info", "paths", "securityDefinitions", "x-amazon-apigateway-binary-media-types", "definitions", "swagger"])
        // Nine keys: the table grows from 8 to 32 slots on the sixth.
        var paths = Py27Keys()
        for key in ["/add", "/complete", "/getlist", "/{proxy+}", "/a", "/b", "/c", "/d", "/e"] { paths.add(key) }
        #expect(paths.order == ["/add", "/d", "/getlist", "/complete", "/e", "/{proxy+}", "/c", "/b", "/a"])
    }

    @Test func textIsShownAsPythonShowsIt() {
        #expect(PyValue.unicodeRepr("it's \"q\" é \\ \n") == #"u'it\'s "q" \xe9 \\ \n'"#)
        #expect(PyValue.unicodeRepr("a'b") == #"u"a'b""#)
        #expect(PyValue.stringRepr("aws_proxy") == "'aws_proxy'")
    }

    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Conditions:
          IsProd: !Equals [!Ref AWS::Region, us-east-1]
          IsDev: !Equals [!Ref AWS::Region, eu-west-1]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: x
              Handler: index.h
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties: {Path: /items, Method: GET}
                Any:
                  Type: Api
                  Properties: {Path: '/items/{id}', Method: any}
          Prod:
            Type: AWS::Serverless::Function
            Condition: IsProd
            Properties:
              InlineCode: x
              Handler: index.h
              Runtime: python3.12
              Events:
                Post:
                  Type: Api
                  Properties: {Path: /orders, Method: post}
          Dev:
            Type: AWS::Serverless::Function
            Condition: IsDev
            Properties:
              InlineCode: x
              Handler: index.h
              Runtime: python3.12
              Events:
                Put:
                  Type: Api
                  Properties: {Path: /orders, Method: put}
          MyApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: v1-beta
              DefinitionUri: s3://bucket/swagger.yaml?versionId=3
              Tags: {team: a}
        Outputs:
          Url:
            Value: !Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod
          Stage:
            Value: !Ref MyApi.Stage

        """

    @Test func implicitAndExplicitApisBecomeTheirRestApiDeploymentAndStage() throws {
        let (expansion, _) = expandSAM(Self.template)
        #expect(expansion.findings.isEmpty)
        let json = expandedJSON(expansion)
        let resources = try #require(json["Resources"] as? [String: [String: Any]])
        let made = resources.filter { ($0.value["Type"] as? String)?.hasPrefix("AWS::ApiGateway::") ?? false }
        #expect(made.mapValues { $0["Type"] as? String ?? "" } == [
            "ServerlessRestApi": "AWS::ApiGateway::RestApi",
            "ServerlessRestApiDeployment1db9c0c36b": "AWS::ApiGateway::Deployment",
            "ServerlessRestApiProdStage": "AWS::ApiGateway::Stage",
            "MyApi": "AWS::ApiGateway::RestApi",
            "MyApiDeployment969d7db812": "AWS::ApiGateway::Deployment",
            "MyApiStage2817521297": "AWS::ApiGateway::Stage",
        ])
        let deployment = try #require(made["MyApiDeployment969d7db812"]?["Properties"] as? [String: Any])
        #expect(deployment["Description"] as? String == "RestApi deployment id: 969d7db81203785a5a24ed765711eaa564b49143")
        let body = try #require((made["MyApi"]?["Properties"] as? [String: Any])?["BodyS3Location"] as? [String: String])
        #expect(body == ["Bucket": "bucket", "Key": "swagger.yaml", "Version": "3"])
        let stage = try #require(made["MyApiStage2817521297"]?["Properties"] as? [String: Any])
        #expect(stage["StageName"] as? String == "v1-beta")
        #expect(SAMConformanceTests.canonical(stage["Tags"]) == SAMConformanceTests.canonical([["Key": "team", "Value": "a"]]))
        // `MyApi.Stage` names the stage; the path whose methods all have a condition takes both.
        let outputs = try #require(json["Outputs"] as? [String: [String: Any]])
        #expect(SAMConformanceTests.canonical(outputs["Stage"]?["Value"]) == SAMConformanceTests.canonical(["Ref": "MyApiStage2817521297"]))
        let conditions = try #require(json["Conditions"] as? [String: Any])
        #expect(SAMConformanceTests.canonical(conditions["ServerlessRestApiSLASHordersPathCondition"])
            == SAMConformanceTests.canonical(["Fn::Or": [["Condition": "IsDev"], ["Condition": "IsProd"]]]))
        let paths = try #require(((made["ServerlessRestApi"]?["Properties"] as? [String: Any])?["Body"] as? [String: Any])?["paths"] as? [String: Any])
        let orders = try #require((paths["/orders"] as? [String: Any])?["Fn::If"] as? [Any])
        #expect(orders.first as? String == "ServerlessRestApiSLASHordersPathCondition")
        let anyMethod = try #require((paths["/items/{id}"] as? [String: Any])?["x-amazon-apigateway-any-method"] as? [String: Any])
        let integration = try #require(anyMethod["x-amazon-apigateway-integration"] as? [String: Any])
        #expect(SAMConformanceTests.canonical(integration["uri"]) == SAMConformanceTests.canonical(
            ["Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"]))
    }

    @Test func anAliasIsWhatTheIntegrationInvokes() throws {
        let (expansion, _) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  AutoPublishAlias: live
                  Events:
                    Get:
                      Type: Api
                      Properties: {Path: /, Method: get}
            """)
        let resources = try #require(expandedJSON(expansion)["Resources"] as? [String: [String: Any]])
        // The translator's ID: the alias's ARN is plain text to Python, not the template's.
        #expect(resources["ServerlessRestApiDeployment7723f2b3c2"] != nil, "\(resources.keys.sorted())")
        let body = try #require((resources["ServerlessRestApi"]?["Properties"] as? [String: Any])?["Body"] as? [String: Any])
        let get = try #require(((body["paths"] as? [String: Any])?["/"] as? [String: Any])?["get"] as? [String: Any])
        #expect(SAMConformanceTests.canonical((get["x-amazon-apigateway-integration"] as? [String: Any])?["uri"]) == SAMConformanceTests.canonical(
            ["Fn::Sub": "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FnAliaslive}/invocations"]))
    }

    @Test func anApiUsingWhatIsNotWrittenYetStaysAsWrittenAndSaysWhy() throws {
        let (expansion, source) = expandSAM("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.h
                  Runtime: python3.12
                  Events:
                    Get:
                      Type: Api
                      Properties: {Path: /, Method: get, RestApiId: !Ref MyApi}
              MyApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MergeDefinitions: true
            """)
        let shown = expansion.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-")" }
        #expect(shown == ["sam.partly-expanded 10:9 Fn", "sam.partly-expanded 13:3 MyApi"])
        #expect(expansion.findings[0].message.hasSuffix("the REST API resources it adds to are not generated (MyApi: its MergeDefinitions is not written yet)"))
        #expect(expansion.findings[1].message.contains("because its MergeDefinitions is not written yet"))
        let resources = try #require(expandedJSON(expansion)["Resources"] as? [String: [String: Any]])
        #expect(resources["MyApi"]?["Type"] as? String == "AWS::Serverless::Api")
    }
}
