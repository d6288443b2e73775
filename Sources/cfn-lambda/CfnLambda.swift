import ArgumentParser
import CFNCore

@main
struct CfnLambda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cfn-lambda",
        abstract: "Validate and plan CloudFormation templates for AWS Lambda.",
        discussion: """
            cfn-lambda reads CloudFormation templates (YAML or JSON) and reports problems with \
            exact file:line:column locations.

            Exit codes: 0 no error finding (see validate --fail-on), 1 an error finding, 64 usage \
            error, 66 unreadable input.
            """,
        version: "\(ToolInfo.name) \(ToolInfo.version)",
        subcommands: [Validate.self, Rules.self]
    )
}
