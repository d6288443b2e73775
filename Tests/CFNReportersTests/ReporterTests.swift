import CFNCore
import CFNLoader
@testable import CFNReporters
import Foundation
import Testing

@Suite struct ReporterTests {
    let template = """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: "é"}
              Handler: index.handler
              Handler: other.handler

        """

    func run(_ files: [(String, String)]) -> ValidationRun {
        ValidationRun(reports: files.map { Validator().validate(file: $0.0, bytes: Array($0.1.utf8)) })
    }

    @Test func jsonFollowsTheContractExactly() {
        let output = JSONReporter().render(run([("t.yaml", template)]))
        let expected = """
            {"formatVersion":1,"tool":{"name":"cfn-lambda","version":"\(ToolInfo.version)"},\
            "findings":[{"rule":"yaml.duplicate-key","severity":"error","message":"duplicate key 'Handler' (first at line 8)",\
            "file":"t.yaml","line":9,"column":7,"endLine":9,"endColumn":14,\
            "resource":"Fn","resourceType":"AWS::Lambda::Function","path":"Resources/Fn/Properties/Handler"}],\
            "summary":{"files":1,"errors":1,"warnings":0,"infos":0}}

            """
        #expect(output == expected)
    }

    @Test func jsonParsesAndCarriesResourceAndPath() throws {
        let output = JSONReporter().render(run([("b.yaml", "Resources:\n  Fn:\n    Type: T\n    Handler: x\n")]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings[0]["resource"] as? String == "Fn")
        #expect(findings[0]["resourceType"] as? String == "T")
        #expect(findings[0]["path"] as? String == "Resources/Fn/Handler")
        #expect(findings[0]["line"] as? Int == 4)
    }

    @Test func jsonIsPrintedForUnreadableYAML() throws {
        let output = JSONReporter().render(run([("bad.json", "{\"Resources\": {,}}")]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["yaml.syntax"])
        #expect(findings[0]["resource"] is NSNull)
    }

    @Test func jsonEscapesControlCharactersAndQuotes() {
        let output = JSONReporter().render(run([("q\"\u{1}.yaml", "Resources:\n  \"a\\tb\": {Type: T}\n")]))
        #expect(output.contains(#""file":"q\"\u0001.yaml""#))
        #expect(output.contains(#"logical ID 'a\tb' has characters"#))
    }

    @Test func jsonEscapesAByteOrderMarkThatFoundationWouldDrop() throws {
        // From the validate fuzzer: a logical ID that starts with U+FEFF (a BOM in the middle of a
        // file). Foundation's JSONSerialization drops the mark from a string written as it is, so
        // the resource read back differed; escaped, it reads back whole.
        let output = JSONReporter().render(run([("t.json", "{\"Resources\": {\n    \u{FEFF}  \"Fn\": {}}}\n")]))
        #expect(output.contains(#""resource":"\ufeff  \"Fn\"""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["resource"] as? String == "\u{FEFF}  \"Fn\"" })
    }

    @Test func findingsAreSortedByFileLineColumnRule() {
        let output = TextReporter().render(run([
            ("z.yaml", "Resources:\n  A-1: {Type: T, Type: U}\n"),
            ("a.yaml", "Oops: 1\nResources:\n  B: {Type: T}\n"),
        ]))
        #expect(output == """
            a.yaml:1:1: error: unknown top-level section 'Oops' [template.unknown-section]
            z.yaml:2:3: error: logical ID 'A-1' has characters other than ASCII letters and digits [resource.invalid-logical-id]
            z.yaml:2:18: error: duplicate key 'Type' (first at line 2) [yaml.duplicate-key]

            """)
    }

    @Test func textColoursSeveritiesOnlyWhenAsked() {
        let plain = TextReporter(color: false).render(run([("t.yaml", template)]))
        let coloured = TextReporter(color: true).render(run([("t.yaml", template)]))
        #expect(plain == "t.yaml:9:7: error: duplicate key 'Handler' (first at line 8) [yaml.duplicate-key]\n")
        #expect(coloured == "t.yaml:9:7: \u{1B}[1;31merror\u{1B}[0m: duplicate key 'Handler' (first at line 8) [yaml.duplicate-key]\n")
    }

    @Test func everyTextReporterPaintsSeveritiesAlike() {
        // Validate, plan and drift text share these colours.
        #expect(ANSIColor.severity(.error, enabled: true) == "\u{1B}[1;31merror\u{1B}[0m")
        #expect(ANSIColor.severity(.warning, enabled: true) == "\u{1B}[1;33mwarning\u{1B}[0m")
        #expect(ANSIColor.severity(.info, enabled: true) == "\u{1B}[1;36minfo\u{1B}[0m")
        #expect(ANSIColor.severity(.warning, enabled: false) == "warning")
        #expect(ANSIColor.paint("+", "32", enabled: false) == "+")
    }

    @Test func summaryCountsFilesAndSeverities() {
        #expect(TextReporter.summary(run([("t.yaml", template)])) == "1 file: 1 error, 0 warnings, 0 infos")
        #expect(TextReporter.summary(run([("a.yaml", template), ("b.yaml", template)])) == "2 files: 2 errors, 0 warnings, 0 infos")
    }

    @Test func sameInputGivesIdenticalOutput() {
        let first = JSONReporter().render(run([("a.yaml", template), ("b.yaml", "x: [")]))
        let second = JSONReporter().render(run([("b.yaml", "x: ["), ("a.yaml", template)]))
        #expect(first == second)
    }
}
