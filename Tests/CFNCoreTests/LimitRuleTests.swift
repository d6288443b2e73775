import CFNCore
import CFNLoader
import Testing

/// Runs one rule and lists its findings as `rule severity line:column path :: message`.
private func run(_ rule: any TemplateRule, _ text: String, _ settings: ValidationSettings = ValidationSettings()) -> [String] {
    let report = Validator(settings: settings, rules: [rule], checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.filter { $0.rule == type(of: rule).descriptor.id }.map { finding in
        "\(finding.rule) \(finding.severity) \(report.source.lineColumn(at: finding.range.start)) \(finding.pathString ?? "-") :: \(finding.message)"
    }
}

/// Two independent conditions, IsProd and IsLarge, and the given extra parameter declarations.
private func conditions(_ parameters: String = "") -> String {
    """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, prod]}
      Size: {Type: String, AllowedValues: [small, large]}
    \(parameters)Conditions:
      IsProd: !Equals [!Ref Stage, prod]
      IsLarge: !Equals [!Ref Size, large]

    """
}

@Suite struct LimitRuleTests {
    @Test func memoryUnderConditionsAndFromParameters() {
        let text = conditions("  Memory: {Type: Number, Default: 64}\n") + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: !If [IsLarge, "12288", 1024]
              Param:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: !Ref Memory
            """
        #expect(run(MemorySizeRule(), text) == [
            "lambda.memory-size error 12:33 Resources/Fn/Properties/MemorySize/Fn::If/1 :: MemorySize 12288 is above Lambda's maximum of 10240 MB; set at most 10240, or run the function on Lambda Managed Instances (CapacityProviderConfig), which allow up to 32768 MB (when IsLarge)",
            "lambda.memory-size error 16:19 Resources/Param/Properties/MemorySize :: MemorySize 64 is below Lambda's minimum of 128 MB; set at least 128",
        ])
    }

    @Test func memoryWithACapacityProviderNotKnown() {
        let text = """
            Parameters:
              Provider: {Type: String}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  MemorySize: 20480
                  CapacityProviderConfig: !Ref Provider
            """
        // CapacityProviderConfig is there (its value is not known): up to 32768 MB.
        #expect(run(MemorySizeRule(), text).isEmpty)
    }

    @Test func timeoutAndStorageMessages() {
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: -5
                  EphemeralStorage: {Size: 10240.5}
            """
        #expect(run(TimeoutRule(), text) == [
            "lambda.timeout error 5:16 Resources/Fn/Properties/Timeout :: Timeout -5 is below Lambda's minimum of 1 second; set Timeout between 1 and 900",
        ])
        #expect(run(EphemeralStorageRule(), text) == [
            "lambda.ephemeral-storage error 6:32 Resources/Fn/Properties/EphemeralStorage/Size :: EphemeralStorage.Size 10240.5 is above Lambda's maximum of 10240 MB; set a Size between 512 and 10240",
        ])
        // Not numbers as written here: left to the schema rules.
        #expect(run(TimeoutRule(), "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Timeout: 0x400}\n").isEmpty)
    }

    @Test func environmentSizeCountsJSONBytes() {
        // {"K":"<2040 × é><5 × \">"} = 1 + 3 + 1 + (2 + 4080 + 10) + 1 = 4098 bytes.
        let value = String(repeating: "é", count: 2040) + String(repeating: "\"", count: 5)
        let text = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      K: '\(value)'
            """
        #expect(run(EnvironmentSizeRule(), text) == [
            "lambda.environment-size error 7:11 Resources/Fn/Properties/Environment/Variables :: environment variables of function Fn take 4098 bytes as Lambda measures them (keys and values as JSON); Lambda allows at most 4096 (4 KB): keep large values in SSM Parameter Store, Secrets Manager or S3 and pass their names",
        ])
        // Three quotes fewer: 4092 bytes.
        #expect(run(EnvironmentSizeRule(), text.replacingOccurrences(of: "\"\"\"\"\"", with: "\"\"")).isEmpty)
    }

    @Test func environmentSizeAtTheLimitWithAnUnknownValue() {
        // {"A":"","K":"<N × x>"}: the unknown A counts as empty, so 1 + 7 + (N + 7) = N + 15 bytes.
        func text(_ count: Int) -> String {
            """
            Parameters:
              Token: {Type: String}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables: {A: !Ref Token, K: '\(String(repeating: "x", count: count))'}
            """
        }
        #expect(run(EnvironmentSizeRule(), text(4_081)).isEmpty)
        #expect(run(EnvironmentSizeRule(), text(4_082)) == [
            "lambda.environment-size error 8:20 Resources/Fn/Properties/Environment/Variables :: environment variables of function Fn take at least 4097 bytes as Lambda measures them (keys and values as JSON); Lambda allows at most 4096 (4 KB): keep large values in SSM Parameter Store, Secrets Manager or S3 and pass their names",
        ])
    }

    @Test func environmentSizeTakesTheLargestCombinationThatCanHold() {
        let big = String(repeating: "b", count: 2100)
        let text = conditions() + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties:
                  Environment: !If
                    - IsLarge
                    - Variables:
                        A: '\(big)'
                        B: !If [IsProd, '\(big)', small]
                    - Variables:
                        A: small
            """
        // {"A":"…","B":"…"} = 1 + (4 + 2102 + 1) + (4 + 2102) + 1 = 4215 bytes.
        #expect(run(EnvironmentSizeRule(), text) == [
            "lambda.environment-size error 15:13 Resources/Fn/Properties/Environment/Fn::If/1/Variables :: environment variables of function Fn take 4215 bytes as Lambda measures them (keys and values as JSON); Lambda allows at most 4096 (4 KB): keep large values in SSM Parameter Store, Secrets Manager or S3 and pass their names (when IsLarge and IsProd)",
        ])
    }

    @Test func reservedKeysInsideAConditionalEnvironment() {
        let text = conditions() + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment: !If
                    - IsProd
                    - Variables: {LAMBDA_TASK_ROOT: /var/task, TABLE: orders}
                    - !Ref AWS::NoValue
            """
        #expect(run(ReservedEnvironmentVariableRule(), text) == [
            "lambda.environment-reserved error 13:23 Resources/Fn/Properties/Environment/Fn::If/1/Variables/LAMBDA_TASK_ROOT :: environment variable LAMBDA_TASK_ROOT is reserved by Lambda, which sets it itself; rename the variable (when IsProd)",
        ])
    }

    @Test func functionNamesFromParameters() {
        let text = conditions("  Name: {Type: String}\n") + """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Ref Name
              Copy:
                Type: AWS::Lambda::Function
                Condition: IsProd
                Properties:
                  FunctionName: !Sub '${Name}'
            """
        #expect(run(FunctionNameUniqueRule(), text).isEmpty)
        #expect(run(FunctionNameUniqueRule(), text, ValidationSettings(parameters: ["Name": "orders"])) == [
            "lambda.function-name-unique error 17:21 Resources/Copy/Properties/FunctionName :: FunctionName 'orders' is also the name of function Fn; function names are unique in an account and region: rename one, or leave FunctionName out to get a generated name (when IsProd)",
        ])
        let long = String(repeating: "n", count: 65)
        #expect(run(FunctionNameLengthRule(), text, ValidationSettings(parameters: ["Name": long])) == [
            "lambda.function-name-length error 12:21 Resources/Fn/Properties/FunctionName :: FunctionName '\(long)' is 65 characters; Lambda allows at most 64: shorten it",
            "lambda.function-name-length error 17:21 Resources/Copy/Properties/FunctionName :: FunctionName '\(long)' is 65 characters; Lambda allows at most 64: shorten it (when IsProd)",
        ])
    }
}
