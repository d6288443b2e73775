import CFNCore
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
}
