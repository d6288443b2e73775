@testable import CFNCore
import CFNLoader
import Testing

/// What an S3 event writes into its bucket and a Cognito event into its user pool: the values are
/// the translator's (SAMBeyondLambdaTests); here, where they point, the errors on the bucket, and
/// what a plan shows.
@Suite struct SAMS3EventTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              CodeUri: s3://bucket/fn.zip
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Bucket
                    Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]
                SignUp:
                  Type: Cognito
                  Properties:
                    UserPool: !Ref Pool
                    Trigger: PreSignUp
          Bucket:
            Type: AWS::S3::Bucket
            DependsOn: Other
            Properties:
              BucketName: uploads
          Other:
            Type: AWS::SNS::Topic
          Pool:
            Type: AWS::Cognito::UserPool
            Properties:
              UserPoolName: users

        """

    @Test func theBucketAndThePoolGetWhatTheEventsWriteWhereTheEventsAre() throws {
        let (expansion, source) = expandSAM(Self.template)
        #expect(expansion.findings.isEmpty)
        let template = try #require(expansion.template)
        let tree = template.tree
        let configurations = try #require(expandedNode(expansion, "Bucket", "Properties", "NotificationConfiguration", "LambdaConfigurations"))
        #expect(tree.elements(configurations).map { tree.value(forKey: "Event", in: $0).flatMap(tree.string) } == ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"])
        // The bucket's own values stay where they are written; what the event adds points at the event.
        #expect(place(expansion, source, "Bucket", "Properties", "BucketName") == "24:19")
        #expect(place(expansion, source, "Bucket", "Properties", "NotificationConfiguration") == "10:9")
        let dependsOn = try #require(expandedNode(expansion, "Bucket", "DependsOn"))
        #expect(tree.elements(dependsOn).compactMap(tree.string) == ["Other", "FnUploadPermission"])
        let trigger = try #require(expandedNode(expansion, "Pool", "Properties", "LambdaConfig", "PreSignUp"))
        #expect(tree.intrinsic(trigger)?.function == .getAtt)
        #expect(place(expansion, source, "Pool", "Properties", "LambdaConfig", "PreSignUp") == "19:22")
        #expect(place(expansion, source, "Pool", "Properties", "UserPoolName") == "30:21")
    }

    @Test func theTranslatorsErrorsNameTheBucketOrTheEvent() {
        func errors(_ from: String, _ to: String) -> [String] {
            let (expansion, source) = expandSAM(Self.template.replacingOccurrences(of: from, with: to))
            return expansion.findings.map { "\(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-") \($0.message)" }
        }
        #expect(errors("    DependsOn: Other\n", "    DependsOn: {Other: 1}\n") == [
            "22:16 FnUpload Resource with id [FnUpload] is invalid. Invalid type for field 'DependsOn'. Expected a string or list of strings.",
        ])
        #expect(errors("      BucketName: uploads\n", "      NotificationConfiguration: [x]\n") == [
            "24:7 Bucket Resource with id [Bucket] is invalid. Property 'NotificationConfiguration' should be a map.",
        ])
        #expect(errors("Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]", "Events: !Ref Kinds") == [
            // The translator's words: the event's `from_dict` names the resource it would make.
            "14:13 Fn Resource with id [FnUpload] is invalid. Type of property 'Events' is invalid.",
        ])
    }

    /// Adding an S3 event to a function updates the bucket in place: its notification configuration.
    @Test func planShowsTheBucketNotification() throws {
        let base = Self.template.replacingOccurrences(of: "            Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]\n", with: "")
            .replacingOccurrences(of: "        Upload:\n          Type: S3\n          Properties:\n            Bucket: !Ref Bucket\n", with: "")
        let lines = try SAMPlanSourceTests.describe(base, Self.template).filter { !$0.contains(" none ") }
        #expect(lines == [
            "Bucket update - @20:3 | NotificationConfiguration @10:9",
            "FnUploadPermission create Fn AWS::Serverless::Function @3:3",
        ])
    }
}
