import CFNCore
import Testing

/// CloudFormation's scalar conversions, and values that are not known.
@Suite struct SchemaCoercionTests {
    @Test func integersAcceptNumericTextQuotedOrNot() {
        #expect(schemaFindings(function("MemorySize: \"128\"", "Timeout: '30'", "ReservedConcurrentExecutions: +0")).isEmpty)
        #expect(schemaFindings(function("MemorySize: \"abc\"", "Timeout: '3.0'", "ReservedConcurrentExecutions: 0x10")) == [
            "schema.type 7:19 MemorySize must be an integer (got 'abc')",
            "schema.type 8:16 Timeout must be an integer (got '3.0')",
            "schema.type 9:37 ReservedConcurrentExecutions must be an integer (got '0x10')",
        ])
        // Quoted numeric text is still range-checked.
        #expect(schemaFindings(function("MemorySize: \"64\"")) == ["schema.range 7:19 MemorySize must be at least 128 (got 64)"])
    }

    @Test func numbersAcceptDecimalText() {
        let config = { (value: String) in
            function("CapacityProviderConfig:",
                     "  LambdaManagedInstancesCapacityProviderConfig:",
                     "    CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp",
                     "    ExecutionEnvironmentMemoryGiBPerVCpu: \(value)")
        }
        #expect(schemaFindings(config("2")).isEmpty)
        #expect(schemaFindings(config("'2.5'")).isEmpty)
        #expect(schemaFindings(config("8e0")).isEmpty)
        #expect(schemaFindings(config("inf")) == [
            "schema.type 10:49 CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu must be a number (got 'inf')",
        ])
        #expect(schemaFindings(config("0x4")) == [
            "schema.type 10:49 CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu must be a number (got '0x4')",
        ])
    }

    @Test func booleansAcceptTrueAndFalseInAnyCase() {
        #expect(schemaFindings(function("PublishToLatestPublished: \"TRUE\"")).isEmpty)
        #expect(schemaFindings(function("PublishToLatestPublished: False")).isEmpty)
        #expect(schemaFindings(function("PublishToLatestPublished: 1")) == [
            "schema.type 7:33 PublishToLatestPublished must be a boolean (true or false) (got '1')",
        ])
    }

    @Test func stringsAcceptAnyScalarButNoContainer() {
        #expect(schemaFindings(function("Description: true", "Handler: 12", "Environment: {Variables: {PORT: 8080, DEBUG: true}}")).isEmpty)
        #expect(schemaFindings(function("Description: {a: b}", "Handler: [x]")) == [
            "schema.type 7:20 Description must be a string (got a mapping)",
            "schema.type 8:16 Handler must be a string (got a list)",
        ])
    }

    @Test func unknownValuesAreNeverReported() {
        #expect(schemaFindings("""
            Parameters: {Memory: {Type: Number}, Bucket: {Type: String}}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Role.Arn
                  Code: {S3Bucket: !Ref Bucket, S3Key: !Sub "${AWS::StackName}.zip"}
                  MemorySize: !Ref Memory
                  Runtime: !FindInMap [Runtimes, Python, Latest]
                  Layers: !Split [",", !Ref Layers]
                  Architectures: [!Ref Arch]
                  Tags: [!Ref Tag, !Ref Tag]
                  Environment: !If [HasEnv, {Variables: !Ref Vars}, !Ref AWS::NoValue]
              Everything:
                Type: AWS::Lambda::Function
                Properties: !GetAtt Other.Properties

            """).isEmpty)
    }

    @Test func noValueIsAnAbsentProperty() {
        #expect(schemaFindings(function("Handlr: !Ref AWS::NoValue", "MemorySize: !Ref AWS::NoValue")).isEmpty)
        #expect(schemaFindings("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !Ref AWS::NoValue
                  Code: {ZipFile: x}

            """) == ["schema.required 4:5 missing required property 'Role' of AWS::Lambda::Function"])
    }
}
