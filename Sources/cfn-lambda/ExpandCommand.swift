import ArgumentParser
import CFNCore
import CFNReporters

struct ExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Print a template as CloudFormation processes it, with the SAM transform expanded.",
        discussion: """
            Prints the processed template: what `aws cloudformation get-template --template-stage \
            Processed` returns after the AWS::Serverless-2016-10-31 transform. cfn-lambda expands \
            AWS::Serverless::Function (its role, version, alias, URL and event sources), \
            LayerVersion, Api, HttpApi, WebSocketApi, StateMachine, SimpleTable, Application, \
            Connector and CapacityProvider. Other SAM types (GraphQLApi) are printed as written \
            with a sam.not-expanded warning, and an API using what is not generated yet (REST API \
            auth, custom domains) as written with a sam.partly-expanded warning. A template without the SAM transform is printed as loaded. Intrinsic functions are \
            written in their long form ({"Fn::GetAtt": ["A", "Arn"]}).

            A local CodeUri or ContentUri (src/), which `sam package` uploads, becomes an S3 \
            location in the bucket local-artifact-uploaded-by-sam-package with the path as key. \
            Errors of the transform and warnings go to standard error, one per line.

            Exit codes: 0 printed, 1 the transform (or loading) failed with an error, 64 usage \
            error, 66 the file could not be read.

            Examples:
              cfn-lambda expand template.yaml
              cfn-lambda expand --format yaml --parameters Stage=prod template.yaml
            """
    )

    enum Format: String, ArgumentChoice {
        case json
        case yaml

        static let choices: [Self] = [.json, .yaml]
    }

    @Option(name: .shortAndLong, help: "Output format.")
    var format: Format = .json

    @OptionGroup(title: "Template values")
    var options: TemplateSettingsOptions

    @Argument(help: "The template file.")
    var path: String

    func run() throws {
        let resolved = ResolvedSettings(options)
        guard let bytes = TemplateFiles.read(path) else {
            Console.error("cfn-lambda: \(path): cannot be read")
            throw ExitCode(66)
        }
        let result = ProcessedTemplate(bytes: bytes, settings: resolved.settings)
        if !result.findings.isEmpty {
            let run = ValidationRun(reports: [FileReport(file: path, source: result.source, findings: result.findings)])
            Console.error(String(TextReporter(color: Console.useColor).render(run).dropLast()))
        }
        guard let tree = result.tree else { throw ExitCode(1) }
        Console.output(TemplateText.render(tree, format: format == .json ? .json : .yaml))
    }
}
