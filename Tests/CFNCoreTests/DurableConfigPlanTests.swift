import Testing

/// `DurableConfig` is in the Function schema's `conditionalCreateOnlyProperties`: adding or removing
/// it replaces the function; changing it replaces it only when CloudFormation cannot update it.
@Suite struct DurableConfigPlanTests {
    static func function(_ durable: String) -> String {
        """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {S3Bucket: b, S3Key: k.zip}
        \(durable)
        """
    }

    @Test func addingOrRemovingItReplaces() throws {
        let without = Self.function("")
        let with = Self.function("      DurableConfig: {ExecutionTimeout: 3600}\n")
        #expect(try planChanges(without, with) == [#"Fn replace | DurableConfig absent -> {"ExecutionTimeout":3600} direct always"#])
        #expect(try planChanges(with, without) == [#"Fn replace | DurableConfig {"ExecutionTimeout":3600} -> absent direct always"#])
    }

    @Test func changingItMayReplace() throws {
        let before = Self.function("      DurableConfig: {ExecutionTimeout: 3600}\n")
        let after = Self.function("      DurableConfig: {ExecutionTimeout: 7200}\n")
        #expect(try planChanges(before, after) == ["Fn replace conditional | DurableConfig/ExecutionTimeout 3600 -> 7200 direct conditional"])
    }
}
