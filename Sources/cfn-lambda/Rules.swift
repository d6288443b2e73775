import ArgumentParser
import CFNCore
import CFNReporters

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or explain one: its id, default severity, summary and explanation.",
        discussion: """
            Markdown is what docs/rules.md is generated from (scripts/update-rules-doc.sh). \
            JSON is one object, {"formatVersion": 1, "tool": {...}, "rules": [{"id", "severity", \
            "summary", "explanation"}]}, with the rules sorted by id.

            Examples:
              cfn-lambda rules
              cfn-lambda rules lambda.timeout
              cfn-lambda rules --format json
            """
    )

    @Option(name: .shortAndLong, help: "Output format.")
    var format: RuleListFormat = .markdown

    @Argument(help: ArgumentHelp("A rule to explain (the id in brackets after a finding).", valueName: "rule-id"))
    var id: String?

    func validate() throws {
        if let id, RuleCatalog.descriptor(id) == nil {
            throw ValidationError("no such rule '\(id)'\(Suggestion.hint(for: id, among: RuleCatalog.all.map(\.id))); `cfn-lambda rules` lists them.")
        }
    }

    func run() throws {
        if let rule = id.flatMap(RuleCatalog.descriptor) {
            let reporter = RuleListReporter(rules: [rule])
            Console.output(format == .json ? reporter.json() : reporter.markdown(rule: rule))
            return
        }
        let reporter = RuleListReporter(rules: RuleCatalog.all)
        switch format {
        case .markdown: Console.output(reporter.markdown())
        case .json: Console.output(reporter.json())
        }
    }
}
