import Foundation
import Testing

/// validate and plan on SAM templates: the rules check the expanded Lambda resources, findings
/// point at the SAM source and name the SAM resource, and plan sees the resources CloudFormation
/// will see.
@Suite struct SAMValidatePlanCLITests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            MemorySize: 999999
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/fn.zip
              Handler: index.handler
              Runtime: python3.12
              Policies:
                - SQSPollerPolicy:
                    QueueName: !Ref MissingQueue
              Events:
                Stream:
                  Type: Kinesis
                  Properties:
                    Stream: !GetAtt MissingStream.Arn
                    StartingPosition: LATEST
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: prod}

        """

    @Test func findingsPointAtTheSAMSourceAndNameTheSAMResource() throws {
        let scratch = try Scratch(["t.yaml": Self.template])
        let result = try CLI.run(["validate", "--format", "json", scratch.path("t.yaml")])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let shown = findings.map { finding in
            "\(finding["rule"] as? String ?? "") \(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0) \(finding["resource"] as? String ?? "-")"
        }
        // MemorySize from Globals; the policy template's parameter; the event's stream (the API is expanded).
        #expect(shown == [
            "lambda.memory-size 4:17 Fn",
            "reference.undefined 14:29 Fn",
            "reference.undefined 19:29 Fn",
        ])
        let messages = findings.compactMap { $0["message"] as? String }
        #expect(messages[1].hasSuffix("(on FnRole, generated from Fn)"))
        #expect(messages[2].hasSuffix("(on FnStream, generated from Fn)"))
        #expect(!result.stdout.contains("template.serverless-not-expanded"))
    }

    static let published = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/v1.zip
              Handler: index.handler
              AutoPublishAlias: live

        """

    @Test func functionNameAddedReplacesAndGlobalsVpcConfigMakesNetworkInterfaces() throws {
        let head = Self.published.replacingOccurrences(of: "    Runtime: python3.12\n", with: """
                Runtime: python3.12
                VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}

            """).replacingOccurrences(of: "      CodeUri:", with: "      FunctionName: orders\n      CodeUri:")
        let scratch = try Scratch(["base.yaml": Self.published, "head.yaml": head])
        let result = try CLI.run(["plan", "--format", "json", scratch.path("base.yaml"), scratch.path("head.yaml")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        let function = try #require(changes.first { $0["logicalId"] as? String == "Fn" })
        #expect(function["action"] as? String == "replace")
        #expect(function["causes"] as? [String] == ["FunctionName", "VpcConfig"])
        let role = try #require(changes.first { $0["logicalId"] as? String == "FnRole" })
        #expect(role["action"] as? String == "update")
        let enis = try #require(json["enis"] as? [String: Any])
        let created = try #require(enis["create"] as? [[String: Any]])
        #expect(created.count == 1)
        #expect(created.first?["subnetId"] as? String == "subnet-1")
        #expect(created.first?["functions"] as? [String] == ["Fn"])
    }
}
