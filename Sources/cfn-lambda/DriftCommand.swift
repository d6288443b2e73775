import ArgumentParser
import CFNCore
import CFNLoader
import CFNReporters
import Foundation

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Explain how the deployed Lambda resources differ from the template, in Lambda's terms.",
        usage: "cfn-lambda drift --state FILE [<options>] [TEMPLATE]",
        discussion: """
            Compares each Lambda resource of TEMPLATE (by default the template the stack was \
            deployed from, as the state file holds it), resolved with the stack's parameter values, \
            with what Lambda has according to a state file from `cfn-lambda snapshot`, and explains \
            every difference with a fix: code stored as a managed copy where the template says \
            REFERENCE (or the reverse) and what it costs in quota — which CloudFormation's drift \
            detection cannot see, since Code is write-only; another S3 object version; Inactive \
            functions that lost access to their self-managed code; Pending or Failed functions \
            (EniLimitExceeded, SubnetOutOfIPAddresses, InvalidSubnet, InvalidSecurityGroup) and Idle \
            ones; layer versions attached by hand or deleted; layer permissions granted outside \
            CloudFormation (a security finding); runtime, handler, memory, timeout, architectures, \
            role, subnets and security groups (as sets), and the names of environment variables \
            (values are never printed). Values the template leaves to deployment are not guessed.

            --cfn-drift FILE reads what `aws cloudformation describe-stack-resource-drifts \
            --stack-name NAME` printed and explains each of its property differences too.

            Each difference is located at the template's property (file:line:column) and has a \
            rule (`cfn-lambda rules` lists the drift.* rules; --ignore and the configuration file \
            turn them off). Formats: text, json (versioned, see the README), markdown.

            Exit codes: 0 no error (drift of warning or info severity may be reported), 1 an error \
            (a function that cannot run, a deleted resource, a layer shared outside CloudFormation, \
            or an input with errors), 2 with --detailed-exitcode when anything differs and there is \
            no error, 64 usage error, 66 an input could not be read.

            Examples:
              cfn-lambda snapshot --stack orders -o orders.state.json
              cfn-lambda drift --state orders.state.json
              cfn-lambda drift -f markdown --state orders.state.json t.yaml > drift.md
              aws cloudformation detect-stack-drift --stack-name orders
              # then, when the detection is done:
              aws cloudformation describe-stack-resource-drifts --stack-name orders \\
                > cfn-drift.json
              cfn-lambda drift --state orders.state.json --cfn-drift cfn-drift.json
            """
    )

    @Option(help: ArgumentHelp("The state file `cfn-lambda snapshot` wrote.", valueName: "file"))
    var state: String

    @Option(name: .customLong("cfn-drift"),
            help: ArgumentHelp("What `aws cloudformation describe-stack-resource-drifts` printed: explain its differences too.", valueName: "file"))
    var cfnDrift: String?

    @Option(name: .shortAndLong, help: "Output format.")
    var format: PlanFormat = .text

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when anything differs and there is no error.")
    var detailedExitcode = false

    @OptionGroup(title: "Template values and rules")
    var options: TemplateSettingsOptions

    @OptionGroup(title: "Display")
    var display: DisplayOptions

    @Argument(help: ArgumentHelp("The template to compare (default: the stack's deployed template, from the state file).", valueName: "TEMPLATE"))
    var template: String?

    func run() throws {
        display.apply()
        var unreadable: [String] = []
        let input = PlanStateInput(path: state, into: &unreadable)
        var otherReports = input.report.map { [$0] } ?? []
        var drifts: [CloudFormationResourceDrift] = []
        if let cfnDrift {
            if let bytes = TemplateFiles.read(cfnDrift) {
                let parsed = CloudFormationResourceDrift.parse(bytes)
                drifts = parsed.drifts
                if !parsed.findings.isEmpty { otherReports.append(FileReport(file: cfnDrift, bytes: bytes, findings: parsed.findings)) }
            } else {
                unreadable.append("\(cfnDrift): no such file, or it cannot be read")
            }
        }
        let settings = ResolvedSettings(options, deployed: input.state)
        unreadable += settings.unreadable
        otherReports += settings.inputReports

        var templateName = template ?? "\(state) (deployed template)"
        var templateBytes: [UInt8]?
        if let template {
            templateBytes = PlanCommand.readTemplate(template, into: &unreadable)
        } else if let deployed = input.state {
            templateName = "stack \(deployed.stackName) (deployed template)"
            templateBytes = deployed.template
        }
        for problem in unreadable { Console.error("cfn-lambda: \(problem)") }
        if !unreadable.isEmpty && (input.state == nil || templateBytes == nil) { throw ExitCode(66) }

        var report: DriftReport?
        var source = SourceText(bytes: templateBytes ?? [])
        if let deployed = input.state, let templateBytes {
            let result = Analysis.drift(template: InputFile(path: templateName, bytes: templateBytes), state: deployed,
                                        cloudFormation: drifts, settings: settings.analysis)
            report = result.report
            source = result.templateSource
            if let problems = result.templateReport { otherReports.insert(problems, at: 0) }
        }
        let run = DriftRun(report: report, template: templateName, templateSource: source, state: state, otherReports: otherReports)
        switch format {
        case .text:
            Console.output(DriftTextReporter(color: Console.useColor).render(run))
        case .json:
            Console.output(DriftJSONReporter().render(run))
            Console.summary(run.summary)
        case .markdown:
            Console.output(DriftMarkdownReporter().render(run))
            Console.summary(run.summary)
        }
        if !unreadable.isEmpty { throw ExitCode(66) }
        if run.hasError { throw ExitCode(1) }
        if detailedExitcode && run.hasDrift { throw ExitCode(2) }
    }
}
