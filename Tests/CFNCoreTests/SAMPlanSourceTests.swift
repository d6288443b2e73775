import CFNCore
import CFNLoader
import Testing

/// Plans of SAM templates name the SAM resource each change comes from and point where the user
/// edits it: the SAM resource's logical ID, and for a detail the SAM property or `Globals` line.
@Suite struct SAMPlanSourceTests {
    static let base = """
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
          Other:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/other.zip
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/other
          Queue:
            Type: AWS::SQS::Queue

        """

    static let head = base
        .replacingOccurrences(of: "    Runtime: python3.12\n", with: "    Runtime: python3.12\n    VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}\n")
        .replacingOccurrences(of: "v1.zip", with: "v2.zip")

    /// `id action source @line:column`, then each detail's `path @line:column`.
    static func describe(_ base: String, _ head: String) throws -> [String] {
        let validator = Validator()
        let baseResolved = try #require(validator.prepare(file: "base.yaml", bytes: Array(base.utf8)).resolved)
        let prepared = validator.prepare(file: "head.yaml", bytes: Array(head.utf8))
        let headResolved = try #require(prepared.resolved)
        let text = prepared.loaded.source
        func at(_ range: SourceRange?) -> String {
            range.map { "@\(text.lineColumn(at: $0.start).line):\(text.lineColumn(at: $0.start).column)" } ?? "@-"
        }
        return Planner().plan(base: baseResolved, head: headResolved).changes.map { change in
            let source = change.source.map { "\($0.resource) \($0.type)" } ?? "-"
            return (["\(change.logicalId) \(change.action.rawValue) \(source) \(at(change.range))"]
                + change.details.map { "\($0.path) \(at($0.range))" }).joined(separator: " | ")
        }
    }

    /// Version IDs are aws-sam-translator 1.110's for these templates.
    @Test func eachChangeNamesItsSAMResourceAndPointsAtWhatTheUserEdits() throws {
        #expect(try Self.describe(Self.base, Self.head) == [
            // HEAD's lines: the function's code from its CodeUri, VpcConfig from the Globals line,
            // the alias's version from AutoPublishAlias, the role's VPC policy from the function.
            "Fn update Fn AWS::Serverless::Function @7:3 | Code/S3Key @10:16 | VpcConfig @5:16",
            "FnAliaslive update Fn AWS::Serverless::Function @7:3 | FunctionVersion @12:7",
            "FnRole update Fn AWS::Serverless::Function @7:3 | ManagedPolicyArns @7:3",
            // The old version is not in HEAD: it points at its SAM function, which is.
            "FnVersion5f8b93ece1 delete Fn AWS::Serverless::Function @7:3",
            "FnVersionb3e8643a1c create Fn AWS::Serverless::Function @7:3",
            "Other update Other AWS::Serverless::Function @13:3 | VpcConfig @5:16",
            "Queue none - @19:3",
        ])
    }

    @Test func aResourceGoneWithItsSAMResourcePointsNowhere() throws {
        let head = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue

            """
        #expect(try Self.describe(Self.base, head) == [
            "Fn delete Fn AWS::Serverless::Function @-",
            "FnAliaslive delete Fn AWS::Serverless::Function @-",
            "FnRole delete Fn AWS::Serverless::Function @-",
            "FnVersion5f8b93ece1 delete Fn AWS::Serverless::Function @-",
            "Other delete Other AWS::Serverless::Function @-",
            "Queue none - @2:3",
        ])
    }
}
