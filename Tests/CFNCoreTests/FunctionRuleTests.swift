@testable import CFNCore
import CFNLoader
import Testing

/// Function rules run on groups of functions (`Validator.functionGroups`), each group with a
/// context that holds only its functions. That is only right when a rule judges each function on
/// its own: checked here on every function rule's examples, one function at a time.
@Suite struct FunctionRuleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let rule: Int
        let text: String
        let settings: ValidationSettings
        var testDescription: String { "\(type(of: RuleRegistry.all[rule]).descriptor.id): \(text.prefix(60))" }
    }

    static let examples: [Example] = RuleRegistry.all.indices.filter { RuleRegistry.all[$0] is any FunctionRule }.flatMap { index in
        let examples = type(of: RuleRegistry.all[index]).examples
        return (examples.triggering + examples.nonTriggering).map {
            Example(rule: index, text: $0.replacingOccurrences(of: String(RuleExamples.marker), with: ""), settings: examples.settings)
        }
    }

    /// What the rule finds with the whole template's functions, and with each function alone.
    static func wholeAndAlone(_ rule: any TemplateRule, _ text: String, _ settings: ValidationSettings) throws -> ([Finding], [Finding]) {
        let template = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        let context = RuleContext(template: template, settings: settings)
        let whole = rule.check(context).sorted(by: Finding.sourceOrder)
        let alone = context.lambda.functions.flatMap { rule.check(RuleContext(context, functions: [$0])) }.sorted(by: Finding.sourceOrder)
        return (whole, alone)
    }

    @Test(arguments: examples)
    func judgesEachFunctionAlone(_ example: Example) throws {
        let (whole, alone) = try Self.wholeAndAlone(RuleRegistry.all[example.rule], example.text, example.settings)
        #expect(whole == alone)
    }

    @Test func theCheckTellsARuleThatComparesFunctionsApart() throws {
        // Two functions with one FunctionName: each alone has a unique name. Such a rule must not
        // be a FunctionRule, and the check above would say so.
        #expect(!(FunctionNameUniqueRule() is any FunctionRule))
        let example = try #require(FunctionNameUniqueRule.examples.triggering.first)
        let (whole, alone) = try Self.wholeAndAlone(FunctionNameUniqueRule(), example.replacingOccurrences(of: "↓", with: ""), ValidationSettings())
        #expect(!whole.isEmpty)
        #expect(alone.isEmpty)
    }

    @Test func theValidatorTellsFunctionRulesWithoutACast() {
        // `judgesEachFunctionAlone` is what the validator asks: true exactly for the FunctionRules.
        for rule in RuleRegistry.all {
            #expect(type(of: rule).judgesEachFunctionAlone == (rule is any FunctionRule), "\(type(of: rule).descriptor.id)")
        }
        #expect(RuleRegistry.all.filter { type(of: $0).judgesEachFunctionAlone }.count == 25)
    }

    @Test func groupsOfFunctions() {
        #expect(Validator.functionGroups(count: 0, repeatsLogicalIds: false) == [])
        #expect(Validator.functionGroups(count: 10, repeatsLogicalIds: false) == [0..<10])
        #expect(Validator.functionGroups(count: 40, repeatsLogicalIds: false) == [0..<16, 16..<32, 32..<40])
        let large = Validator.functionGroups(count: 1_000, repeatsLogicalIds: false)
        #expect(large.count == 16)
        #expect(large.first == 0..<64)
        #expect(large.last == 960..<1_000)
        // A logical ID written twice: every function in one group.
        #expect(Validator.functionGroups(count: 1_000, repeatsLogicalIds: true) == [0..<1_000])
    }

    @Test func functionsAreSchemaCheckedWithoutFunctionRules() {
        // The schema checks of functions run in the function groups: they run without any rule too.
        // Without the Lambda limit rules, the schema's own ranges report Timeout 0 and MemorySize 64.
        let report = Validator(settings: ParallelValidationTests.settings, rules: [])
            .validate(file: "big.yaml", bytes: Array(ParallelValidationTests.largeTemplate.utf8))
        let source = SourceText(bytes: Array(ParallelValidationTests.largeTemplate.utf8))
        #expect(report.findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.resource ?? "-")" }
            == ["template.too-many-resources 3502:3 -", "schema.range 4909:16 Fn700",
                "schema.additional-property 6310:7 Fn900", "schema.range 7361:19 Fn1050"])
    }
}
