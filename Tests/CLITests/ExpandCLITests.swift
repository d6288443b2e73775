import Foundation
import Testing

@Suite struct ExpandCLITests {
    static let sam = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 10
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/fn.zip
              Handler: index.handler
              Runtime: python3.12
              AutoPublishAlias: !Ref Stage
        Parameters:
          Stage: {Type: String, Default: live}

        """

    /// The version ID is what aws-sam-translator 1.110 makes of this template with Stage=prod.
    @Test func printsTheProcessedTemplateWithLongForms() throws {
        let scratch = try Scratch(["t.yaml": Self.sam])
        let result = try CLI.run(["expand", "--parameters", "Stage=prod", scratch.path("t.yaml")])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["Transform"] == nil && json["Globals"] == nil)
        let resources = try #require(json["Resources"] as? [String: [String: Any]])
        #expect(Set(resources.keys) == ["Fn", "FnRole", "FnVersiond5f1c8e6f4", "FnAliasprod"])
        #expect(resources["FnVersiond5f1c8e6f4"]?["DeletionPolicy"] as? String == "Retain")
        let function = try #require(resources["Fn"]?["Properties"] as? [String: Any])
        #expect(function["Timeout"] as? Int == 10)
        #expect((function["Role"] as? [String: [String]]) == ["Fn::GetAtt": ["FnRole", "Arn"]])
        #expect(result.stdout.contains("\"Fn::GetAtt\": [\n"))
    }

    @Test func yamlOutputReadsBackAsTheSameTemplate() throws {
        let scratch = try Scratch(["t.yaml": Self.sam])
        let yaml = try CLI.run(["expand", "--format", "yaml", scratch.path("t.yaml")])
        #expect(yaml.status == 0)
        let again = try Scratch(["p.yaml": yaml.stdout])
        let fromYAML = try CLI.run(["expand", again.path("p.yaml")])
        let direct = try CLI.run(["expand", scratch.path("t.yaml")])
        #expect(fromYAML.status == 0)
        #expect(fromYAML.stdout == direct.stdout)
    }

    @Test func aTemplateWithoutTheTransformIsPrintedAsLoaded() throws {
        let scratch = try Scratch(["t.yaml": "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {DelaySeconds: 5, QueueName: !Sub 'q-${AWS::Region}'}\n"])
        let result = try CLI.run(["expand", scratch.path("t.yaml")])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {
              "Resources": {
                "Q": {
                  "Type": "AWS::SQS::Queue",
                  "Properties": {
                    "DelaySeconds": 5,
                    "QueueName": {
                      "Fn::Sub": "q-${AWS::Region}"
                    }
                  }
                }
              }
            }

            """)
    }

    @Test func transformErrorsAreLocatedAndExitOne() throws {
        let scratch = try Scratch(["t.yaml": "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: python3.12\n"])
        let result = try CLI.run(["expand", scratch.path("t.yaml")])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("t.yaml:3:3: error: Resource with id [Fn] is invalid. Only one of 'InlineCode' or 'CodeUri' can be set. [sam.invalid]"))
        let missing = try CLI.run(["expand", scratch.path("missing.yaml")])
        #expect(missing.status == 66)
    }
}
