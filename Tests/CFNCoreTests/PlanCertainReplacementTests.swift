import CFNCore
import CFNLoader
import Testing

/// A resource replaced because a resource it names is certainly replaced is replaced for certain:
/// `conditional` is for actions that depend on what planning cannot know.
@Suite struct PlanCertainReplacementTests {
    static let base = """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              Role: arn:aws:iam::123456789012:role/r
              Code: {S3Bucket: bkt, S3Key: k.zip}
          V1:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: !Ref Fn
          Live:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref Fn
              Name: live
              FunctionVersion: !GetAtt V1.Version

        """

    /// Each change as `ID action conditional`, then each detail's `path reason requiresReplacement`.
    static func describe(_ base: String, _ head: String) throws -> [String] {
        let pair = try PlanInputPair(base, head)
        return Planner().plan(base: pair.base, head: pair.head).changes.map { change in
            ([("\(change.logicalId) \(change.action.rawValue) \(change.conditional)")]
                + change.details.map { "\($0.path) \($0.reason.rawValue) \($0.requiresReplacement.rawValue)" }).joined(separator: " | ")
        }
    }

    @Test func aNamedFunctionReplacesItsVersionAndAliasForCertain() throws {
        // The reviewer's case: a FunctionName added replaces Fn, and `!Ref Fn` (not known before,
        // the name after) in the create-only FunctionName of the version and the alias with it.
        let head = Self.base.replacingOccurrences(of: "      Handler: a.b\n", with: "      Handler: a.b\n      FunctionName: my-fn\n")
        #expect(try Self.describe(Self.base, head) == [
            "Fn replace false | FunctionName direct always",
            "Live replace false | FunctionName reference always | FunctionVersion reference never",
            "V1 replace false | FunctionName reference always",
        ])
        // Under a Condition, the version's replacement is as conditional as the version.
        let conditions = "Parameters:\n  On: {Type: String}\nConditions:\n  Yes: !Equals [!Ref On, yes]\n"
        let guarded = { (text: String) in
            conditions + text.replacingOccurrences(of: "    Type: AWS::Lambda::Version\n", with: "    Type: AWS::Lambda::Version\n    Condition: Yes\n")
                .replacingOccurrences(of: "!GetAtt V1.Version", with: "!If [Yes, !GetAtt V1.Version, $LATEST]")
        }
        #expect(try Self.describe(guarded(Self.base), guarded(head)).last == "V1 replace true | FunctionName reference always")
    }
}
