@testable import CFNCore
@testable import CFNReporters
import CFNLoader
import Testing

/// The direct paths that values without `Fn::If` take (reachable values, key combinations, list
/// and presence alternatives, the plan's structural comparison, JSON text) give what the general
/// definitions give, at the edges where they could part: unsatisfiable guards, `AWS::NoValue`,
/// unknown values, and text that needs escaping.
@Suite struct ShortcutEquivalenceTests {
    static let text = """
        Parameters:
          Env: {Type: String}
          Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: !Ref AWS::NoValue
              Code: {S3Bucket: b, S3Key: k}
              VpcConfig: {SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-1, !If [IsProd, sg-2, !Ref AWS::NoValue]]}
              Environment: {Variables: {A: x, B: !Ref AWS::NoValue, C: !If [IsProd, y, !Ref AWS::NoValue]}}

        """

    func context() throws -> (RuleContext, Resource) {
        let template = try #require(LoadedTemplate(bytes: Array(Self.text.utf8)).template)
        let context = RuleContext(template: template, settings: ValidationSettings())
        return (context, try #require(template.resource(named: "Fn")))
    }

    func describe(_ values: GuardedAlternatives) -> [String] {
        values.map { "[\($0.guardCondition)] " + ($0.value.map { PlanValueText.text(PlanValue($0)) ?? "absent" } ?? "-") }
    }

    @Test func reachableWithoutChoices() throws {
        let (context, function) = try context()
        #expect(describe(context.reachable(function, "Code", "S3Key")) == [#"[] "k""#])
        // Removed with AWS::NoValue, absent, below a scalar, and below an unknown value.
        #expect(describe(context.reachable(function, "Handler")) == ["[] -"])
        #expect(describe(context.reachable(function, "Code", "ZipFile")) == ["[] -"])
        #expect(describe(context.reachable(function, "Runtime", "Name")) == ["[] -"])
        #expect(describe(context.reachable(function, "VpcConfig", "SubnetIds", "First")) == ["[] (known after deploy: Subnets)"])
        // A choice on the way is followed into both branches.
        #expect(describe(context.reachable(function, "Environment", "Variables", "C")) == [#"[when IsProd] "y""#, "[when not IsProd] -"])
    }

    @Test func keyCombinationsUnderAGuardThatCannotHold() throws {
        let (context, function) = try context()
        let properties = try #require(context.properties["Fn"])
        let impossible = Guard([ConditionLiteral("IsProd", holds: true), ConditionLiteral("IsProd", holds: false)])
        // A key split by value checks the guard, as the expansion of alternatives does; presence alone does not.
        #expect(KeyCombination.of(properties, keys: [("Runtime", .value)], under: impossible, in: context).isEmpty)
        let present = KeyCombination.of(properties, keys: [("Runtime", .presence), ("Handler", .value)], under: impossible, in: context)
        #expect(present.map { $0["Runtime"]?.text } == ["python3.12"])
        #expect(present.map { $0["Handler"] == nil } == [true])
        let combinations = KeyCombination.properties(of: function, keys: [("Runtime", .value), ("Handler", .presence)], in: context)
        #expect(combinations.map { "\($0.guardCondition) \($0["Runtime"]?.text ?? "-") \($0["Handler"]?.text ?? "-")" } == [" python3.12 -"])
    }

    @Test func keyCombinationReadsOnlyTheKeysAskedFor() {
        let map = Resolved(.map([
            ResolvedEntry(key: "A", keyNode: nil, value: .string("1")),
            ResolvedEntry(key: "B", keyNode: nil, value: .string("2")),
            ResolvedEntry(key: "N", keyNode: nil, value: Resolved(.noValue, node: nil)),
        ]), node: nil)
        let combination = KeyCombination(guardCondition: .always, map: map, keys: [("A", .value), ("N", .presence)])
        #expect(combination["A"]?.text == "1")
        // In the map but not asked for; asked for but removed with AWS::NoValue.
        #expect(combination["B"] == nil)
        #expect(combination["N"] == nil)
    }

    @Test func listAndPresenceAlternatives() throws {
        let (context, function) = try context()
        let lists = context.listAlternatives(function, path: ["VpcConfig", "SecurityGroupIds"])
        #expect(lists.map { "[\($0.guardCondition)] \($0.items?.compactMap(\.text) ?? [])" }
            == [#"[when IsProd] ["sg-1", "sg-2"]"#, #"[when not IsProd] ["sg-1"]"#])
        let plain = Resolved(.list([.string("a"), .string("b")]), node: nil)
        #expect(context.listAlternatives(of: plain, under: .always).map { $0.items?.compactMap(\.text) ?? [] } == [["a", "b"]])
        #expect(context.listAlternatives(of: Resolved(.list([]), node: nil), under: .always).map { $0.items?.count } == [0])

        let variables = try #require(context.reachable(function, "Environment", "Variables").first?.value?.entries)
        let presence = variables.map { PresentAlternatives($0.value, under: .always, context.conditionSet) }
        #expect(presence.map { "\($0.always) \($0.present.count) \($0.presenceGuard.map(\.description) ?? "never")" }
            == ["true 1 ", "false 1 when IsProd"])
        let removed = PresentAlternatives(Resolved(.noValue, node: nil), under: .always, context.conditionSet)
        #expect(removed.always == false && removed.present.isEmpty && removed.presenceGuard == nil)
    }

    @Test func propertyDifferencesOfUnknownAndUnorderedValues() {
        func unknown(_ dependsOn: [String], reason: String = "r", node: Int32) -> Resolved {
            .unknown(reason, dependsOn: dependsOn, node: NodeID(rawValue: node))
        }
        func map(_ entries: [(String, Resolved)]) -> Resolved {
            Resolved(.map(entries.map { ResolvedEntry(key: $0.0, keyNode: nil, value: $0.1) }), node: nil)
        }
        func paths(_ before: Resolved, _ after: Resolved, sameSource: Bool = true) -> [String] {
            PropertyDiff.differences(before, after, sameSource: { _, _ in sameSource }).map { $0.path.joined(separator: "/") }
        }
        let groups = Resolved(.list([.string("sg-1"), .string("sg-2")]), node: nil)
        let reordered = Resolved(.list([.string("sg-2"), .string("sg-1")]), node: nil)
        let before = map([("Role", unknown(["R", "S"], node: 1)), ("VpcConfig", map([("SecurityGroupIds", groups)])), ("Timeout", .string("3"))])
        // Same dependencies, so the same text; a different source makes it a change.
        let sameDependencies = map([("Role", unknown(["R", "S"], reason: "other", node: 2)), ("VpcConfig", map([("SecurityGroupIds", groups)])),
                                    ("Timeout", .string("3"))])
        #expect(paths(before, sameDependencies).isEmpty)
        #expect(paths(before, sameDependencies, sameSource: false) == ["Role"])
        // Dependencies in another order read the same once sorted; a set read in another order is no change.
        let reorderedValues = map([("Timeout", .string("3")), ("VpcConfig", map([("SecurityGroupIds", reordered)])), ("Role", unknown(["S", "R"], node: 3))])
        #expect(paths(before, reorderedValues).isEmpty)
        // Without dependencies, the reason is the text.
        #expect(paths(map([("A", unknown([], reason: "x", node: 1))]), map([("A", unknown([], reason: "y", node: 2))])) == ["A"])
        // A plain 3 and the string "3" read differently; a removed key is a change.
        #expect(paths(before, map([("Role", unknown(["R", "S"], node: 1)), ("VpcConfig", map([("SecurityGroupIds", groups)])),
                                   ("Timeout", Resolved(.scalar("3", isString: false), node: nil))])) == ["Timeout"])
        #expect(paths(before, map([("Role", unknown(["R", "S"], node: 1)), ("Timeout", .string("3"))])) == ["VpcConfig"])
        #expect(PropertyDiff.isIdentical(before, before) == false)
        #expect(PropertyDiff.isIdentical(map([("A", groups)]), map([("A", groups)])))
    }

    @Test func jsonTextAndEnvironmentBytes() {
        #expect(JSONText.quoted("plain é text") == "\"plain é text\"")
        #expect(JSONText.quoted("a\"b\\c\nd\u{1}e") == #""a\"b\\c\nd\u0001e""#)
        #expect(EnvironmentSizeRule.jsonBytes("abc") == 5)
        #expect(EnvironmentSizeRule.jsonBytes("é\u{1}\"\t€") == 2 + 2 + 6 + 2 + 2 + 3)
    }

    @Test func validationKeepsTheResolvedTemplateItPlansWith() throws {
        let base = Array("Resources:\n  Fn: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}, Timeout: 3}}\n".utf8)
        let head = Array("Resources:\n  Fn: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}, Timeout: 4}}\n  Extra: {Type: AWS::Lambda::Function, Properties: {MemorySize: 1}}\n".utf8)
        let validator = Validator()
        let prepared = validator.prepare(file: "head.yaml", bytes: head)
        let report = validator.check(prepared)
        let context = try #require(prepared.resolved)
        #expect(report.findings == validator.validate(file: "head.yaml", bytes: head).findings)
        #expect(!report.findings.isEmpty)
        #expect(context.template.resources.map(\.logicalId) == ["Fn", "Extra"])
        let baseContext = try #require(LoadedTemplate(bytes: base).template.map { RuleContext(template: $0, settings: ValidationSettings()) })
        let fresh = try #require(LoadedTemplate(bytes: head).template.map { RuleContext(template: $0, settings: ValidationSettings()) })
        let planned = Planner().plan(base: baseContext, head: context, headFindings: report.findings)
        #expect(planned == Planner().plan(base: baseContext, head: fresh, headFindings: report.findings))
        #expect(planned.changes.map { "\($0.logicalId) \($0.action) \($0.causes)" } == [#"Extra create []"#, #"Fn update ["Timeout"]"#])
        // Bytes that are not a template give no resolved template.
        #expect(validator.prepare(file: "x.yaml", bytes: Array("[1, 2]".utf8)).resolved == nil)
    }
}

@Suite struct GuardedAlternativesTests {
    @Test func oneInlineAndTheRestInOrder() {
        let when = Guard([ConditionLiteral("C", holds: true)])
        var alternatives = GuardedAlternatives()
        #expect(alternatives.isEmpty)
        alternatives.append((.always, .string("a")))
        #expect(alternatives.count == 1)
        alternatives += [(when, nil), (when, .string("c"))]
        #expect(alternatives.map { $0.value?.text ?? "-" } == ["a", "-", "c"])
        #expect(alternatives.map(\.guardCondition) == [.always, when, when])
        #expect(alternatives[2].value?.text == "c")
        let literal: GuardedAlternatives = [(when, .string("x"))]
        #expect(literal.count == 1 && literal[0].guardCondition == when)
    }
}
