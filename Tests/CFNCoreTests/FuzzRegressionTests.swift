@testable import CFNCore
@testable import CFNReporters
import CFNLoader
import Testing

/// Templates the fuzzer (`scripts/fuzz.sh validate`) found, minimized, with what they must give now.
@Suite struct FuzzRegressionTests {
    /// Runs every rule, without schema checks, and lists the findings as `rule line:column message`.
    func validate(_ text: String) -> [String] {
        let validator = Validator(settings: ValidationSettings(today: "2026-05-10"), checksSchemas: false)
        let report = validator.validate(file: "t.yaml", bytes: Array(text.utf8))
        return report.findings.map { "\($0.rule) \(report.source.lineColumn(at: $0.range.start)) \($0.message)" }
    }

    /// aws-quickstart's bucket-name pattern, which backtracks exponentially on a value it does not match.
    let bucketPattern = "^[0-9a-zA-Z]+([0-9a-zA-Z-]*[0-9a-zA-Z])*$"

    /// An AllowedPattern that backtracks catastrophically ran for seconds, and for minutes on a few
    /// more characters (a fuzzer timeout); past the work budget it is not judged, and a value it
    /// rejects quickly still is.
    @Test func catastrophicAllowedPatternIsNotJudged() {
        let text = """
            Parameters:
              Bucket:
                Type: String
                AllowedPattern: \(bucketPattern)
                Default: quickstart-amazon-eks/
              Prefix:
                Type: String
                AllowedPattern: \(bucketPattern)
                Default: bad_value
            Resources:
              R: {Type: T}

            """
        #expect(validate(text) == [
            "parameter.value 9:14 Default 'bad_value' of parameter Prefix does not match AllowedPattern \(bucketPattern)",
        ])
    }

    @Test func patternMatchingStopsAtItsWorkBudget() {
        #expect(PatternMatcher.wholeMatch(bucketPattern, "quickstart-amazon-eks/") == nil)
        #expect(PatternMatcher.wholeMatch(bucketPattern, "quickstart-amazon-eks") == true)
        #expect(PatternMatcher.wholeMatch(bucketPattern, "bad_value") == false)
        // A search tries every start position without using up the budget.
        let long = String(repeating: "ab-", count: 100_000)
        #expect(PatternMatcher.search("b[0-9]$", long + "b1") == true)
        #expect(PatternMatcher.search("b[0-9]$", long + "c") == false)
        #expect(PatternMatcher.search("^b", long) == false)
        #expect(PatternMatcher.search("(?<=a)b-", "ab-") == true)
    }

    /// A single-quoted `Fn::Sub` string with a `''` escape was located as if written verbatim: one
    /// byte off after each `''`, and in the middle of a character before `é`. A string not written
    /// out verbatim is located as a whole. (Found by the compiler's warning while building the fuzz
    /// targets: the `where` of `case .singleQuoted, .doubleQuoted where ...` applied to `.doubleQuoted` only.)
    @Test func subErrorInAnEscapedSingleQuotedStringIsTheWholeString() {
        func template(_ value: String) -> String {
            "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub \(value)\n"
        }
        #expect(validate(template("'it''s ${AWS::Region'")).filter { $0.hasPrefix("intrinsic") } == [
            "intrinsic.sub-syntax 5:26 Fn::Sub: '${' at character 6 is never closed with '}'",
        ])
        let text = template("'''é${'")
        let report = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
        let finding = report.findings.first { $0.rule == "intrinsic.sub-syntax" }
        #expect(finding.map { "\(report.source.lineColumn(at: $0.range.start))-\(report.source.lineColumn(at: $0.range.end))" } == "5:26-5:33")
        // Still exact where the string is written out verbatim.
        #expect(validate(template("'orders-${AWS::Region'")).filter { $0.hasPrefix("intrinsic") } == [
            "intrinsic.sub-syntax 5:34 Fn::Sub: '${' at character 8 is never closed with '}'",
        ])
    }

    /// A `Fn::Sub` variable starting with a space and a combining mark kept the space: trimming
    /// compared `Character`s, and the two are one. (`scripts/fuzz.sh sub`, against its reference parser.)
    @Test func subVariableLosesASpaceBeforeACombiningMark() {
        #expect(SubTemplate.parse("${ \u{07AC}A }-${B}").successParts == [.variable("\u{07AC}A", offset: 2), .text("-"), .variable("B", offset: 11)])
    }

    /// LayerVersion's LayerName pattern, whose second branch is not anchored at the start.
    let layerNamePattern = "^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+$"

    /// A schema pattern searched from every start position takes time quadratic in a long text it
    /// does not match: 100,000 letters and a `!` made LayerName's pattern run for a long time. Past the
    /// work budget the text is not judged, so only the length is reported; a short text is still judged.
    @Test func schemaPatternStopsAtItsWorkBudget() throws {
        let pattern = try #require(SchemaPattern(layerNamePattern))
        let hostile = String(repeating: "a", count: 100_000) + "!"
        #expect(pattern.match(hostile) == nil)
        #expect(pattern.matches(hostile))
        #expect(pattern.match(String(repeating: "a", count: 100_000)) == true)
        #expect(pattern.match("orders-deps") == true)
        #expect(pattern.match("orders deps!") == false)
        #expect(pattern.match("x!") == false)
        // Lookbehind and anchors mean what they meant unwrapped.
        #expect(try #require(SchemaPattern("(?<=a)b")).match("ab") == true)
        #expect(try #require(SchemaPattern("(?<=a)b")).match("cb") == false)
        #expect(try #require(SchemaPattern("^b")).match("ab") == false)
        #expect(SchemaPattern("a)|(b") == nil)

        let template = resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: code-bucket, S3Key: k}", "LayerName: \(hostile)")
        #expect(schemaFindings(template) == [
            "schema.length 6:18 LayerName must be at most 140 characters long (got 100001)",
        ])
        let judged = resource("AWS::Lambda::LayerVersion", "Content: {S3Bucket: code-bucket, S3Key: k}", "LayerName: orders deps!")
        #expect(schemaFindings(judged) == [
            "schema.pattern 6:18 LayerName 'orders deps!' does not match the pattern \(layerNamePattern)",
        ])
    }

    /// A comma followed by a combining mark is one `Character` to Swift, so `String.split` did not
    /// split there; CloudFormation splits list parameters and `Fn::Split` at the comma itself, and the
    /// mark begins the next item. (Noticed beside the trimming finding above.)
    @Test func listsSplitAtACommaBeforeACombiningMark() throws {
        let list = """
            Parameters:
              Names: {Type: CommaDelimitedList, Default: "a,\u{301}b, c"}
            Resources:
              R: {Type: T}
            Outputs:
              V: {Value: !Ref Names}

            """
        #expect(try resolveOutput(list) == "['a', '\u{301}b', 'c']")
        let split = "Resources:\n  R: {Type: T}\nOutputs:\n  V: {Value: !Split [',', \"x,\u{301}y,,e\u{301}\"]}\n"
        #expect(try resolveOutput(split) == "['x', '\u{301}y', '', 'e\u{301}']")
        // The delimiter is compared by code point: a precomposed é is not e + combining accent.
        let precomposed = "Resources:\n  R: {Type: T}\nOutputs:\n  V: {Value: !Split [\"\u{e9}\", \"ae\u{301}b\u{e9}c\"]}\n"
        #expect(try resolveOutput(precomposed) == "['ae\u{301}b', 'c']")
        // A delimiter whose prefix repeats inside it still splits at every occurrence.
        let repeated = "Resources:\n  R: {Type: T}\nOutputs:\n  V: {Value: !Split ['aab', 'aaabaab-aab']}\n"
        #expect(try resolveOutput(repeated) == "['a', '', '-', '']")

        let rejected = """
            Parameters:
              Sizes: {Type: CommaDelimitedList, AllowedValues: [a, b], Default: "a,\u{301}b"}
            Resources:
              R: {Type: T}

            """
        #expect(validate(rejected) == [
            "parameter.value 2:69 Default '\u{301}b' of parameter Sizes is not one of the AllowedValues: a, b",
        ])
    }

    /// The full dynamic programme, the reference for `TemplateParser.editDistance`.
    func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for j in b.indices {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Suggesting a name for each undefined reference computed the whole edit-distance table against
    /// every logical ID: a CDK template of 220 resources with long IDs took over 2 s to plan under the
    /// fuzzer (`scripts/fuzz.sh plan`, a timeout). Now only the band within the limit is computed, and
    /// it stops once a row is over the limit; the answers are the same.
    @Test func editDistanceWithinALimitIsTheLevenshteinDistance() {
        let words = ["", "a", "ab", "ba", "abc", "acb", "kitten", "sitting", "Resources", "resorces", "Rseources",
                     "helloworldfunctionFDE57595", "helloworldfunctionFDE57959", "helloworldfunctionServiceRole306F1141",
                     "aaaa", "aaaaaa", "baaaab", "é", "e\u{301}"].map { Array($0.utf8) }
        for a in words {
            for b in words {
                let distance = levenshtein(a, b)
                for limit in [0, 1, 2, 3, 1000] {
                    #expect(TemplateParser.editDistance(a, b, limit: limit) == min(distance, limit + 1),
                            "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self)) within \(limit)")
                }
            }
        }
    }

    @Test func undefinedReferencesAmongLongLogicalIDsStillGetSuggestions() {
        let prefix = String(repeating: "RootStackhelloworldfunction", count: 6)
        let text = """
            Resources:
              \(prefix)A1B2: {Type: AWS::SNS::Topic}
              \(prefix)C3D4: {Type: AWS::SNS::Topic}
            Outputs:
              Near: {Value: !Ref \(prefix)A1XY}
              Far: {Value: !Ref \(prefix)AXYZ}

            """
        #expect(validate(text).filter { $0.hasPrefix("reference") }.map { $0.replacingOccurrences(of: prefix, with: "…") } == [
            "reference.undefined 5:22 Ref to '…A1XY', which is not a parameter, resource or pseudo parameter (did you mean '…A1B2'?)",
            "reference.undefined 6:21 Ref to '…AXYZ', which is not a parameter, resource or pseudo parameter",
        ])
    }

    /// A template with a repeated key under a value that is not known when planning was planned as
    /// an update against itself (`scripts/fuzz.sh plan`, the self-plan invariant).
    @Test func templateWithARepeatedKeyPlansAsNoChangeAgainstItself() throws {
        let text = """
            Resources:
              Source: {Type: AWS::SNS::Topic}
              Pipeline:
                Type: AWS::CodePipeline::Pipeline
                Properties:
                  Stages:
                    - Name: Source
                      ActionTypeId: {Category: Source, Owner: AWS, Category: CodeCommit}
                      Topic: !Ref Source

            """
        let template = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        let context = RuleContext(template: template, settings: ValidationSettings())
        let again = try #require(LoadedTemplate(bytes: Array(text.utf8)).template)
        let plan = Planner().plan(base: context, head: RuleContext(template: again, settings: ValidationSettings()))
        #expect(plan.changes.map { "\($0.logicalId) \($0.action) \($0.causes)" } == ["Pipeline none []", "Source none []"])
    }

    /// A mapping with a repeated key resolved to a map with the key twice, and the plan JSON then had
    /// an object with a repeated key (`scripts/fuzz.sh plan`: the JSON read back with the loader).
    /// The key counts once, with its first value, as `Resolved[key]` reads it.
    @Test func repeatedKeyResolvesToItsFirstValue() throws {
        let output = "Resources:\n  R: {Type: T}\nOutputs:\n  V: {Value: {K: 1, L: [{A: x, A: y}], K: 2}}\n"
        let resolved = try resolveOutput(output)
        #expect(resolved == "{K: 1, L: [{A: x}]}")
        func template(_ action: String) -> [UInt8] {
            Array("Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Stages: [{Name: S, ActionTypeId: \(action)}]\n".utf8)
        }
        let base = try #require(LoadedTemplate(bytes: template("{Category: Source, Owner: AWS}")).template)
        let head = try #require(LoadedTemplate(bytes: template("{Category: Build, Owner: AWS, Category: Other}")).template)
        let plan = Planner().plan(base: RuleContext(template: base, settings: ValidationSettings()),
                                  head: RuleContext(template: head, settings: ValidationSettings()))
        #expect(plan.changes.flatMap(\.details).map { "\($0.path) \(PlanValueText.text($0.before) ?? "-") \(PlanValueText.text($0.after) ?? "-")" } == [
            #"Stages [{"ActionTypeId":{"Category":"Source","Owner":"AWS"},"Name":"S"}] [{"ActionTypeId":{"Category":"Build","Owner":"AWS"},"Name":"S"}]"#,
        ])
    }
}
