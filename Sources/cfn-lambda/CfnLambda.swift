import ArgumentParser
import CFNCore

@main
struct CfnLambda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cfn-lambda",
        abstract: "Validate and plan CloudFormation templates for AWS Lambda.",
        discussion: """
            cfn-lambda reads CloudFormation templates (YAML or JSON) and reports problems with \
            exact file:line:column locations; plan predicts what deploying a new version of a \
            template does to each resource, its code storage and its network interfaces; \
            snapshot reads a deployed stack from AWS, drift explains how it differs from the \
            template, and storage shows where its code storage goes.

            Exit codes: 0 no error finding (see validate --fail-on), 1 an error finding, 2 changes or \
            drift (plan and drift --detailed-exitcode), 64 usage error, 66 unreadable input, 69 no \
            aws CLI (snapshot), 73 an output file cannot be written (snapshot).
            """,
        version: "\(ToolInfo.name) \(ToolInfo.version)",
        subcommands: [Validate.self, PlanCommand.self, ExpandCommand.self, SnapshotCommand.self, DriftCommand.self, StorageCommand.self,
                      Rules.self]
    )
}
