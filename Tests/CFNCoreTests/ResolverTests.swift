import CFNCore
import CFNLoader
import Testing

/// Resolves `Outputs.V.Value` of a template and describes the result compactly.
func resolveOutput(_ text: String, _ settings: ValidationSettings = ValidationSettings()) throws -> String {
    let loaded = LoadedTemplate(bytes: Array(text.utf8))
    let template = try #require(loaded.template)
    let context = RuleContext(template: template, settings: settings)
    let outputs = try #require(template.section(.outputs))
    let output = try #require(template.tree.value(forKey: "V", in: outputs))
    let value = try #require(template.tree.value(forKey: "Value", in: output))
    return describe(context.resolver.resolve(value))
}

func describe(_ value: Resolved) -> String {
    switch value.kind {
    case .scalar(let text, let isString): return isString ? "'\(text)'" : text
    case .list(let elements): return "[" + elements.map(describe).joined(separator: ", ") + "]"
    case .map(let entries): return "{" + entries.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
    case .unknown(let why): return "unknown(\(why.dependsOn.joined(separator: ",")))"
    case .noValue: return "novalue"
    case .choice(let condition, let then, let otherwise): return "if \(condition) then \(describe(then)) else \(describe(otherwise))"
    }
}

let header = """
    Parameters:
      Stage: {Type: String, AllowedValues: [dev, prod]}
      Size: {Type: Number, Default: 256}
      Subnets: {Type: CommaDelimitedList, Default: "subnet-1, subnet-2"}
      Secret: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/secret}
    Mappings:
      Memory: {dev: {Size: 128}, prod: {Size: 1024}}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
      IsBig: !Equals [!Ref Size, 256]
    Resources:
      Fn: {Type: AWS::Lambda::Function}

    """

@Suite struct ResolverTests {
    @Test(arguments: [
        ("!Ref Size", "256"),
        ("!Ref Stage", "unknown(Stage)"),
        ("!Ref Subnets", "['subnet-1', 'subnet-2']"),
        ("!Ref Secret", "unknown(Secret)"),
        ("!Ref Fn", "unknown(Fn)"),
        ("!GetAtt Fn.Arn", "unknown(Fn)"),
        ("!Ref AWS::Region", "unknown(AWS::Region)"),
        ("!Sub '${AWS::StackName}-x'", "unknown(AWS::StackName)"),
        ("!Sub 'size-${Size}-${!Literal}'", "'size-256-${Literal}'"),
        ("!Sub ['${A}/${B}', {A: a, B: !Ref Size}]", "'a/256'"),
        ("!Join [',', [a, !Ref Size]]", "'a,256'"),
        ("!Join [',', !Ref Subnets]", "'subnet-1,subnet-2'"),
        ("!Select [1, !Ref Subnets]", "'subnet-2'"),
        ("!Split ['|', 'a|b||c']", "['a', 'b', '', 'c']"),
        ("!FindInMap [Memory, dev, Size]", "128"),
        ("!FindInMap [Memory, !Ref Stage, Size]", "if Stage=dev then 128 else if Stage=prod then 1024 else unknown(Stage)"),
        ("!FindInMap [Memory, !Ref AWS::Region, Size]", "if AWS::Region=dev then 128 else if AWS::Region=prod then 1024 else unknown(AWS::Region)"),
        ("!If [IsProd, 1024, 128]", "if IsProd then 1024 else 128"),
        ("!If [IsBig, 1024, 128]", "1024"),
        ("!If [IsProd, !Ref AWS::NoValue, x]", "if IsProd then novalue else x"),
        ("[a, !Ref AWS::NoValue, b]", "[a, b]"),
        ("{A: !Ref AWS::NoValue, B: 1}", "{B: 1}"),
        ("!Base64 'hello'", "'aGVsbG8='"),
        ("!ToJsonString {A: [1, 'x'], B: true}", "'{\"A\":[1,\"x\"],\"B\":true}'"),
        ("!Length [a, b, c]", "3"),
        ("!ImportValue shared", "unknown()"),
        ("!Equals [!Ref Size, 256]", "true"),
    ])
    func functionsEvaluateWhenTheirInputsAreKnown(_ expression: String, _ expected: String) throws {
        #expect(try resolveOutput(header + "Outputs:\n  V: {Value: \(expression)}\n") == expected)
    }

