import ArgumentParser
import CFNCore
import CFNReporters

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every rule: its id, default severity, summary and explanation.",
        discussion: """
            Markdown is what docs/rules.md is generated from (scripts/update-rules-doc.sh). \
            JSON is one object, {"formatVersion": 1, "tool": {...}, "rules": [{"id", "severity", \
            "summary", "explanation"}]}, with the rules sorted by id.

            Examples:
              cfn-lambda rules
              cfn-lambda rules --format json
            """
    )

    @Option(name: .shortAndLong, help: "Output format.")
    var format: RuleListFormat = .markdown

    func run() throws {
        let reporter = RuleListReporter(rules: RuleCatalog.all)
        switch format {
        case .markdown: Console.output(reporter.markdown())
        case .json: Console.output(reporter.json())
        }
    }
}
