import ArgumentParser
import CFNCore
import Foundation

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write what AWS says about a deployed stack and its Lambda functions and layers to a state file.",
        discussion: """
            snapshot reads a deployed stack through the aws CLI, with its credential chain \
            (environment, --profile or AWS_PROFILE, SSO, instance and container roles), and writes \
            one JSON state file for plan --state and drift --state: the stack's parameters and \
            status (cloudformation describe-stacks), its original template (get-template), its \
            resources' physical IDs (describe-stack-resources), the account's code storage \
            (lambda get-account-settings), each function's configuration, code size, layers, \
            VPC configuration and state (lambda get-function), its published versions \
            (list-versions-by-function), aliases (list-aliases), provisioned concurrency \
            (list-provisioned-concurrency-configs) and event source mappings \
            (list-event-source-mappings), and each layer version (get-layer-version-by-arn) with, \
            for the stack's own, its permission policy (get-layer-version-policy) and every \
            version of its layer (list-layer-versions). The responses are kept exactly as the CLI \
            printed them; docs/state-file.md describes the file.

            Only these read calls are made: nothing is ever changed in the account. The \
            credentials need cloudformation:DescribeStacks, cloudformation:GetTemplate, \
            cloudformation:DescribeStackResources, lambda:GetAccountSettings, lambda:GetFunction, \
            lambda:ListVersionsByFunction, lambda:ListAliases, \
            lambda:ListProvisionedConcurrencyConfigs, lambda:ListEventSourceMappings, \
            lambda:GetLayerVersion, lambda:GetLayerVersionPolicy and lambda:ListLayerVersions (the \
            AWS managed policy ReadOnlyAccess has them all). Two local commands, \
            `aws --version` and `aws lambda get-function help`, record which CLI made the snapshot \
            and whether it reports self-managed code (Code.ResolvedS3Object); an older CLI does not, \
            and drift then cannot tell COPY from REFERENCE.

            Calls run 8 at once; one that AWS throttles is tried up to 5 times, with exponential \
            backoff and jitter (the CLI's own retries are set with AWS_RETRY_MODE and \
            AWS_MAX_ATTEMPTS); one that takes longer than --call-timeout is stopped. A layer \
            version that no longer exists, or has no policy, is recorded in the file's errors as \
            information. Any other call that fails is recorded there too, and said on standard \
            error with the permission it lacks when it was denied; a call whose answer plan and \
            storage can do without (account settings, versions, aliases, provisioned concurrency, \
            event source mappings, layer versions and policies) is a warning.

            Exit codes: 0 the file is written (perhaps with warnings), 1 the stack could not be \
            read (no such stack, no credentials, a stack call denied or timed out: nothing is \
            written), 2 the file is written but a function could not be read (get-function \
            failed), 64 usage error, 69 the aws CLI is not installed, 73 the output file cannot \
            be written.

            Examples:
              cfn-lambda snapshot --stack orders --region eu-west-1 -o state.json
              cfn-lambda snapshot --stack orders --profile prod-readonly > state.json
              AWS_PROFILE=ci cfn-lambda snapshot --stack orders -o state.json && \\
                cfn-lambda plan --state state.json -f markdown orders.yaml > plan.md
              cfn-lambda snapshot --stack orders --endpoint-url http://127.0.0.1:5000
            """
    )

    @Option(help: ArgumentHelp("The stack's name or ID.", valueName: "NAME"))
    var stack: String

    @Option(help: ArgumentHelp("The stack's region; by default the aws CLI's (AWS_REGION, AWS_DEFAULT_REGION, the profile).", valueName: "R"))
    var region: String?

    @Option(help: ArgumentHelp("A named profile of the aws CLI's configuration.", valueName: "P"))
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: ArgumentHelp("Send every call to this URL (a local emulator such as moto).", valueName: "URL"))
    var endpointURL: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the state file here; by default to standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("call-timeout"), help: ArgumentHelp("Seconds one call may take before it is stopped.", valueName: "SECONDS"))
    var callTimeout: Int = 60

    @Option(name: .customLong("captured-at"), help: .hidden)
    var capturedAt: String?

    @Option(name: .customLong("retry-delay"), help: .hidden)
    var retryDelay: Double = 0.5

    func validate() throws {
        if stack.isEmpty { throw ValidationError("--stack must name a stack.") }
        if callTimeout < 1 { throw ValidationError("--call-timeout must be at least 1 second, not \(callTimeout).") }
        if !(retryDelay >= 0) { throw ValidationError("--retry-delay must be 0 or more seconds.") }
    }

    func run() throws {
        guard let aws = SnapshotProcessRunner.locateAWS() else {
            Console.error("cfn-lambda: snapshot: the aws CLI was not found on PATH; install it "
                + "(https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html, or `pip install awscli`) "
                + "and check that `aws --version` runs")
            throw ExitCode(69)
        }
        if let output, let problem = Self.unwritable(output) {
            Console.error("cfn-lambda: snapshot: cannot write \(output): \(problem)")
            throw ExitCode(73)
        }
        let target = SnapshotTarget(stack: stack, region: region, profile: profile, endpointURL: endpointURL)
        let runner = SnapshotProcessRunner(executable: aws, timeout: callTimeout, retryDelay: retryDelay)
        // The one place the clock is read.
        let time = capturedAt ?? ISO8601DateFormatter().string(from: Date())
        // Local commands, no call to AWS: which CLI this is, and whether it reports self-managed code.
        let cli = SnapshotCLIInfo(version: runner.runOnce(["--version"]),
                                  help: runner.runOnce(["lambda", "get-function", "help"], environment: ["PAGER": "cat", "MANPAGER": "cat"]))
        let outcome = SnapshotCollector(target: target).collect(capturedAt: time, cli: cli, run: runner.run)
        for note in outcome.failureNotes {
            Console.error("cfn-lambda: snapshot: \(note.isWarning ? "warning: " : "")\(note.explanation)")
        }
        guard let file = outcome.file else {
            Console.error("cfn-lambda: snapshot: stack \(stack) could not be read; nothing was written")
            throw ExitCode(1)
        }
        if let output {
            do {
                try Data(file).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Console.error("cfn-lambda: snapshot: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(73)
            }
        } else {
            FileHandle.standardOutput.write(Data(file))
        }
        if !outcome.unreadFunctions.isEmpty { throw ExitCode(2) }
    }

    /// Why `path` cannot be written, checked before any call is made; nil when it can.
    static func unwritable(_ path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a directory" }
            return manager.isWritableFile(atPath: path) ? nil : "permission denied"
        }
        let directory = PathText.directory(of: path)
        let parent = directory.isEmpty ? "." : directory
        guard manager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "directory \(parent) does not exist"
        }
        return manager.isWritableFile(atPath: parent) ? nil : "permission denied in \(parent)"
    }
}