    @Test func findInMapOnABoundedParameterReachesEachValueOnce() throws {
        let template = try #require(LoadedTemplate(bytes: Array((header + "Outputs:\n  V: {Value: !FindInMap [Memory, !Ref Stage, Size]}\n").utf8)).template)
        let context = RuleContext(template: template, settings: ValidationSettings())
        let outputs = try #require(template.section(.outputs))
        let output = try #require(template.tree.value(forKey: "V", in: outputs))
        let node = try #require(template.tree.value(forKey: "Value", in: output))
        let alternatives = context.resolver.resolve(node).alternatives(under: .always, context.conditionSet)
        // Stage is dev or prod: the unknown else-branch cannot be reached.
        #expect(alternatives.map { "\($0.guardCondition) → \($0.value.map(describe) ?? "absent")" }
                == ["when Stage=dev → 128", "when Stage=prod → 1024"])
    }

    @Test func mapKeysAreFoundAsWritten() {
        // Keys of every length, the one asked for last; one spelt with a combining mark (other
        // UTF-8 bytes, canonically equivalent) is another key, as CloudFormation compares keys.
        let map = Resolved(.map(["A", "Runtime", "Größe", "SecurityGroupIds", "Role"].map {
            ResolvedEntry(key: $0, keyNode: nil, value: .string("value of \($0)"))
        }), node: nil)
        #expect(map["Role"]?.text == "value of Role")
        #expect(map["SecurityGroupIds"]?.text == "value of SecurityGroupIds")
        #expect(map["Größe"]?.text == "value of Größe")
        #expect(map["Gro\u{308}ße"] == nil)
        #expect(map["Rol"] == nil)
        #expect(map["role"] == nil)
        #expect(map[""] == nil)
    }

    @Test func givenParametersWinOverDefaults() throws {
        let settings = ValidationSettings(parameters: ["Size": "512", "Stage": "prod"])
        #expect(try resolveOutput(header + "Outputs:\n  V: {Value: !Ref Size}\n", settings) == "512")
        #expect(try resolveOutput(header + "Outputs:\n  V: {Value: !If [IsProd, a, b]}\n", settings) == "a")
        #expect(try resolveOutput(header + "Outputs:\n  V: {Value: !FindInMap [Memory, !Ref Stage, Size]}\n", settings) == "1024")
    }

    @Test func pseudoParametersFollowTheRegion() throws {
        let settings = ValidationSettings(region: "cn-north-1", accountId: "123456789012", stackName: "orders")
        let value = "!Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${AWS::StackName}.${AWS::URLSuffix}'"
        #expect(try resolveOutput(header + "Outputs:\n  V: {Value: \(value)}\n", settings)
                == "'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders.amazonaws.com.cn'")
        #expect(PseudoParameters.partition(of: "us-gov-west-1") == "aws-us-gov")
        #expect(PseudoParameters.partition(of: "eu-west-1") == "aws")
    }

    @Test func subSyntaxErrors() {
        #expect(SubTemplate.parse("a-${b").failureMessage == "'${' at character 3 is never closed with '}'")
        #expect(SubTemplate.parse("${}").failureMessage == "empty variable '${}' at character 1")
        #expect(SubTemplate.parse("x${!y}z").successParts == [.text("x${y}z")])
        // Escapes and variables in turn: each literal part is the text between variables, escapes undone.
        #expect(SubTemplate.parse("a${!b}c${!d}e${f}g${!h}").successParts
                == [.text("a${b}c${d}e"), .variable("f", offset: 15), .text("g${h}")])
        #expect(SubTemplate.parse("${!a}${b}").successParts == [.text("${a}"), .variable("b", offset: 7)])
        #expect(SubTemplate.parse("é${A.B}").successParts == [.text("é"), .variable("A.B", offset: 4)])
    }
}

extension Result where Success == SubTemplate, Failure == SubTemplate.SyntaxError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }

    var successParts: [SubTemplate.Part]? {
        if case .success(let sub) = self { return sub.parts }
        return nil
    }
}
