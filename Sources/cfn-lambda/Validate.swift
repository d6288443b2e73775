import ArgumentParser
import CFNCore
import CFNReporters
import Foundation

struct Validate: ParsableCommand {
    // Named, not derived from the type's name: String(describing:) of a type costs the runtime a
    // conformance search through the whole binary, a tenth of a small validate run.
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check templates and report findings with their locations.",
        discussion: """
            Each FILE is a CloudFormation template in YAML or JSON. A directory is searched for \
            *.yaml, *.yml, *.json and *.template files that look like templates (they mention \
            Resources or AWSTemplateFormatVersion).

            Formats: text is one line per finding, `file:line:column: severity: message [rule-id]`; \
            json follows the versioned contract in the README; sarif is SARIF 2.1.0 for GitHub code \
            scanning; github is GitHub Actions workflow commands (`::error file=...::message`), shown \
            as annotations. A one-line summary goes to standard error. Colour is used only on a \
            terminal, and not when NO_COLOR is set unless --color always. `cfn-lambda rules` lists the rules.

            Values: parameters come from --parameters, else the configuration's defaults, else their \
            Default, else they are unknown; unknown values are never reported as wrong. Pseudo \
            parameters come from --region, --account-id and --stack-name. Findings can be turned \
            off with --ignore, in .cfn-lambda.yaml, or in the template's Metadata \
            (cfn-lambda: {ignore: [rule-id]}) for the template or one resource.

            Exit codes: 0 no finding at or above --fail-on (default: error), 1 at least one such \
            finding, 64 usage error, 66 a file could not be read (the others are still checked and \
            reported).

            Examples:
              cfn-lambda validate templates/
              cfn-lambda validate --format json stack.yaml > findings.json
              cfn-lambda validate a.yaml b.json
              cfn-lambda validate --format sarif templates/ > cfn-lambda.sarif
              cfn-lambda validate --format github --fail-on warning templates/
              cfn-lambda validate --parameters Stage=prod --region eu-west-1 stack.yaml
              cfn-lambda validate --parameters params.json stack.yaml
              git show main:stack.yaml | cfn-lambda validate --stdin-name stack.yaml -
              cfn-lambda validate --exclude cdk.out --format markdown . > review.md
              cfn-lambda validate --ignore reference.cycle --today 2026-01-31 stack.yaml
            """
    )

    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: "Exit 1 when a finding is at least this severe.")
    var failOn: FailureThreshold = .error

    @OptionGroup(title: "Template values and rules")
    var options: TemplateSettingsOptions

    @OptionGroup(title: "Inputs")
    var inputs: InputOptions

    @OptionGroup(title: "Display")
    var display: DisplayOptions

    @Argument(help: "Template files or directories to check.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("Give at least one template file or directory.")
        }
    }

    func run() throws {
        display.apply()
        let resolved = ResolvedSettings(options)
        let files = TemplateFiles.collect(paths, excludes: inputs.exclude + resolved.configuration.excludes,
                                          stdinName: inputs.stdinName, onlyTemplates: inputs.onlyTemplates)
        let unreadable = resolved.unreadable.map(UnreadableInput.init(problem:)) + files.unreadable
        for problem in unreadable {
            Console.error("cfn-lambda: \(problem.description)")
        }
        resolved.warnAboutUndeclaredParameters(in: files.readable.map(\.bytes))
        let reports = Analysis.validate(files.readable.map { InputFile(path: $0.path, bytes: $0.bytes) }, settings: resolved.analysis,
                                        progress: Console.progress(total: files.readable.count))
        Console.endProgress(total: files.readable.count)
        let run = ValidationRun(reports: resolved.inputReports + reports, unreadable: unreadable)
        switch format {
        case .text:
            Console.output(TextReporter(color: Console.useColor).render(run))
        case .json:
            Console.output(JSONReporter().render(run))
        case .sarif:
            Console.output(SARIFReporter(rules: RuleCatalog.all).render(run))
        case .github:
            Console.output(GitHubReporter().render(run))
        case .markdown:
            Console.output(ValidationMarkdownReporter().render(run))
        }
        Console.summary(TextReporter.summary(run))
        let nothing = inputs.onlyTemplates && unreadable.isEmpty ? nil : files.nothingToCheck(paths)
        if let nothing { Console.error("cfn-lambda: \(nothing)") }
        if !unreadable.isEmpty || nothing != nil { throw ExitCode(66) }
        if run.hasFinding(atLeast: failOn.severity) { throw ExitCode(1) }
    }
}
