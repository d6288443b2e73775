import Foundation
import Testing

/// A fake `aws` CLI on PATH: it records every call's arguments and replays canned answers.
///
/// The answer to `aws A B C --output json …` is in `answers/A_B_C.*` (spaces, `/` and `:` of the
/// arguments become `_`): `.out` goes to standard output, `.err` to standard error, `.rc` is the
/// exit status (default 0 with `.out`, 255 with only `.err`). `.throttle` holds how many times to
/// answer ThrottlingException first; `.sleep` makes the call take that many seconds (in a child
/// process, which a timeout must stop too).
final class FakeAWSCLI {
    let scratch: Scratch

    static let script = #"""
        #!/bin/bash
        printf '%s\n' "$*" >> "$FAKE_AWS_DIR/calls.log"
        name=""
        for arg in "$@"; do
            [ "$arg" = "--output" ] && break
            name="$name${name:+ }$arg"
        done
        file="$FAKE_AWS_DIR/answers/$(printf '%s' "$name" | tr '/: ' '___')"
        if [ -f "$file.throttle" ]; then
            left=$(cat "$file.throttle")
            if [ "$left" -gt 0 ]; then
                echo $((left - 1)) > "$file.throttle"
                printf '\nAn error occurred (ThrottlingException) when calling the %s operation (reached max retries: 4): Rate exceeded\n' "$2" >&2
                exit 255
            fi
        fi
        if [ -f "$file.sleep" ]; then sleep "$(cat "$file.sleep")"; echo '{}'; exit 0; fi
        if [ -f "$file.out" ]; then cat "$file.out"; fi
        if [ -f "$file.err" ]; then cat "$file.err" >&2; fi
        if [ -f "$file.rc" ]; then exit "$(cat "$file.rc")"; fi
        if [ -f "$file.out" ]; then exit 0; fi
        if [ -f "$file.err" ]; then exit 255; fi
        echo "fake aws: no answer for: $name" >&2
        exit 255
        """#

    init() throws {
        scratch = try Scratch(["bin/aws": Self.script, "answers/.keep": ""])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("bin/aws"))
    }

    /// Sets the answer to `aws COMMAND` (without the global options).
    func answer(_ command: String, out: String? = nil, err: String? = nil, status: Int32? = nil, throttle: Int? = nil, sleep: Int? = nil) throws {
        let base = "answers/" + command.dropFirst("aws ".count).map { $0 == " " || $0 == "/" || $0 == ":" ? "_" : String($0) }.joined()
        func write(_ suffix: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.path(base + suffix)))
        }
        if let out { try write(".out", out) }
        if let err { try write(".err", err) }
        if let status { try write(".rc", "\(status)") }
        if let throttle { try write(".throttle", "\(throttle)") }
        if let sleep { try write(".sleep", "\(sleep)") }
    }

    /// Every call's arguments, one line each, sorted (calls run in parallel).
    var calls: [String] {
        let log = (try? String(contentsOfFile: scratch.path("calls.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map(String.init).sorted()
    }

    /// Runs `cfn-lambda ARGUMENTS` with only the fake on PATH (and the shell tools it uses).
    func run(_ arguments: [String], in directory: URL? = nil) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["PATH": scratch.path("bin") + ":/usr/bin:/bin", "FAKE_AWS_DIR": scratch.url.path],
                    in: directory)
    }
}

/// A response file of `Fixtures/state`: what the CLI prints for a call moto does not implement.
func stateFixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/state/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

private let layer = "arn:aws:lambda:us-east-1:123456789012:layer:shared:3"
private let foreignLayer = "arn:aws:lambda:us-east-1:999999999999:layer:tools:7"

private let describeStacks = """
    {
        "Stacks": [
            {
                "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/orders/5d602cf2",
                "StackName": "orders",
                "Parameters": [
                    {
                        "ParameterKey": "Env",
                        "ParameterValue": "prod"
                    }
                ],
                "StackStatus": "UPDATE_COMPLETE"
            }
        ]
    }

