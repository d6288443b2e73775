import ArgumentParser
import CFNCore
import CFNReporters

struct StorageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage",
        abstract: "Show where a deployed stack's Lambda-managed code storage goes, and what could be reclaimed.",
        usage: "cfn-lambda storage --state FILE [--format text|json|markdown]",
        discussion: """
            Reads a state file from `cfn-lambda snapshot` and lists every function version \
            ($LATEST and each published version) and every version of the stack's layers, with its \
            size, its storage mode (COPY counts against the quota; REFERENCE and images do not), and \
            what keeps it: $LATEST, an alias (or its routing weights), provisioned concurrency on a \
            version, an event source mapping that names a version, a resource of the stack, or a \
            function using the layer version. A version nothing refers to is reclaimable: the \
            report prints the `aws lambda delete-function --qualifier` and `aws lambda \
            delete-layer-version` commands that delete them, and never runs them (cfn-lambda only \
            reads from AWS).

            Totals are per function and for the stack, with the share of the account's quota \
            (AccountLimit.TotalCodeSize) and, at the recent rate (a new version of each function \
            that publishes versions, at its latest size, per deployment), how many deployments \
            remain before the quota. A size, storage mode or version list that is not known makes \
            the totals lower bounds, and the report says what is missing.

            Exit codes: 0 the report is printed, 1 the state file is not a readable state, 64 usage \
            error, 66 the state file cannot be read.

            Examples:
              cfn-lambda snapshot --stack orders -o orders.state.json
              cfn-lambda storage --state orders.state.json
              cfn-lambda storage --state orders.state.json -f json \\
                | jq '.items[] | select(.reclaimable)'
            """
    )

    @Option(help: ArgumentHelp("The state file `cfn-lambda snapshot` wrote.", valueName: "file"))
    var state: String

    @Option(name: .shortAndLong, help: "Output format.")
    var format: PlanFormat = .text

    func run() throws {
        var unreadable: [String] = []
        let input = PlanStateInput(path: state, into: &unreadable)
        for problem in unreadable { Console.error("cfn-lambda: \(problem)") }
        if !unreadable.isEmpty { throw ExitCode(66) }
        if let report = input.report {
            Console.error(TextReporter(color: false).render(ValidationRun(reports: [report])).trimmingTrailingNewlines)
        }
        guard let deployed = input.state else { throw ExitCode(1) }
        let report = StorageReport(state: deployed)
        switch format {
        case .text: Console.output(StorageTextReporter().render(report))
        case .json: Console.output(StorageJSONReporter().render(report))
        case .markdown: Console.output(StorageMarkdownReporter().render(report))
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
