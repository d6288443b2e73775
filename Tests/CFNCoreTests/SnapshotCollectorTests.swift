@testable import CFNCore
import Testing

private let stackID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/0a1b"
private let sharedLayer = "arn:aws:lambda:eu-west-1:123456789012:layer:shared:3"
private let foreignLayer = "arn:aws:lambda:eu-west-1:999999999999:layer:tools:7"

private let describeStacks = """
    {"Stacks": [{"StackId": "\(stackID)", "StackName": "orders",
                 "Parameters": [{"ParameterKey": "Env", "ParameterValue": "prod"}], "StackStatus": "UPDATE_COMPLETE"}]}
    """
private let getTemplate = #"{"TemplateBody": "Resources: {}\n"}"#
private let describeStackResources = """
    {"StackResources": [
      {"LogicalResourceId": "Api", "PhysicalResourceId": "orders-api", "ResourceType": "AWS::Lambda::Function"},
      {"LogicalResourceId": "Worker", "PhysicalResourceId": "orders-worker", "ResourceType": "AWS::Lambda::Function"},
      {"LogicalResourceId": "Failed", "ResourceType": "AWS::Lambda::Function", "ResourceStatus": "CREATE_FAILED"},
      {"LogicalResourceId": "Shared", "PhysicalResourceId": "\(sharedLayer)", "ResourceType": "AWS::Lambda::LayerVersion"},
      {"LogicalResourceId": "Topic", "PhysicalResourceId": "arn:aws:sns:eu-west-1:123456789012:t", "ResourceType": "AWS::SNS::Topic"}]}
    """
private let accountSettings = #"{"AccountLimit": {"TotalCodeSize": 80530636800}, "AccountUsage": {"TotalCodeSize": 1.5e3}}"#
private let api = #"{"Configuration": {"FunctionName": "orders-api", "CodeSize": 1024, "Layers": [{"Arn": "\#(sharedLayer)", "CodeSize": 10}, {"Arn": "\#(foreignLayer)", "CodeSize": 20}]}}"#
private let worker = #"{"Configuration": {"FunctionName": "orders-worker", "CodeSize": 2048}}"#
private let layerVersion = #"{"LayerVersionArn": "\#(sharedLayer)", "Content": {"CodeSize": 10}}"#
private let foreignLayerVersion = #"{"LayerVersionArn": "\#(foreignLayer)", "Content": {"CodeSize": 20}}"#
private let layerPolicy = #"{"Policy": "{\"Version\":\"2012-10-17\"}", "RevisionId": "r1"}"#

private let noVersions = #"{"Versions": [{"Version": "$LATEST", "CodeSize": 1024}]}"#
private let noAliases = #"{"Aliases": []}"#
private let noProvisionedConcurrency = #"{"ProvisionedConcurrencyConfigs": []}"#
private let noMappings = #"{"EventSourceMappings": []}"#
private let layerVersions = #"{"LayerVersions": [{"LayerVersionArn": "\#(sharedLayer)", "Version": 3}]}"#

/// Answers calls from canned results by command line and records each phase's calls.
private final class FakeAWS {
    var answers: [String: AWSCallResult]
    var phases: [[String]] = []
    var arguments: [[String]] = []

    init(_ answers: [String: AWSCallResult]) { self.answers = answers }

    func run(_ calls: [AWSCall]) -> [AWSCallResult] {
        phases.append(calls.map(\.commandLine))
        arguments += calls.map(\.arguments)
        return calls.map { answers[$0.commandLine] ?? .failure("no canned answer for \($0.commandLine)") }
    }
}

private let standardAnswers: [String: AWSCallResult] = [
    "aws cloudformation describe-stacks --stack-name orders": .success(describeStacks + "\n"),
    "aws cloudformation get-template --stack-name orders --template-stage Original": .success(getTemplate),
    "aws cloudformation describe-stack-resources --stack-name orders": .success(describeStackResources),
    "aws lambda get-account-settings": .success(accountSettings),
    "aws lambda get-function --function-name orders-api": .success(api),
    "aws lambda get-function --function-name orders-worker": .success(worker),
    "aws lambda get-layer-version-by-arn --arn \(sharedLayer)": .success(layerVersion),
    "aws lambda get-layer-version-policy --layer-name arn:aws:lambda:eu-west-1:123456789012:layer:shared --version-number 3":
        .success(layerPolicy),
    "aws lambda get-layer-version-by-arn --arn \(foreignLayer)": .success(foreignLayerVersion),
    "aws lambda list-layer-versions --layer-name shared": .success(layerVersions),
].merging(["orders-api", "orders-worker"].flatMap { name in [
    ("aws lambda list-versions-by-function --function-name \(name)", AWSCallResult.success(noVersions)),
    ("aws lambda list-aliases --function-name \(name)", .success(noAliases)),
    ("aws lambda list-provisioned-concurrency-configs --function-name \(name)", .success(noProvisionedConcurrency)),
    ("aws lambda list-event-source-mappings --function-name \(name)", .success(noMappings)),
] }, uniquingKeysWith: { first, _ in first })