    """
private let getTemplate = #"{"TemplateBody": "Parameters:\n  Env: {Type: String}\nResources: {}\n"}"#
private let describeStackResources = """
    {"StackResources": [
        {"LogicalResourceId": "Api", "PhysicalResourceId": "orders-api", "ResourceType": "AWS::Lambda::Function"},
        {"LogicalResourceId": "Shared", "PhysicalResourceId": "\(layer)", "ResourceType": "AWS::Lambda::LayerVersion"},
        {"LogicalResourceId": "Worker", "PhysicalResourceId": "orders-worker", "ResourceType": "AWS::Lambda::Function"}
    ]}
    """
private let api = """
    {"Configuration": {"FunctionName": "orders-api", "CodeSize": 1048576, "MemorySize": 256,
     "Layers": [{"Arn": "\(layer)", "CodeSize": 5242880}, {"Arn": "\(foreignLayer)", "CodeSize": 1000}]}}
    """
private let worker = #"{"Configuration": {"FunctionName": "orders-worker", "CodeSize": 2097152, "VpcConfig": {"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}}"#

private let apiVersions = """
    {"Versions": [{"FunctionName": "orders-api", "Version": "$LATEST", "CodeSize": 1048576},
                  {"FunctionName": "orders-api", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:orders-api:1", "Version": "1", "CodeSize": 1000000},
                  {"FunctionName": "orders-api", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:orders-api:2", "Version": "2", "CodeSize": 1048576}]}
    """
private let apiAliases = #"{"Aliases": [{"AliasArn": "arn:aws:lambda:us-east-1:123456789012:function:orders-api:live", "Name": "live", "FunctionVersion": "2"}]}"#
private let noProvisionedConcurrency = #"{"ProvisionedConcurrencyConfigs": []}"#
private let noMappings = #"{"EventSourceMappings": []}"#
private let workerVersions = #"{"Versions": [{"FunctionName": "orders-worker", "Version": "$LATEST", "CodeSize": 2097152}]}"#
private let noAliases = #"{"Aliases": []}"#
private let olderLayer = "arn:aws:lambda:us-east-1:123456789012:layer:shared:2"
private let sharedVersions = """
    {"LayerVersions": [{"LayerVersionArn": "\(layer)", "Version": 3}, {"LayerVersionArn": "\(olderLayer)", "Version": 2}]}
    """
private let olderLayerVersion = #"{"Content": {"CodeSize": 4194304}, "LayerVersionArn": "arn:aws:lambda:us-east-1:123456789012:layer:shared:2", "Version": 2}"#

private let policyCommand = "aws lambda get-layer-version-policy --layer-name arn:aws:lambda:us-east-1:123456789012:layer:shared --version-number 3"

/// The fake answers every call of a snapshot of stack `orders`.
private func fakeOrders() throws -> FakeAWSCLI {
    let aws = try FakeAWSCLI()
    try aws.answer("aws --version", out: "aws-cli/2.31.12 Python/3.13.7 Linux/6.8.0 exe/x86_64.ubuntu.24\n")
    // The help of a CLI whose model has ResolvedS3Object (an excerpt of its OUTPUT section).
    try aws.answer("aws lambda get-function help",
                   out: "OUTPUT\n       Code -> (structure)\n          RepositoryType -> (string)\n          ResolvedS3Object -> (structure)\n")
    try aws.answer("aws cloudformation describe-stacks --stack-name orders", out: describeStacks)
    try aws.answer("aws cloudformation get-template --stack-name orders --template-stage Original", out: getTemplate)
    try aws.answer("aws cloudformation describe-stack-resources --stack-name orders", out: describeStackResources)
    try aws.answer("aws lambda get-account-settings", out: try stateFixture("get-account-settings.json"))
    try aws.answer("aws lambda get-function --function-name orders-api", out: api)
    try aws.answer("aws lambda get-function --function-name orders-worker", out: worker)
    try aws.answer("aws lambda list-versions-by-function --function-name orders-api", out: apiVersions)
    try aws.answer("aws lambda list-versions-by-function --function-name orders-worker", out: workerVersions)
    try aws.answer("aws lambda list-aliases --function-name orders-api", out: apiAliases)
    try aws.answer("aws lambda list-aliases --function-name orders-worker", out: noAliases)
    for name in ["orders-api", "orders-worker"] {
        try aws.answer("aws lambda list-provisioned-concurrency-configs --function-name \(name)", out: noProvisionedConcurrency)
        try aws.answer("aws lambda list-event-source-mappings --function-name \(name)", out: noMappings)
    }
    try aws.answer("aws lambda list-layer-versions --layer-name shared", out: sharedVersions)
    try aws.answer("aws lambda get-layer-version-by-arn --arn \(olderLayer)", out: olderLayerVersion)
    try aws.answer("aws lambda get-layer-version-by-arn --arn \(layer)", out: try stateFixture("get-layer-version-by-arn.json"))
    try aws.answer(policyCommand, out: try stateFixture("get-layer-version-policy.json"))
    try aws.answer("aws lambda get-layer-version-by-arn --arn \(foreignLayer)",
                   err: "\nAn error occurred (ResourceNotFoundException) when calling the GetLayerVersionByArn operation: "
                       + "The resource you requested does not exist.\n")
    return aws
}

private let options = "--output json --region us-east-1 --profile ci --endpoint-url http://127.0.0.1:9"
private let snapshotArguments = ["snapshot", "--stack", "orders", "--region", "us-east-1", "--profile", "ci",
                                 "--endpoint-url", "http://127.0.0.1:9", "--captured-at", "2026-11-22T03:00:00Z"]

@Suite struct SnapshotCLITests {
    @Test func makesOnlyReadCallsAndWritesTheirAnswers() throws {
        let aws = try fakeOrders()
        let result = try aws.run(snapshotArguments + ["-o", aws.scratch.path("state.json")])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(aws.calls == [
            "--version",
            "cloudformation describe-stack-resources --stack-name orders \(options)",
            "cloudformation describe-stacks --stack-name orders \(options)",
            "cloudformation get-template --stack-name orders --template-stage Original \(options)",
            "lambda get-account-settings \(options)",
            "lambda get-function --function-name orders-api \(options)",
            "lambda get-function --function-name orders-worker \(options)",
            "lambda get-function help",
            "lambda get-layer-version-by-arn --arn \(olderLayer) \(options)",
            "lambda get-layer-version-by-arn --arn \(layer) \(options)",
            "lambda get-layer-version-by-arn --arn \(foreignLayer) \(options)",
            "\(policyCommand.dropFirst(4)) \(options)",
            "lambda list-aliases --function-name orders-api \(options)",
            "lambda list-aliases --function-name orders-worker \(options)",
            "lambda list-event-source-mappings --function-name orders-api \(options)",
            "lambda list-event-source-mappings --function-name orders-worker \(options)",
            "lambda list-layer-versions --layer-name shared \(options)",
            "lambda list-provisioned-concurrency-configs --function-name orders-api \(options)",
            "lambda list-provisioned-concurrency-configs --function-name orders-worker \(options)",
            "lambda list-versions-by-function --function-name orders-api \(options)",
            "lambda list-versions-by-function --function-name orders-worker \(options)",
        ])
        let readOnly: Set = [
            "cloudformation describe-stacks", "cloudformation get-template", "cloudformation describe-stack-resources",
            "lambda get-account-settings", "lambda get-function", "lambda get-layer-version-by-arn", "lambda get-layer-version-policy",
            "lambda list-versions-by-function", "lambda list-aliases", "lambda list-provisioned-concurrency-configs",
            "lambda list-event-source-mappings", "lambda list-layer-versions",
        ]
        // Besides the API calls, only two local commands: the CLI's version and its help.
        for call in aws.calls where call != "--version" && call != "lambda get-function help" {
            let words = call.split(separator: " ")
            #expect(readOnly.contains("\(words[0]) \(words[1])"), "not a read call: \(call)")
        }
        let file = try String(contentsOfFile: aws.scratch.path("state.json"), encoding: .utf8)
        func indented(_ json: String) -> String { json.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(file == """
            {
              "awsCli": {"reportsResolvedS3Object": true, "version": "aws-cli/2.31.12 Python/3.13.7 Linux/6.8.0 exe/x86_64.ubuntu.24"},
              "capturedAt": "2026-11-22T03:00:00Z",
              "endpointUrl": "http://127.0.0.1:9",
              "errors": [
                {"call": "getLayerVersionByArn", "code": "ResourceNotFoundException", "command": "aws lambda get-layer-version-by-arn --arn \(foreignLayer)", \
            "key": "\(foreignLayer)", "message": "The resource you requested does not exist."}
              ],
              "formatVersion": 1,
              "kind": "cfn-lambda-state",
              "region": "us-east-1",
              "responses": {
                "describeStackResources": \(indented(describeStackResources)),
                "describeStacks": \(indented(describeStacks)),
                "getAccountSettings": \(indented(try stateFixture("get-account-settings.json"))),
                "getFunction": {
                  "orders-api": \(api),
                  "orders-worker": \(worker)
                },
                "getLayerVersionByArn": {
                  "\(olderLayer)": \(olderLayerVersion),
                  "\(layer)": \(indented(try stateFixture("get-layer-version-by-arn.json")))
                },
                "getLayerVersionPolicy": {
                  "\(layer)": \(indented(try stateFixture("get-layer-version-policy.json")))
                },
                "getTemplate": \(getTemplate),
                "listAliases": {
                  "orders-api": \(apiAliases),
                  "orders-worker": \(noAliases)
                },
                "listEventSourceMappings": {
                  "orders-api": \(noMappings),
                  "orders-worker": \(noMappings)
                },
                "listLayerVersions": {
                  "arn:aws:lambda:us-east-1:123456789012:layer:shared": \(indented(sharedVersions))
                },
                "listProvisionedConcurrencyConfigs": {
                  "orders-api": \(noProvisionedConcurrency),
                  "orders-worker": \(noProvisionedConcurrency)
                },
                "listVersionsByFunction": {
                  "orders-api": \(indented(apiVersions)),
                  "orders-worker": \(workerVersions)
                }
              },
              "stack": "orders",
              "tool": {"name": "cfn-lambda", "version": "0.1.0"}
            }

            """)
    }

    @Test func writesToStandardOutputWithoutOutputFile() throws {
        let aws = try fakeOrders()
        let result = try aws.run(["snapshot", "--stack", "orders", "--captured-at", "2026-11-22T03:00:00Z"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\n  \"awsCli\": {\"reportsResolvedS3Object\": true, \"version\": \"aws-cli/2.31.12 Python/3.13.7 Linux/6.8.0 exe/x86_64.ubuntu.24\"},\n"
                                        + "  \"capturedAt\": \"2026-11-22T03:00:00Z\",\n  \"endpointUrl\": null,\n"))
        // Without --region the region is the stack's, from its ARN.
        #expect(result.stdout.contains("\n  \"region\": \"us-east-1\",\n"))
        #expect(aws.calls.dropFirst().first == "cloudformation describe-stack-resources --stack-name orders --output json")
    }

    @Test func missingAWSCLIExits69() throws {
        let empty = try Scratch(["bin/.keep": ""])
        let result = try CLI.run(["snapshot", "--stack", "orders", "-o", empty.path("state.json")], environment: ["PATH": empty.path("bin")])
        #expect(result.status == 69)
        #expect(result.stderr == "cfn-lambda: snapshot: the aws CLI was not found on PATH; install it "
                + "(https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html, or `pip install awscli`) "
                + "and check that `aws --version` runs\n")
        #expect(!FileManager.default.fileExists(atPath: empty.path("state.json")))
    }

    @Test func missingCredentialsWriteNothing() throws {
        let aws = try FakeAWSCLI()
        for command in ["aws cloudformation describe-stacks --stack-name orders",
                        "aws cloudformation get-template --stack-name orders --template-stage Original",
                        "aws cloudformation describe-stack-resources --stack-name orders", "aws lambda get-account-settings"] {
            try aws.answer(command, err: "Unable to locate credentials. You can configure credentials by running \"aws configure\".\n")
        }
        let result = try aws.run(["snapshot", "--stack", "orders", "-o", aws.scratch.path("state.json")])
        #expect(result.status == 1)
        #expect(result.stderr == """
            cfn-lambda: snapshot: the aws CLI found no credentials (Unable to locate credentials. You can configure credentials by running \
            "aws configure".): run `aws configure` or `aws sso login`, pass --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
            cfn-lambda: snapshot: stack orders could not be read; nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: aws.scratch.path("state.json")))
    }

    @Test func unknownStackWritesNothing() throws {
        let aws = try FakeAWSCLI()
        for (command, operation) in [("aws cloudformation describe-stacks --stack-name nope", "DescribeStacks"),
                                     ("aws cloudformation get-template --stack-name nope --template-stage Original", "GetTemplate"),
                                     ("aws cloudformation describe-stack-resources --stack-name nope", "DescribeStackResources")] {
            try aws.answer(command, err: "\nAn error occurred (ValidationError) when calling the \(operation) operation: Stack with id nope does not exist\n")
        }
        try aws.answer("aws lambda get-account-settings", out: try stateFixture("get-account-settings.json"))
        let result = try aws.run(["snapshot", "--stack", "nope", "--region", "eu-west-1", "-o", aws.scratch.path("state.json")])
        #expect(result.status == 1)
        #expect(result.stderr == """
            cfn-lambda: snapshot: no stack named nope in eu-west-1 (ValidationError: Stack with id nope does not exist): check --stack, --region and --profile
            cfn-lambda: snapshot: stack nope could not be read; nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: aws.scratch.path("state.json")))
    }

    @Test func deniedFunctionNamesThePermissionAndTheFileIsStillWritten() throws {
        let aws = try fakeOrders()
        try aws.answer("aws lambda get-function --function-name orders-worker",
                       err: "\nAn error occurred (AccessDeniedException) when calling the GetFunction operation: User: "
                           + "arn:aws:sts::123456789012:assumed-role/ci/build is not authorized to perform: lambda:GetFunction on resource: "
                           + "arn:aws:lambda:us-east-1:123456789012:function:orders-worker because no identity-based policy allows the "
                           + "lambda:GetFunction action\n", status: 255)
        let result = try aws.run(snapshotArguments + ["-o", aws.scratch.path("state.json")])
        #expect(result.status == 2)
        #expect(result.stderr == """
            cfn-lambda: snapshot: aws lambda get-function --function-name orders-worker was denied (AccessDeniedException): \
            the credentials need the IAM permission lambda:GetFunction on arn:aws:lambda:us-east-1:123456789012:function:orders-worker

            """)
        let file = try String(contentsOfFile: aws.scratch.path("state.json"), encoding: .utf8)
        #expect(file.contains("""
            {"call": "getFunction", "code": "AccessDeniedException", "command": "aws lambda get-function --function-name orders-worker", \
            "key": "orders-worker", "message": "User: arn:aws:sts::123456789012:assumed-role/ci/build is not authorized to perform: \
            lambda:GetFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:orders-worker because no identity-based \
            policy allows the lambda:GetFunction action"}
            """))
        #expect(!file.contains("\"orders-worker\": \(worker)"))
    }

    @Test func optionalCallsThatFailAreWarningsAndExitZero() throws {
        let aws = try fakeOrders()
        try aws.answer("aws lambda list-aliases --function-name orders-api",
                       err: "\nAn error occurred (AccessDeniedException) when calling the ListAliases operation: User: "
                           + "arn:aws:sts::123456789012:assumed-role/ci/build is not authorized to perform: lambda:ListAliases\n", status: 255)
        try aws.answer("aws lambda get-account-settings", err: "\nAn error occurred (ServiceException) when calling the GetAccountSettings operation: boom\n", status: 255)
        let result = try aws.run(snapshotArguments + ["-o", aws.scratch.path("state.json")])
        #expect(result.status == 0)
        #expect(result.stderr == """
            cfn-lambda: snapshot: warning: aws lambda get-account-settings failed (ServiceException: boom)
            cfn-lambda: snapshot: warning: aws lambda list-aliases --function-name orders-api was denied (AccessDeniedException): \
            the credentials need the IAM permission lambda:ListAliases on arn:aws:lambda:us-east-1:123456789012:function:orders-api

            """)
        let file = try String(contentsOfFile: aws.scratch.path("state.json"), encoding: .utf8)
        #expect(file.contains(#"{"call": "listAliases", "code": "AccessDeniedException", "command": "aws lambda list-aliases --function-name orders-api", "key": "orders-api", "#))
        #expect(file.contains("\"listAliases\": {\n      \"orders-worker\": \(noAliases)\n    },"))
    }

    @Test func aCallThatHangsIsStoppedAfterTheTimeout() throws {
        let aws = try fakeOrders()
        // A duration of its own, so that another test run's sleeping child is not taken for this one's.
        let seconds = Int.random(in: 100_000...999_999)
        try aws.answer("aws lambda get-function --function-name orders-api", sleep: seconds)
        let result = try aws.run(snapshotArguments + ["--call-timeout", "1", "-o", aws.scratch.path("state.json")])
        #expect(result.status == 2)
        #expect(result.stderr == """
            cfn-lambda: snapshot: aws lambda get-function --function-name orders-api: no answer within 1 s (--call-timeout); the call was stopped

            """)
        let file = try String(contentsOfFile: aws.scratch.path("state.json"), encoding: .utf8)
        #expect(file.contains("""
            {"call": "getFunction", "command": "aws lambda get-function --function-name orders-api", "key": "orders-api", \
            "message": "no answer within 1 s; the call was stopped"}
            """))
        // Without orders-api's answer its layers are unknown: the foreign layer is not read.
        #expect(!aws.calls.contains { $0.contains(foreignLayer) })
        #if os(Linux)
        // The fake's own child (`sleep SECONDS`) was stopped with it: the whole process group is.
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        // Read with read(2): Foundation's file reading leaks on /proc files (seen under AddressSanitizer).
        func commandLine(_ pid: String) -> [UInt8] {
            let descriptor = open("/proc/\(pid)/cmdline", O_RDONLY)
            guard descriptor >= 0 else { return [] }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            return count > 0 ? Array(buffer[0..<count]) : []
        }
        let sleeping = processes.filter { commandLine($0) == Array("sleep\u{0}\(seconds)\u{0}".utf8) }
        #expect(sleeping.isEmpty)
        #endif
    }

    @Test func throttledCallsAreRetried() throws {
        let aws = try fakeOrders()
        try aws.answer("aws lambda get-function --function-name orders-api", throttle: 2)
        try aws.answer("aws lambda get-function --function-name orders-worker", throttle: 9)
        let result = try aws.run(snapshotArguments + ["--retry-delay", "0", "-o", aws.scratch.path("state.json")])
        #expect(result.status == 2)
        #expect(aws.calls.filter { $0.hasPrefix("lambda get-function --function-name orders-api ") }.count == 3)
        #expect(aws.calls.filter { $0.hasPrefix("lambda get-function --function-name orders-worker ") }.count == 5)
        #expect(result.stderr == """
            cfn-lambda: snapshot: aws lambda get-function --function-name orders-worker was throttled and every retry too \
            (ThrottlingException: Rate exceeded): try again later, or with fewer calls at once

            """)
        let file = try String(contentsOfFile: aws.scratch.path("state.json"), encoding: .utf8)
        #expect(file.contains("\"orders-api\": \(api)"))
    }

    @Test func unwritableOutputExits73BeforeAnyCall() throws {
        let aws = try fakeOrders()
        let result = try aws.run(["snapshot", "--stack", "orders", "-o", aws.scratch.path("missing/state.json")])
        #expect(result.status == 73)
        #expect(result.stderr == "cfn-lambda: snapshot: cannot write \(aws.scratch.path("missing/state.json")): "
                + "directory \(aws.scratch.path("missing")) does not exist\n")
        #expect(aws.calls.isEmpty)
        let directory = try aws.run(["snapshot", "--stack", "orders", "-o", aws.scratch.path("answers")])
        #expect(directory.status == 73)
        #expect(directory.stderr == "cfn-lambda: snapshot: cannot write \(aws.scratch.path("answers")): it is a directory\n")
    }

    @Test func usageErrorsExit64() throws {
        let aws = try fakeOrders()
        let noStack = try aws.run(["snapshot"])
        #expect(noStack.status == 64)
        #expect(noStack.stderr.hasPrefix("Error: Missing expected argument '--stack <NAME>'\n"))
        let timeout = try aws.run(["snapshot", "--stack", "orders", "--call-timeout", "0"])
        #expect(timeout.status == 64)
        #expect(timeout.stderr.hasPrefix("Error: --call-timeout must be at least 1 second, not 0.\n"))
        #expect(aws.calls.isEmpty)
    }

    @Test func helpTeachesTheExitCodes() throws {
        let result = try CLI.run(["snapshot", "--help"])
        #expect(result.status == 0)
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Exit codes: 0 the file is written (perhaps with warnings), 1 the stack could not be read"))
        #expect(help.contains("2 the file is written but a function could not be read (get-function failed)"))
        #expect(help.contains("69 the aws CLI is not installed, 73 the output file cannot be written."))
        #expect(help.contains("cfn-lambda snapshot --stack orders --region eu-west-1 -o state.json"))
        #expect(!help.contains("--captured-at"))
    }
}
