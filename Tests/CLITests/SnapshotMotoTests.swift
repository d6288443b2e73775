import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An executable on PATH, or nil.
func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

let motoServer = onPath("moto_server")
let awsCLI = onPath("aws")
/// In CI (env CI set) the test always runs; .ci/run installs moto and the aws CLI.
let motoTestRuns = (motoServer != nil && awsCLI != nil) || ProcessInfo.processInfo.environment["CI"] != nil

/// `moto_server` on 127.0.0.1 on a free port; `stop()` (also run at deinit) ends it by its process id.
final class MotoServer {
    let process = Process()
    let port: UInt16
    let log: URL

    var endpoint: String { "http://127.0.0.1:\(port)" }

    init(executable: String, logDirectory: URL) throws {
        port = try Self.freePort()
        log = logDirectory.appendingPathComponent("moto.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", "\(port)"]
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until the server accepts connections: at most `seconds`.
    func waitUntilAnswering(seconds: Int) -> Bool {
        for _ in 0..<(seconds * 10) {
            if !process.isRunning { return false }
            if Self.accepts(port) { return true }
            usleep(100_000)
        }
        return false
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// A port the system has just handed out, free again.
    static func freePort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return UInt16(bigEndian: address.sin_port)
    }

    static func accepts(_ port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A moto server whose bucket `cfn-lambda-code` holds `uploads`, with the template in `stack.yaml`
/// of `scratch`; the caller stops the server.
struct MotoSession {
    let server: MotoServer
    let scratch: Scratch
    let aws: String

    init(uploads: [String: Data], template: String) throws {
        let moto = try #require(motoServer, "moto_server is not on PATH; .ci/run installs it with pip")
        aws = try #require(awsCLI, "aws is not on PATH; .ci/run installs it with pip")
        scratch = try Scratch([:])
        try FileManager.default.createDirectory(atPath: scratch.path("upload"), withIntermediateDirectories: true)
        for (name, bytes) in uploads { try bytes.write(to: URL(fileURLWithPath: scratch.path("upload/\(name)"))) }
        try Data(template.utf8).write(to: URL(fileURLWithPath: scratch.path("stack.yaml")))
        server = try MotoServer(executable: moto, logDirectory: scratch.url)
        try #require(server.waitUntilAnswering(seconds: 30), "moto_server did not answer on port \(server.port)")
        _ = try call(["s3", "mb", "s3://cfn-lambda-code"])
        _ = try call(["s3", "sync", scratch.path("upload"), "s3://cfn-lambda-code/"])
    }

    /// What `aws ARGUMENTS` printed against the server; the test fails when the CLI fails.
    func call(_ arguments: [String]) throws -> String {
        let result = try runIsolated(aws, arguments + ["--endpoint-url", server.endpoint, "--output", "json"])
        try #require(result.status == 0, "aws \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }
}

/// Runs a program with fake credentials and nothing of the user's AWS configuration.
func runIsolated(_ executable: String, _ arguments: [String]) throws -> CLI.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
    environment.merge([
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true",
    ]) { $1 }
    process.environment = childEnvironment(environment)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let (stdout, stderr) = readBoth(out, err)
    process.waitUntilExit()
    return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
}

/// An empty zip archive whose comment makes it `comment.count + 22` bytes.
func zipArchive(comment: String) -> Data {
    var bytes: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 16)
    bytes += [UInt8(comment.utf8.count & 0xFF), UInt8(comment.utf8.count >> 8)] + Array(comment.utf8)
    return Data(bytes)
}

private let template = """
    Parameters:
      Env: {Type: String}
      Memory: {Type: Number, Default: 256}
    Resources:
      Vpc:
        Type: AWS::EC2::VPC
        Properties: {CidrBlock: 10.0.0.0/16}
      Subnet:
        Type: AWS::EC2::Subnet
        Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
      SecurityGroup:
        Type: AWS::EC2::SecurityGroup
        Properties: {VpcId: !Ref Vpc, GroupDescription: lambda}
      Role:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Version: '2012-10-17'
            Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
          ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]
      Shared:
        Type: AWS::Lambda::LayerVersion
        Properties:
          LayerName: shared
          CompatibleRuntimes: [python3.12]
          Content: {S3Bucket: cfn-lambda-code, S3Key: layer.zip}
      SharedPermission:
        Type: AWS::Lambda::LayerVersionPermission
        Properties: {Action: lambda:GetLayerVersion, LayerVersionArn: !Ref Shared, Principal: '111122223333'}
      Api:
        Type: AWS::Lambda::Function
        Properties:
          FunctionName: !Sub 'api-${Env}'
          Runtime: python3.12
          Handler: index.handler
          MemorySize: !Ref Memory
          Role: !GetAtt Role.Arn
          Code: {S3Bucket: cfn-lambda-code, S3Key: code.zip}
          Layers: [!Ref Shared]
      Worker:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
          Handler: index.handler
          Role: !GetAtt Role.Arn
          Code: {S3Bucket: cfn-lambda-code, S3Key: code.zip}
          VpcConfig:
            SubnetIds: [!Ref Subnet]
            SecurityGroupIds: [!Ref SecurityGroup]

    """

/// `snapshot` against a real server: moto, driven through the real `aws` CLI.
///
/// What moto 5.2.1 does, which the assertions below pin down:
/// - CloudFormation creates the functions, the VPC, subnet and security group and the layer
///   version, but ignores `AWS::Lambda::LayerVersionPermission`, gives the `LayerVersion` no
///   physical ID (so `snapshot` cannot know it is the stack's and reads no policy for it), names
///   the layer `STACK-LOGICALID-RANDOM` instead of its `LayerName`, and does not attach `Layers`
///   to a function: the test attaches the layer with `update-function-configuration`, as someone
///   might by hand.
/// - `get-account-settings` is not implemented (HTTP 404): the snapshot records the error.
/// - `get-layer-version-by-arn` is not implemented: moto answers as `list-layers`, the CLI prints
///   nothing, and the snapshot records that. The layer's size is still in `get-function`.
/// - `list-provisioned-concurrency-configs` is not implemented (HTTP 404): recorded, a warning.
/// Responses of these calls in the documented shape are in Fixtures/state.
@Suite(.serialized) struct SnapshotMotoTests {
    @Test(.enabled(if: motoTestRuns, "moto_server or aws is not installed (pip install awscli 'moto[server]'); set CI to require them"))
    func snapshotOfAStackInMoto() throws {
        let code = zipArchive(comment: "orders api and worker code")
        let layerZip = zipArchive(comment: "shared layer")
        let session = try MotoSession(uploads: ["code.zip": code, "layer.zip": layerZip], template: template)
        defer { session.server.stop() }
        let (server, scratch, aws, awsCall) = (session.server, session.scratch, session.aws, session.call)
        _ = try awsCall(["cloudformation", "create-stack", "--stack-name", "orders", "--template-body", "file://" + scratch.path("stack.yaml"),
                         "--parameters", "ParameterKey=Env,ParameterValue=prod", "--capabilities", "CAPABILITY_IAM"])
        let layers = try #require(try JSONSerialization.jsonObject(with: Data(try awsCall(["lambda", "list-layers"]).utf8)) as? [String: Any])
        let layerList = try #require(layers["Layers"] as? [[String: Any]])
        let layerArn = try #require((layerList.first?["LatestMatchingVersion"] as? [String: Any])?["LayerVersionArn"] as? String)
        #expect(layerList.count == 1)
        #expect(layerArn.hasPrefix("arn:aws:lambda:us-east-1:123456789012:layer:orders-Shared-"))
        _ = try awsCall(["lambda", "update-function-configuration", "--function-name", "api-prod", "--layers", layerArn])

        let result = try runIsolated(CLI.executable.path, ["snapshot", "--stack", "orders", "--endpoint-url", server.endpoint,
                                                           "-o", scratch.path("state.json")])
        // Exit 0: the calls moto lacks are for data plan and storage can do without, each a warning.
        #expect(result.status == 0)
        let stderrLines = result.stderr.split(separator: "\n").map(String.init)
        #expect(stderrLines.count == 4)
        #expect(stderrLines.first?.hasPrefix("cfn-lambda: snapshot: warning: aws lambda get-account-settings failed (404: ") == true)
        #expect(stderrLines.dropFirst().first == "cfn-lambda: snapshot: warning: aws lambda get-layer-version-by-arn --arn \(layerArn): the aws CLI exited 0 "
                + "but printed nothing (is the call implemented where --endpoint-url points?)")
        #expect(stderrLines.dropFirst(2).allSatisfy { $0.hasPrefix("cfn-lambda: snapshot: warning: aws lambda list-provisioned-concurrency-configs --function-name ") })

        let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("state.json")))
        let state = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect(state["stack"] as? String == "orders")
        #expect(state["region"] as? String == "us-east-1")
        #expect(state["endpointUrl"] as? String == server.endpoint)
        #expect(state["formatVersion"] as? Int == 1)
        let responses = try #require(state["responses"] as? [String: Any])
        #expect(responses.keys.sorted() == ["describeStackResources", "describeStacks", "getFunction", "getLayerVersionByArn",
                                            "getLayerVersionPolicy", "getTemplate", "listAliases", "listEventSourceMappings",
                                            "listLayerVersions", "listProvisionedConcurrencyConfigs", "listVersionsByFunction"])

        // The stack's parameters, with the default filled in, and its template as sent.
        let stacks = try #require((responses["describeStacks"] as? [String: Any])?["Stacks"] as? [[String: Any]])
        let parameters = try #require(stacks.first?["Parameters"] as? [[String: String]])
        #expect(parameters.map { "\($0["ParameterKey"] ?? "")=\($0["ParameterValue"] ?? "")" } == ["Env=prod", "Memory=256"])
        #expect(stacks.first?["StackStatus"] as? String == "CREATE_COMPLETE")
        #expect((responses["getTemplate"] as? [String: Any])?["TemplateBody"] as? String == template)

        // The functions: one per AWS::Lambda::Function, keyed by physical ID.
        let resources = try #require((responses["describeStackResources"] as? [String: Any])?["StackResources"] as? [[String: Any]])
        func physicalID(_ logicalID: String) -> String? {
            resources.first { $0["LogicalResourceId"] as? String == logicalID }?["PhysicalResourceId"] as? String
        }
        let workerName = try #require(physicalID("Worker"))
        let subnet = try #require(physicalID("Subnet"))
        let securityGroup = try #require(physicalID("SecurityGroup"))
        #expect(physicalID("Api") == "api-prod")
        #expect(physicalID("Shared") == nil)  // moto gives the layer version no physical ID
        let functions = try #require(responses["getFunction"] as? [String: [String: Any]])
        #expect(functions.keys.sorted() == ["api-prod", workerName])
        let api = try #require(functions["api-prod"]?["Configuration"] as? [String: Any])
        #expect(api["CodeSize"] as? Int == code.count)
        #expect(api["MemorySize"] as? Int == 256)
        #expect(api["VpcConfig"] == nil)
        let apiLayers = try #require(api["Layers"] as? [[String: Any]])
        #expect(apiLayers.count == 1)
        #expect(apiLayers.first?["Arn"] as? String == layerArn)
        #expect(apiLayers.first?["CodeSize"] as? Int == layerZip.count)
        let worker = try #require(functions[workerName]?["Configuration"] as? [String: Any])
        #expect(worker["CodeSize"] as? Int == code.count)
        #expect(worker["MemorySize"] as? Int == 128)
        #expect((worker["Layers"] as? [Any])?.isEmpty == true)
        let vpc = try #require(worker["VpcConfig"] as? [String: Any])
        #expect(vpc["SubnetIds"] as? [String] == [subnet])
        #expect(vpc["SecurityGroupIds"] as? [String] == [securityGroup])

        // The layer: not read (moto lacks the call), and no policy asked for (no physical ID).
        #expect((responses["getLayerVersionByArn"] as? [String: Any])?.isEmpty == true)
        #expect((responses["getLayerVersionPolicy"] as? [String: Any])?.isEmpty == true)
        let errors = try #require(state["errors"] as? [[String: String]])
        #expect(errors.map { $0["call"] ?? "" } == ["getAccountSettings", "getLayerVersionByArn", "listProvisionedConcurrencyConfigs",
                                                    "listProvisionedConcurrencyConfigs"])
        #expect(errors.first?["code"] == "404")
        #expect(errors.dropFirst().first == ["call": "getLayerVersionByArn", "key": layerArn, "command": "aws lambda get-layer-version-by-arn --arn \(layerArn)",
                                "message": "the aws CLI exited 0 but printed nothing"])

        // The responses are embedded as the CLI printed them, byte for byte.
        let printed = try awsCall(["cloudformation", "describe-stacks", "--stack-name", "orders"])
        let file = String(decoding: bytes, as: UTF8.self)
        #expect(file.contains("\n    \"describeStacks\": " + printed.trimmingCharacters(in: .whitespacesAndNewlines) + ",\n"))
        // What the CLI says of itself: its version, and whether its Lambda model has ResolvedS3Object
        // (botocore 1.43 here does not; newer ones do), read from its help.
        let cli = try #require(state["awsCli"] as? [String: Any])
        #expect((cli["version"] as? String)?.hasPrefix("aws-cli/") == true)
        #expect(cli["reportsResolvedS3Object"] is Bool)

        // The state drives drift and plan: the deployed template against its own stack. moto lists the
        // permission it ignored without LogicalResourceId, a part of the state that is left out.
        let drift = try runIsolated(CLI.executable.path, ["drift", "--state", scratch.path("state.json"), "-f", "json"])
        #expect(drift.status == 0)
        #expect(drift.stderr == "0 of 2 Lambda resources drifted: 0 errors, 1 warning, 0 infos\n")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(drift.stdout.utf8)) as? [String: Any])
        #expect(report["checked"] as? [String] == ["Api", "Worker"])
        #expect(report["notDeployed"] as? [String] == ["Shared", "SharedPermission"])
        #expect((report["findings"] as? [[String: Any]])?.map { "\($0["rule"] ?? "") \($0["message"] ?? "")" }
            == ["state.incomplete a stack resource without LogicalResourceId or ResourceType"])
        let plan = try runIsolated(CLI.executable.path, ["plan", "--state", scratch.path("state.json"), "-f", "json", scratch.path("stack.yaml")])
        #expect(plan.status == 0)
        #expect(plan.stderr == "0 to create, 0 to update, 0 to replace, 0 to delete; 0 errors, 1 warning, 0 infos\n")
    }
}