private func snapshot(_ answers: [String: AWSCallResult], target: SnapshotTarget = SnapshotTarget(stack: "orders"))
    -> (outcome: SnapshotOutcome, aws: FakeAWS) {
    let aws = FakeAWS(answers)
    let outcome = SnapshotCollector(target: target).collect(capturedAt: "2026-11-22T03:00:00Z", run: aws.run)
    return (outcome, aws)
}

private func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

@Suite struct SnapshotCollectorTests {
    @Test func callsInThreePhasesAndWritesTheResponsesUnchanged() throws {
        let (outcome, aws) = snapshot(standardAnswers)
        #expect(aws.phases == [
            ["aws cloudformation describe-stacks --stack-name orders",
             "aws cloudformation get-template --stack-name orders --template-stage Original",
             "aws cloudformation describe-stack-resources --stack-name orders",
             "aws lambda get-account-settings"],
            ["aws lambda get-function --function-name orders-api",
             "aws lambda list-versions-by-function --function-name orders-api",
             "aws lambda list-aliases --function-name orders-api",
             "aws lambda list-provisioned-concurrency-configs --function-name orders-api",
             "aws lambda list-event-source-mappings --function-name orders-api",
             "aws lambda get-function --function-name orders-worker",
             "aws lambda list-versions-by-function --function-name orders-worker",
             "aws lambda list-aliases --function-name orders-worker",
             "aws lambda list-provisioned-concurrency-configs --function-name orders-worker",
             "aws lambda list-event-source-mappings --function-name orders-worker",
             "aws lambda list-layer-versions --layer-name shared",
             "aws lambda get-layer-version-by-arn --arn \(sharedLayer)",
             "aws lambda get-layer-version-policy --layer-name arn:aws:lambda:eu-west-1:123456789012:layer:shared --version-number 3"],
            ["aws lambda get-layer-version-by-arn --arn \(foreignLayer)"],
        ])
        #expect(aws.arguments.allSatisfy { Array($0.suffix(2)) == ["--output", "json"] })
        #expect(outcome.problems.isEmpty)
        #expect(text(outcome.file) == """
            {
              "capturedAt": "2026-11-22T03:00:00Z",
              "endpointUrl": null,
              "errors": [],
              "formatVersion": 1,
              "kind": "cfn-lambda-state",
              "region": "eu-west-1",
              "responses": {
                "describeStackResources": \(describeStackResources),
                "describeStacks": \(describeStacks),
                "getAccountSettings": \(accountSettings),
                "getFunction": {
                  "orders-api": \(api),
                  "orders-worker": \(worker)
                },
                "getLayerVersionByArn": {
                  "\(sharedLayer)": \(layerVersion),
                  "\(foreignLayer)": \(foreignLayerVersion)
                },
                "getLayerVersionPolicy": {
                  "\(sharedLayer)": \(layerPolicy)
                },
                "getTemplate": \(getTemplate),
                "listAliases": {
                  "orders-api": \(noAliases),
                  "orders-worker": \(noAliases)
                },
                "listEventSourceMappings": {
                  "orders-api": \(noMappings),
                  "orders-worker": \(noMappings)
                },
                "listLayerVersions": {
                  "arn:aws:lambda:eu-west-1:123456789012:layer:shared": \(layerVersions)
                },
                "listProvisionedConcurrencyConfigs": {
                  "orders-api": \(noProvisionedConcurrency),
                  "orders-worker": \(noProvisionedConcurrency)
                },
                "listVersionsByFunction": {
                  "orders-api": \(noVersions),
                  "orders-worker": \(noVersions)
                }
              },
              "stack": "orders",
              "tool": {"name": "cfn-lambda", "version": "0.1.0"}
            }

            """)
    }

    @Test func passesRegionProfileAndEndpointToEveryCall() {
        let target = SnapshotTarget(stack: "orders", region: "us-west-2", profile: "ci", endpointURL: "http://127.0.0.1:5000")
        let (outcome, aws) = snapshot(standardAnswers, target: target)
        #expect(aws.arguments.count == 18)
        #expect(aws.arguments.allSatisfy {
            Array($0.suffix(8)) == ["--output", "json", "--region", "us-west-2", "--profile", "ci", "--endpoint-url", "http://127.0.0.1:5000"]
        })
        // --region wins over the stack ARN's region.
        let file = text(outcome.file) ?? ""
        #expect(file.contains("\n  \"endpointUrl\": \"http://127.0.0.1:5000\",\n"))
        #expect(file.contains("\n  \"region\": \"us-west-2\",\n"))
    }

    @Test func noSuchStackWritesNothing() {
        let missing = AWSCallResult.failure("\nAn error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id orders does not exist\n")
        let (outcome, aws) = snapshot([
            "aws cloudformation describe-stacks --stack-name orders": missing,
            "aws cloudformation get-template --stack-name orders --template-stage Original":
                .failure("An error occurred (ValidationError) when calling the GetTemplate operation: Stack with id orders does not exist"),
            "aws cloudformation describe-stack-resources --stack-name orders":
                .failure("An error occurred (ValidationError) when calling the DescribeStackResources operation: Stack with id orders does not exist"),
            "aws lambda get-account-settings": .success(accountSettings),
        ], target: SnapshotTarget(stack: "orders", region: "eu-west-1"))
        #expect(aws.phases.count == 1)
        #expect(outcome.file == nil)
        #expect(outcome.problems.map(\.member) == [.describeStacks, .getTemplate, .describeStackResources])
        #expect(outcome.failureExplanations == [
            "no stack named orders in eu-west-1 (ValidationError: Stack with id orders does not exist): check --stack, --region and --profile",
        ])
    }

    @Test func missingCredentialsAreReportedOnce() {
        let noCredentials = AWSCallResult.failure("Unable to locate credentials. You can configure credentials by running \"aws configure\".\n")
        let (outcome, _) = snapshot([:].merging(standardAnswers.keys.map { ($0, noCredentials) }) { $1 })
        #expect(outcome.file == nil)
        #expect(outcome.failureExplanations == [
            "the aws CLI found no credentials (Unable to locate credentials. You can configure credentials by running \"aws configure\".): "
                + "run `aws configure` or `aws sso login`, pass --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        ])
    }

    @Test func deniedStackCallNamesThePermissionOfEach() {
        var answers = standardAnswers
        let denied = "An error occurred (AccessDenied) when calling the GetTemplate operation: User: arn:aws:sts::123456789012:assumed-role/ci/s "
            + "is not authorized to perform: cloudformation:GetTemplate on resource: arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/* "
            + "because no identity-based policy allows the cloudformation:GetTemplate action"
        answers["aws cloudformation get-template --stack-name orders --template-stage Original"] = .failure(denied)
        answers["aws cloudformation describe-stack-resources --stack-name orders"] =
            .failure("An error occurred (AccessDenied) when calling the DescribeStackResources operation: Access Denied")
        let (outcome, _) = snapshot(answers)
        #expect(outcome.file == nil)
        #expect(outcome.failureExplanations == [
            "aws cloudformation get-template --stack-name orders --template-stage Original was denied (AccessDenied): the credentials "
                + "need the IAM permission cloudformation:GetTemplate on arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/*",
            "aws cloudformation describe-stack-resources --stack-name orders was denied (AccessDenied): the credentials need the IAM "
                + "permission cloudformation:DescribeStackResources",
        ])
    }

    @Test func deniedFunctionIsRecordedAndTheRestIsWritten() throws {
        var answers = standardAnswers
        answers["aws lambda get-function --function-name orders-worker"] = .failure(
            "\nAn error occurred (AccessDeniedException) when calling the GetFunction operation: User: arn:aws:sts::123456789012:assumed-role/ci/s "
                + "is not authorized to perform: lambda:GetFunction because no identity-based policy allows the lambda:GetFunction action\n")
        let (outcome, _) = snapshot(answers)
        let file = try #require(text(outcome.file))
        #expect(outcome.failureExplanations == [
            "aws lambda get-function --function-name orders-worker was denied (AccessDeniedException): the credentials need the IAM "
                + "permission lambda:GetFunction on arn:aws:lambda:eu-west-1:123456789012:function:orders-worker",
        ])
        #expect(file.contains("""
              "errors": [
                {"call": "getFunction", "code": "AccessDeniedException", "command": "aws lambda get-function --function-name orders-worker", \
            "key": "orders-worker", "message": "User: arn:aws:sts::123456789012:assumed-role/ci/s is not authorized to perform: \
            lambda:GetFunction because no identity-based policy allows the lambda:GetFunction action"}
              ],

            """))
        #expect(file.contains("""
                "getFunction": {
                  "orders-api": \(api)
                },

            """))
    }

    @Test func missingLayerVersionAndPolicyAreInformationNotFailures() throws {
        var answers = standardAnswers
        answers["aws lambda get-layer-version-by-arn --arn \(foreignLayer)"] = .failure(
            "An error occurred (ResourceNotFoundException) when calling the GetLayerVersionByArn operation: The resource you requested does not exist.")
        answers["aws lambda get-layer-version-policy --layer-name arn:aws:lambda:eu-west-1:123456789012:layer:shared --version-number 3"] = .failure(
            "An error occurred (ResourceNotFoundException) when calling the GetLayerVersionPolicy operation: No policy is associated with the given resource.")
        let (outcome, _) = snapshot(answers)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.problems.map(\.explanation) == [
            "layer version \(foreignLayer) does not exist (ResourceNotFoundException: The resource you requested does not exist.)",
            "layer version \(sharedLayer) has no permission policy",
        ])
        let file = try #require(text(outcome.file))
        #expect(file.contains("""
                "getLayerVersionPolicy": {},

            """))
        #expect(file.contains("""
            {"call": "getLayerVersionByArn", "code": "ResourceNotFoundException", "command": "aws lambda get-layer-version-by-arn --arn \(foreignLayer)", \
            "key": "\(foreignLayer)", "message": "The resource you requested does not exist."},
            """))
    }

    @Test func anAnswerThatIsNotJSONIsAFailure() throws {
        var answers = standardAnswers
        answers["aws lambda get-account-settings"] = .success("")
        answers["aws lambda get-function --function-name orders-worker"] = .success(#"{"Configuration": }"#)
        let (outcome, _) = snapshot(answers)
        #expect(outcome.failureExplanations == [
            "aws lambda get-account-settings: the aws CLI exited 0 but printed nothing (is the call implemented where --endpoint-url points?)",
            "aws lambda get-function --function-name orders-worker: the aws CLI exited 0 but did not print one JSON object "
                + "(is the call implemented where --endpoint-url points?)",
        ])
        let file = try #require(text(outcome.file))
        #expect(!file.contains("\"getAccountSettings\": {"))
        #expect(file.contains(#"{"call": "getAccountSettings", "command": "aws lambda get-account-settings", "message": "the aws CLI exited 0 but printed nothing"}"#))
    }

    @Test func timeoutsAndUnstartableCallsAreExplained() {
        var answers = standardAnswers
        answers["aws lambda get-function --function-name orders-api"] = AWSCallResult(termination: .timedOut(seconds: 60))
        answers["aws cloudformation describe-stacks --stack-name orders"] = AWSCallResult(termination: .timedOut(seconds: 60))
        let (outcome, _) = snapshot(answers)
        #expect(outcome.file == nil)
        #expect(outcome.failureExplanations == [
            "aws cloudformation describe-stacks --stack-name orders: no answer within 60 s (--call-timeout); the call was stopped",
        ])
        let gone = snapshot(["aws cloudformation describe-stacks --stack-name orders":
                                AWSCallResult(termination: .notStarted(reason: "No such file or directory"))]).outcome
        #expect(gone.failureExplanations.first
                == "aws cloudformation describe-stacks --stack-name orders: the aws CLI could not be started: No such file or directory")
    }

    @Test func regionIsNullWhenNeitherTheOptionNorTheStackSaysIt() throws {
        var answers = standardAnswers
        answers["aws cloudformation describe-stacks --stack-name orders"] = .success(#"{"Stacks": []}"#)
        let file = try #require(text(snapshot(answers).outcome.file))
        #expect(file.contains("\n  \"region\": null,\n"))
    }

    @Test func everyCallIsReadOnly() {
        let (_, aws) = snapshot(standardAnswers)
        for arguments in aws.arguments {
            #expect(AWSCall.readOnlyOperations.contains("\(arguments[0]) \(arguments[1])"))
        }
    }
}

@Suite struct AWSCallErrorTests {
    @Test(arguments: [
        ("\nAn error occurred (ThrottlingException) when calling the GetFunction operation (reached max retries: 4): Rate exceeded\n",
         AWSCallError(kind: .throttled, code: "ThrottlingException", message: "Rate exceeded")),
        ("An error occurred (Throttling) when calling the DescribeStacks operation: Rate exceeded",
         AWSCallError(kind: .throttled, code: "Throttling", message: "Rate exceeded")),
        ("An error occurred (TooManyRequestsException) when calling the GetFunction operation: Rate exceeded",
         AWSCallError(kind: .throttled, code: "TooManyRequestsException", message: "Rate exceeded")),
        ("An error occurred (429) when calling the GetFunction operation: Too Many Requests",
         AWSCallError(kind: .throttled, code: "429", message: "Too Many Requests")),
        ("An error occurred (AccessDeniedException) when calling the GetFunction operation: User: u is not authorized to perform: lambda:GetFunction",
         AWSCallError(kind: .accessDenied, code: "AccessDeniedException", message: "User: u is not authorized to perform: lambda:GetFunction")),
        ("An error occurred (ExpiredToken) when calling the DescribeStacks operation: The security token included in the request is expired",
         AWSCallError(kind: .rejectedCredentials, code: "ExpiredToken", message: "The security token included in the request is expired")),
        ("An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id x does not exist",
         AWSCallError(kind: .stackNotFound, code: "ValidationError", message: "Stack with id x does not exist")),
        ("An error occurred (ValidationError) when calling the GetTemplate operation: 1 validation error detected",
         AWSCallError(kind: .service, code: "ValidationError", message: "1 validation error detected")),
        ("Unable to locate credentials. You can configure credentials by running \"aws configure\".",
         AWSCallError(kind: .noCredentials, code: nil, message: "Unable to locate credentials. You can configure credentials by running \"aws configure\".")),
        ("You must specify a region. You can also configure your region by running \"aws configure\".",
         AWSCallError(kind: .noRegion, code: nil, message: "You must specify a region. You can also configure your region by running \"aws configure\".")),
        ("\nThe config profile (nope) could not be found\n",
         AWSCallError(kind: .profileNotFound, code: nil, message: "The config profile (nope) could not be found")),
        ("\nCould not connect to the endpoint URL: \"http://127.0.0.1:1/\"\n",
         AWSCallError(kind: .unreachable, code: nil, message: "Could not connect to the endpoint URL: \"http://127.0.0.1:1/\"")),
        ("Segmentation fault", AWSCallError(kind: .other(status: 255), code: nil, message: "Segmentation fault")),
    ])
    func readsWhatTheCLIPrinted(stderr: String, expected: AWSCallError) {
        #expect(AWSCallError.parse(stderr: stderr, status: 255) == expected)
    }

    @Test func iamActions() {
        func action(_ service: String, _ operation: String) -> String {
            AWSCall(service: service, operation: operation, parameters: []).iamAction
        }
        #expect(action("cloudformation", "describe-stack-resources") == "cloudformation:DescribeStackResources")
        #expect(action("lambda", "get-layer-version-by-arn") == "lambda:GetLayerVersion")
        #expect(action("lambda", "get-layer-version-policy") == "lambda:GetLayerVersionPolicy")
        #expect(action("lambda", "get-account-settings") == "lambda:GetAccountSettings")
    }

    @Test func jsonSyntax() {
        func object(_ text: String) -> Bool { SnapshotJSONSyntax.isObject(Array(text.utf8)) }
        #expect(object(#" {"a": [1, -0.5e+3, true, false, null, "\u00e9\n"], "b": {}} "#))
        #expect(!object(""))
        #expect(!object("[]"))
        #expect(!object("{a: 1}"))
        #expect(!object(#"{"a": 01}"#))
        #expect(!object(#"{"a": 1,}"#))
        #expect(!object(#"{"a": "x"} {}"#))
        #expect(!object("{\"a\": \"\u{1}\"}"))
        func nested(_ depth: Int) -> String { "{\"a\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}" }
        #expect(object(nested(100)))
        #expect(!object(nested(600)))
    }
}
