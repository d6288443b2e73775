import CFNCore
import Testing

/// Values under Fn::If: each branch is checked under its condition, and the condition is named.
@Suite struct SchemaConditionTests {
    @Test func bothBranchesOfAChoiceAreChecked() {
        #expect(schemaFindings(function("MemorySize: !If [IsProd, 40000, 64]", "Runtime: !If [IsProd, python3.12, python9]")) == [
            "schema.range 7:32 MemorySize must be at most 32768 (got 40000) (when IsProd)",
            "schema.range 7:39 MemorySize must be at least 128 (got 64) (when not IsProd)",
            "schema.enum 8:41 Runtime 'python9' is not one of the 46 allowed values (closest: python3.9, python2.7, python3.6) (when not IsProd)",
        ])
    }

    @Test func nestedChoicesAndTheResourceGuardCombine() {
        #expect(schemaFindings(function("Timeout: !If [A, !If [B, 0, 5], 1000]"), when: Guard([ConditionLiteral("Deployed", holds: true)])) == [
            "schema.range 7:32 Timeout must be at least 1 (got 0) (when A and B and Deployed)",
            "schema.range 7:39 Timeout must be at most 900 (got 1000) (when not A and Deployed)",
        ])
    }

    @Test func contradictoryBranchesAreNotReported() {
        // The inner `not IsProd` branch cannot be reached inside `IsProd`.
        #expect(schemaFindings(function("Timeout: !If [IsProd, !If [IsProd, 5, 0], 5]")).isEmpty)
    }

    @Test func anUnsatisfiableGuardSuppressesTheFinding() {
        let text = function("MemorySize: !If [IsProd, 40000, 256]", "Timeout: !If [IsDev, 1000, 3]")
        #expect(schemaFindings(text).count == 2)
        // IsProd can never hold (say, its definition is false for every parameter value).
        let oracle = ImpossibleConditions(impossible: [Guard([ConditionLiteral("IsProd", holds: true)])])
        #expect(schemaFindings(text, oracle: oracle) == ["schema.range 8:28 Timeout must be at most 900 (got 1000) (when IsDev)"])
        // Nothing at all is reported for a resource that can never exist.
        let never = ImpossibleConditions(impossible: [Guard([ConditionLiteral("Never", holds: true)])])
        #expect(schemaFindings(text, when: Guard([ConditionLiteral("Never", holds: true)]), oracle: never).isEmpty)
    }

    @Test func aRequiredPropertyMissingInOneBranchIsReportedWithThatBranch() {
        #expect(schemaFindings("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !If [HasRole, arn:aws:iam::123456789012:role/r, !Ref AWS::NoValue]
                  Code: {ZipFile: x}
                  EphemeralStorage: {Size: !If [Big, 10240, !Ref AWS::NoValue]}

            """) == [
            // At the Fn::If that removes it, where a rule about the same property (lambda.role) reports too.
            "schema.required 5:13 missing required property 'Role' of AWS::Lambda::Function (when not HasRole)",
            "schema.required 7:32 missing required property 'Size' in EphemeralStorage (when not Big)",
        ])
    }

    @Test func aChoiceOfWholePropertiesChecksEachBranch() {
        #expect(schemaFindings("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties: !If
                  - IsProd
                  - {Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}, MemorySize: 99999}
                  - {Role: arn:aws:iam::123456789012:role/r}

            """) == [
            "schema.range 6:82 MemorySize must be at most 32768 (got 99999) (when IsProd)",
            "schema.required 7:9 missing required property 'Code' of AWS::Lambda::Function (when not IsProd)",
        ])
    }

    @Test func unknownPropertiesAndItemCountsFollowTheBranches() {
        let layer = "arn:aws:lambda:us-east-1:123456789012:layer:l"
        #expect(schemaFindings(function(
            "Handlr: !If [Old, x, !Ref AWS::NoValue]",
            "Architectures: [!If [Arm, arm64, !Ref AWS::NoValue]]",
            "Layers: [\((1...5).map { "\(layer):\($0)" }.joined(separator: ", ")), !If [Extra, \(layer):6, !Ref AWS::NoValue]]"
        )) == [
            "schema.additional-property 7:7 unknown property 'Handlr' of AWS::Lambda::Function (did you mean 'Handler'?) (when Old)",
            "schema.items 8:22 Architectures must have at least 1 item (got 0) (when not Arm)",
            "schema.items 9:15 Layers must have at most 5 items (got 6) (when Extra)",
        ])
    }

    @Test func anyOfFailsOnlyWhereEveryFormFails() {
        #expect(schemaFindings(resource("AWS::IAM::Policy",
            "PolicyName: p",
            "PolicyDocument: {}",
            "Roles: !If [HasRoles, [r], !Ref AWS::NoValue]",
            "Users: !If [HasUsers, [u], !Ref AWS::NoValue]"
        )) == [
            "schema.combinator 5:7 AWS::IAM::Policy needs at least one of Users, Groups, Roles (when not HasRoles and not HasUsers)",
        ])
    }

    @Test func dependentExclusionUnderConditions() {
        #expect(schemaFindings(resource("AWS::S3::Bucket",
            "LifecycleConfiguration:",
            "  Rules:",
            "    - Status: Enabled",
            "      ObjectSizeLessThan: !If [Small, '1024', !Ref AWS::NoValue]",
            "      AbortIncompleteMultipartUpload: !If [Abort, {DaysAfterInitiation: 7}, !Ref AWS::NoValue]"
        )) == [
            "schema.dependency 9:13 AbortIncompleteMultipartUpload cannot be used together with ObjectSizeLessThan in LifecycleConfiguration.Rules[0] (when Abort and Small)",
        ])
    }
}
