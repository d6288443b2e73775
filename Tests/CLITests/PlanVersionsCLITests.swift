import Foundation
import Testing

/// Function versions through the CLI: a version dropped with DeletionPolicy Retain is `delete` with
/// `retained: true` and keeps counting; a version left unchanged under new code is a warning.
@Suite struct PlanVersionsCLITests {
    static let sizes = #"{"s3://code/fn-1.zip": 10485760, "s3://code/fn-2.zip": 20971520}"#

    static func template(code: String, version: String, policy: String) -> String {
        """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {S3Bucket: code, S3Key: \(code)}
          \(version):
            Type: AWS::Lambda::Version
            DeletionPolicy: \(policy)
            Properties:
              FunctionName: !Ref Fn

        """
    }

    @Test func aRetainedVersionIsADeleteThatKeepsItsCode() throws {
        let scratch = try Scratch(["base.yaml": Self.template(code: "fn-1.zip", version: "V1", policy: "Retain"),
                                   "head.yaml": Self.template(code: "fn-2.zip", version: "V2", policy: "Retain"),
                                   "deleted.yaml": Self.template(code: "fn-1.zip", version: "V1", policy: "Delete"),
                                   "sizes.json": Self.sizes])
        let result = try CLI.run(["plan", "-f", "json", "--artifact-sizes", "sizes.json", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: changes.compactMap { change in (change["logicalId"] as? String).map { ($0, change) } })
        #expect(byId["V1"]?["action"] as? String == "delete")
        #expect(byId["V1"]?["retained"] as? Bool == true)
        #expect(byId["V1"]?["storageDeltaBytes"] as? Int == 0)
        #expect(byId["V2"]?["retained"] as? Bool == false)
        #expect(byId["V2"]?["storageDeltaBytes"] as? Int == 20_971_520)
        #expect((object["storage"] as? [String: Any])?["deltaBytes"] as? Int == 31_457_280)
        // Without Retain the old version is deleted and frees its copy.
        let deleted = try CLI.run(["plan", "-f", "json", "--artifact-sizes", "sizes.json", "deleted.yaml", "head.yaml"], in: scratch.url)
        #expect(deleted.stdout.contains(#"{"logicalId":"V1","type":"AWS::Lambda::Version","action":"delete","conditional":false,"causes":[],"details":[],"storageDeltaBytes":-10485760,"source":null,"location":null,"retained":false,"deletedWithFunction":null,"logicalIdFromPackaging":false}"#))
        #expect(deleted.stdout.contains(#""deltaBytes":20971520"#))
    }

    @Test func anUnchangedVersionUnderNewCodeIsAWarning() throws {
        let scratch = try Scratch(["base.yaml": Self.template(code: "fn-1.zip", version: "V1", policy: "Retain"),
                                   "head.yaml": Self.template(code: "fn-2.zip", version: "V1", policy: "Retain")])
        let result = try CLI.run(["plan", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("head.yaml:13:21: warning: function Fn's code changes (Code/S3Key) but version V1 is unchanged"))
        #expect(result.stdout.hasSuffix("[plan.version-not-published]\n"))
    }
}
