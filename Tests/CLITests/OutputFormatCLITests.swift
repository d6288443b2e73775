import CFNCore
import Foundation
import Testing

/// `validate --format sarif|github`, `--fail-on` and `rules`, run through the built binary.
@Suite struct OutputFormatCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func sarifIsOneLogWithTheFindingAndEveryRule() throws {
        let scratch = try Scratch(["bad.yaml": "Resources:\n  Fn: {Type: T, Type: U}\n"])
        let result = try CLI.run(["validate", "--format", "sarif", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "1 file: 1 error, 0 warnings, 0 infos\n")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.count == RuleCatalog.all.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["yaml.duplicate-key"])
        let physical = (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "bad.yaml")
        #expect(physical?["region"] as? [String: Int] == ["startLine": 2, "startColumn": 17, "endLine": 2, "endColumn": 21])
    }

    @Test func githubPrintsOneAnnotationPerFinding() throws {
        let scratch = try Scratch(["bad.yaml": "Resources:\n  Fn: {Type: T, Type: U}\n"])
        let result = try CLI.run(["validate", "--format", "github", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "::error file=bad.yaml,line=2,col=17,endLine=2,endColumn=21,title=yaml.duplicate-key::duplicate key 'Type' (first at line 2)\n")
        #expect(result.stderr == "1 file: 1 error, 0 warnings, 0 infos\n")
    }

    @Test func failOnIsAcceptedAndAnErrorStillFails() throws {
        let scratch = try Scratch(["bad.yaml": "Resources:\n  Fn: {Type: T, Type: U}\n", "good.yaml": good])
        for threshold in ["error", "warning", "info"] {
            #expect(try CLI.run(["validate", "--fail-on", threshold, "bad.yaml"], in: scratch.url).status == 1)
            #expect(try CLI.run(["validate", "--fail-on", threshold, "good.yaml"], in: scratch.url).status == 0)
        }
        #expect(try CLI.run(["validate", "--fail-on", "fatal", "good.yaml"], in: scratch.url).status == 64)
    }

    @Test func helpShowsFormatsAndThresholds() throws {
        let help = try CLI.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("values: text, json, sarif, github"))
        #expect(help.stdout.contains("--fail-on <fail-on>"))
        #expect(help.stdout.contains("values: error, warning, info; default: error"))
        #expect(help.stdout.contains("cfn-lambda validate --format json stack.yaml > findings.json"))
    }

    @Test func rulesAsJSONListsEveryCatalogRule() throws {
        let result = try CLI.run(["rules", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleCatalog.all.map(\.id).sorted())
        #expect(rules.map { $0["severity"] as? String } == RuleCatalog.all.sorted { $0.id < $1.id }.map(\.severity.rawValue))
    }

    @Test func rulesAsMarkdownIsDocsRulesMarkdown() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0)
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(result.stdout == docs)
        #expect(try CLI.run(["rules", "--format", "yaml"]).status == 64)
    }
}
