import CFNCore
import CFNReporters
import Foundation
import Testing

@Suite struct SARIFReporterTests {
    let duplicateKey = """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Handler: index.handler
              Handler: other.handler
              Role: arn:aws:iam::123456789012:role/orders

        """

    func parse(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    func onlyRun(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    func rules(_ run: [String: Any]) throws -> [[String: Any]] {
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        return try #require(driver["rules"] as? [[String: Any]])
    }

    func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    func validate(_ files: [(String, String)]) -> ValidationRun {
        ValidationRun(reports: files.map { Validator(checksSchemas: false).validate(file: $0.0, bytes: Array($0.1.utf8)) })
    }

    @Test func logHasSchemaVersionAndOneRunWithTheDriver() throws {
        let output = SARIFReporter().render(validate([("t.yaml", duplicateKey)]))
        #expect(output.hasPrefix(#"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"cfn-lambda","version":""#))
        #expect(output.hasSuffix("}]}\n"))
        let log = try parse(output)
        #expect(Set(log.keys) == ["$schema", "version", "runs"])
        let run = try onlyRun(log)
        #expect(Set(run.keys) == ["tool", "columnKind", "results"])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(Set(driver.keys) == ["name", "version", "rules"])
        #expect(driver["name"] as? String == "cfn-lambda")
        #expect(driver["version"] as? String == ToolInfo.version)
    }

    @Test func driverListsEveryCatalogRuleSortedWithItsTexts() throws {
        let run = try onlyRun(try parse(SARIFReporter().render(ValidationRun(reports: []))))
        let rules = try rules(run)
        #expect(rules.map { $0["id"] as? String } == RuleCatalog.all.map(\.id).sorted())
        let duplicate = try #require(rules.first { $0["id"] as? String == "yaml.duplicate-key" })
        let expected: [String: Any] = [
            "id": "yaml.duplicate-key",
            "name": "YamlDuplicateKey",
            "shortDescription": ["text": LoaderRules.duplicateKey.summary],
            "fullDescription": ["text": LoaderRules.duplicateKey.explanation],
            "help": ["text": LoaderRules.duplicateKey.explanation],
            "defaultConfiguration": ["level": "error"],
        ]
        #expect(duplicate as NSDictionary == expected as NSDictionary)
        #expect(try results(run).isEmpty)
    }

    @Test func defaultLevelsMapErrorWarningAndInfoToErrorWarningAndNote() throws {
        let descriptors = [
            RuleDescriptor(id: "b.warn", severity: .warning, summary: "w", explanation: "W."),
            RuleDescriptor(id: "a.info", severity: .info, summary: "i", explanation: "I."),
            RuleDescriptor(id: "c.error", severity: .error, summary: "e", explanation: "E."),
        ]
        let rules = try rules(try onlyRun(try parse(SARIFReporter(rules: descriptors).render(ValidationRun(reports: [])))))
        #expect(rules.map { $0["id"] as? String } == ["a.info", "b.warn", "c.error"])
        #expect(rules.map { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String } == ["note", "warning", "error"])
        #expect(rules.map { $0["name"] as? String } == ["AInfo", "BWarn", "CError"])
    }

    @Test func resultWithAResourceHasExactFields() throws {
        let run = try onlyRun(try parse(SARIFReporter().render(validate([("stacks/t.yaml", duplicateKey)]))))
        let results = try results(run)
        try #require(results.count == 1)
        let index = try #require(RuleCatalog.all.map(\.id).sorted().firstIndex(of: "yaml.duplicate-key"))
        let expected: [String: Any] = [
            "ruleId": "yaml.duplicate-key",
            "ruleIndex": index,
            "level": "error",
            "message": ["text": "duplicate key 'Handler' (first at line 5)"],
            "locations": [[
                "physicalLocation": [
                    "artifactLocation": ["uri": "stacks/t.yaml"],
                    "region": ["startLine": 6, "startColumn": 7, "endLine": 6, "endColumn": 14],
                ],
                "logicalLocations": [["name": "Fn", "kind": "resource"]],
            ]],
        ]
        #expect(results[0] as NSDictionary == expected as NSDictionary)
        #expect(try rules(run)[index]["id"] as? String == "yaml.duplicate-key")
    }

    @Test func resultWithoutAResourceHasNoLogicalLocationAndAnEncodedURI() throws {
        let run = try onlyRun(try parse(SARIFReporter().render(validate([("dir/a b:c%é.json", "{\"Resources\": {,}}")]))))
        let results = try results(run)
        try #require(results.count == 1)
        let index = try #require(RuleCatalog.all.map(\.id).sorted().firstIndex(of: "yaml.syntax"))
        let expected: [String: Any] = [
            "ruleId": "yaml.syntax",
            "ruleIndex": index,
            "level": "error",
            "message": ["text": "syntax error: did not find expected node content (while parsing a flow node, from line 1)"],
            "locations": [[
                "physicalLocation": [
                    "artifactLocation": ["uri": "dir/a%20b%3Ac%25%C3%A9.json"],
                    "region": ["startLine": 1, "startColumn": 16, "endLine": 1, "endColumn": 17],
                ],
            ]],
        ]
        #expect(results[0] as NSDictionary == expected as NSDictionary)
    }

    @Test func levelsColumnsInScalarsAndUnknownRulesWithoutIndex() throws {
        let report = handMadeReport("/abs/é.yaml", "é: x\nb: y\n", [
            ("a.warn", .warning, "careful", 4..<5, nil),
            ("a.info", .info, "fyi", 9..<10, "B"),
        ])
        let descriptors = [RuleDescriptor(id: "a.warn", severity: .warning, summary: "w", explanation: "W.")]
        let results = try results(try onlyRun(try parse(SARIFReporter(rules: descriptors).render(ValidationRun(reports: [report])))))
        #expect(results.map { $0["level"] as? String } == ["warning", "note"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, nil])
        let regions = results.map { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int] }
        #expect(regions == [
            ["startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 5],
            ["startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 5],
        ])
        let uris = results.map { ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])?["uri"] }
        #expect(uris == ["/abs/%C3%A9.yaml", "/abs/%C3%A9.yaml"])
    }

    @Test func resultsComeInTheJSONReportersOrder() throws {
        let run = validate([
            ("z.yaml", "Resources:\n  A-1: {Type: T, Type: U}\n"),
            ("a.yaml", "Oops: 1\nResources:\n  B: {Type: T}\n"),
        ])
        let sarif = try results(try onlyRun(try parse(SARIFReporter().render(run)))).map { result -> String in
            let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let line = (physical?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            return "\(uri):\(line) \(result["ruleId"] as? String ?? "")"
        }
        let json = try #require(try parse(JSONReporter().render(run))["findings"] as? [[String: Any]]).map {
            "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0) \($0["rule"] as? String ?? "")"
        }
        #expect(sarif == ["a.yaml:1 template.unknown-section", "z.yaml:2 resource.invalid-logical-id", "z.yaml:2 yaml.duplicate-key"])
        #expect(sarif == json)
    }

    @Test func sameInputGivesIdenticalBytes() {
        let first = SARIFReporter().render(validate([("a.yaml", duplicateKey), ("b.yaml", "x: [")]))
        let second = SARIFReporter().render(validate([("b.yaml", "x: ["), ("a.yaml", duplicateKey)]))
        #expect(first == second)
    }
}
