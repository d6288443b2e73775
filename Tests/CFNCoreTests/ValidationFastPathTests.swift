import CFNCore
import CFNLoader
import Testing

/// The shortcuts `validate` takes on large templates (byte-level text scanning, values kept and
/// shared between rules, remembered pattern answers) give exactly what the plain definitions give,
/// including for text that is not ASCII.
@Suite struct ValidationFastPathTests {
    /// Findings of the given rules, as `rule line:column message`.
    func findings(_ text: String, rules: [any TemplateRule]) -> [String] {
        let report = Validator(rules: rules, checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        let source = SourceText(bytes: Array(text.utf8))
        return report.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.message)" }
    }

    @Test func subVariableDotFollowedByACombiningMarkIsNotADot() {
        // "." and U+0301 are one character, so `${Fn.́Arn}` names no resource attribute.
        let text = """
            Resources:
              Fn: {Type: AWS::Lambda::Function}
            Outputs:
              A: {Value: !Sub "${Fn.\u{301}Arn}"}
              B: {Value: !Sub "${Fn.Arn}-${Fn.Nope}"}

            """
        #expect(findings(text, rules: [UndefinedReferenceRule(), GetAttAttributeRule()]) == [
            "reference.undefined 4:22 Fn::Sub variable '${Fn.\u{301}Arn}' names no parameter, resource or pseudo parameter",
            "reference.attribute 5:35 AWS::Lambda::Function has no attribute 'Nope'; it has Arn, SnapStartResponse.ApplyOn, SnapStartResponse.OptimizationStatus",
        ])
    }

    @Test func subTemplateParts() {
        #expect(SubTemplate.parse("no variables at all").successParts == [.text("no variables at all")])
        #expect(SubTemplate.parse("a${!B}c${D}e").successParts == [.text("a${B}c"), .variable("D", offset: 9), .text("e")])
        #expect(SubTemplate.parse("${ A }").successParts == [.variable("A", offset: 2)])
        // Spaces are trimmed by Unicode scalar, also one that a combining mark follows.
        #expect(SubTemplate.parse("${ \u{301}A}").successParts == [.variable("\u{301}A", offset: 2)])
        #expect(SubTemplate.parse("x${ }").failureMessage == "empty variable '${}' at character 2")
    }

    @Test func guardStaysSortedAndUnique() {
        let literals = [
            ConditionLiteral("B", holds: true), ConditionLiteral("A", holds: false), ConditionLiteral("A", holds: true),
            ConditionLiteral("\u{e9}", holds: true), ConditionLiteral("e\u{301}", holds: true), ConditionLiteral("B", holds: true),
        ]
        var built = Guard.always
        for (index, literal) in literals.enumerated() {
            built = built.and(literal)
            #expect(built == Guard(Array(literals[...index])))
        }
        // "é" written two ways is one condition.
        #expect(built.literals.map(\.description) == ["not A", "A", "B", "\u{e9}"])
        #expect(built.isContradictory)
        #expect(!Guard([ConditionLiteral("A", holds: true), ConditionLiteral("B", holds: false)]).isContradictory)
        let other = Guard([ConditionLiteral("C", holds: false), ConditionLiteral("A", holds: true)])
        #expect(Guard([ConditionLiteral("B", holds: true)]).and(other).literals.map(\.description) == ["A", "B", "not C"])
    }

    @Test func patternAnswersAreForTheExactText() throws {
        let accented = try #require(SchemaPattern("^\u{e9}$"))
        // The same letter written as e + combining accent is other text to the expression.
        for _ in 0..<2 {
            #expect(accented.matches("\u{e9}"))
            #expect(!accented.matches("e\u{301}"))
        }
        let lowercase = try #require(SchemaPattern("^[a-z]+$"))
        for _ in 0..<2 {
            #expect(lowercase.matches("abc"))
            #expect(!lowercase.matches("ab1"))
        }
    }

    @Test func numbersAndBooleansAreReadAsCloudFormationReadsThem() {
        #expect(schemaFindings(function(
            "MemorySize: -0",
            "Timeout: 0900",
            "EphemeralStorage: {Size: 12345678901234567890}",
            "ReservedConcurrentExecutions: +5",
            "PublishToLatestPublished: TRUE",
            "SnapStart: {ApplyOn: None}"
        )) == [
            "schema.range 7:19 MemorySize must be at least 128 (got -0)",
            "schema.range 9:32 EphemeralStorage.Size must be at most 10240 (got 12345678901234567890)",
        ])
        #expect(schemaFindings(function("PublishToLatestPublished: \u{ff54}rue")) == [
            "schema.type 7:33 PublishToLatestPublished must be a boolean (true or false) (got '\u{ff54}rue')",
        ])
    }

    @Test func resourceReferencesUnderAStartingGuard() throws {
        let text = """
            Parameters:
              Env: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              A: {Type: AWS::S3::Bucket}
              B: {Type: AWS::S3::Bucket}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  X: !If [IsProd, !Ref A, !GetAtt B.Arn]
                  Y: !Sub '${A}-${B.Arn}-${Env}'

            """
        let template = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        let context = RuleContext(template: template, settings: ValidationSettings())
        let properties = try #require(template.resource(named: "Fn")?.properties)
        func describe(_ start: Guard) -> [String] {
            context.resourceReferences(under: properties, guard: start).map { reference in
                let range = reference.range
                return "\(reference.target) \(range.start)-\(range.end) \(reference.guardCondition)"
            }
        }
        // Ranges are the names' bytes: `!Ref A`, `!GetAtt B.Arn`, `${A}`, `${B.Arn}`.
        let unconditional = ["A 231-232 when IsProd", "B 242-243 when not IsProd", "A 266-267 ", "B 271-272 "]
        #expect(describe(.always) == unconditional)
        #expect(describe(Guard([ConditionLiteral("Deployed", holds: true)])) == [
            "A 231-232 when Deployed and IsProd", "B 242-243 when Deployed and not IsProd",
            "A 266-267 when Deployed", "B 271-272 when Deployed",
        ])
        #expect(describe(.always) == unconditional)
    }

    @Test func reachableValuesOfRepeatedAndForeignResources() throws {
        // A logical ID written twice: each resource keeps its own guard, and both read the
        // Properties that `properties` keeps for the ID (the last); a resource made by hand reads them too.
        let text = """
            Parameters:
              Env: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              A: {Type: AWS::S3::Bucket, Condition: IsProd, Properties: {BucketName: first}}
              A: {Type: AWS::S3::Bucket, Properties: {BucketName: second}}

            """
        let template = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        let context = RuleContext(template: template, settings: ValidationSettings())
        let foreign = Resource(logicalId: "A", idRange: SourceRange(start: 0, end: 1), node: template.root, type: nil,
                               attributes: [:])
        let described = (template.resources + [foreign]).map { resource in
            "\(context.guardOf(resource)) " + context.reachable(resource, "BucketName").map { "[\($0.guardCondition)] \($0.value?.text ?? "-")" }
                .joined(separator: ", ")
        }
        #expect(described == ["when IsProd [when IsProd] second", " [] second", " [] second"])
    }

    @Test func selfManagedCodeFoundThroughChoicesAndMappings() {
        // Functions whose Properties never resolve to REFERENCE are skipped; these do, in a branch
        // of Fn::If and from a mapping.
        let text = """
            Parameters:
              Env: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Mappings:
              Modes: {prod: {Mode: REFERENCE}}
            Resources:
              A:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {S3Bucket: b, S3Key: k, S3ObjectStorageMode: !If [IsProd, REFERENCE, COPY]}
              B:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {S3Bucket: b, S3Key: k, S3ObjectStorageMode: !FindInMap [Modes, prod, Mode]}
              C:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {S3Bucket: b, S3Key: k, S3ObjectStorageMode: COPY}

            """
        let message = "S3ObjectStorageMode REFERENCE without S3ObjectVersion: Lambda tracks one version of the object in a versioned bucket; set S3ObjectVersion to the VersionId of the uploaded .zip"
        #expect(findings(text, rules: [StorageModeVersionRule()]) == [
            "lambda.storage-mode-version 11:71 \(message) (when IsProd)",
            "lambda.storage-mode-version 15:58 \(message)",
        ])
    }

    @Test func repeatedReferencesResolveAtTheirOwnNodes() throws {
        let text = """
            Parameters:
              Env: {Type: String}
              Subnets: {Type: CommaDelimitedList, Default: "a,b"}
            Resources:
              R: {Type: AWS::S3::Bucket}
            Outputs:
              V: {Value: [!Ref Env, !Ref Env, !Ref Subnets, !Ref Subnets, !GetAtt R.Arn, !GetAtt R.Arn, !Ref R, !Ref R]}

            """
        let template = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        let context = RuleContext(template: template, settings: ValidationSettings())
        let tree = template.tree
        let outputs = try #require(template.section(.outputs))
        let output = try #require(tree.value(forKey: "V", in: outputs))
        let list = try #require(tree.value(forKey: "Value", in: output))
        let calls = Array(tree.elements(list))
        let values = calls.map { context.resolver.resolve($0) }
        #expect(values.map(\.node) == calls.map(Optional.init))
        // A list parameter's items are written where the Ref is.
        #expect(values[2].elements?.map(\.node) == [calls[2], calls[2]])
        #expect(values[3].elements?.map(\.node) == [calls[3], calls[3]])
        #expect(values.map(describe) == [
            "unknown(Env)", "unknown(Env)", "['a', 'b']", "['a', 'b']", "unknown(R)", "unknown(R)", "unknown(R)", "unknown(R)",
        ])
    }
}
