import Foundation
import CFNCore
import CFNLoader
import Testing

private let layerArn = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3"
private let goneArn = "arn:aws:lambda:us-east-1:123456789012:layer:old:1"

/// A stack with a VPC function using self-managed code and a layer, a plain function, a layer
/// version with a policy, and a layer version that no longer exists.
private func fixture() -> StateFixture {
    var state = StateFixture()
    state.parameters = [("Env", "prod"), ("DbPassword", "****")]
    state.template = "Parameters:\n  Env: {Type: String}\nResources:\n  Api: {Type: AWS::Lambda::Function}\n"
    state.resources = [("Api", "orders-api", "AWS::Lambda::Function"), ("Worker", "orders-worker", "AWS::Lambda::Function"),
                       ("Deps", layerArn, "AWS::Lambda::LayerVersion"), ("Queue", "https://sqs/q", "AWS::SQS::Queue")]
    state.functions = [
        "orders-api": StateFixture.function("orders-api", memory: 512, timeout: 30, codeSize: 2_000_000,
                                            reference: ("code", "api.zip", "v7"), vpc: (["subnet-2", "subnet-1"], ["sg-1"]),
                                            environment: ["TABLE": "orders", "API_KEY": "secret"], layers: [(layerArn, 5_242_880)]),
        "orders-worker": StateFixture.function("orders-worker", architectures: ["arm64"], state: "Inactive",
                                               stateReasonCode: "FunctionError", stateReason: "access denied"),
    ]
    state.layers = [layerArn: StateFixture.layer(layerArn, codeSize: 5_242_880)]
    state.policies = [layerArn: StateFixture.policy(layerArn, [("all", "*", "o-abc123"), ("partner", "210987654321", nil)])]
    state.errors = [StateFixture.error("getLayerVersionByArn", key: goneArn, code: "ResourceNotFoundException",
                                       message: "An error occurred (ResourceNotFoundException) when calling the GetLayerVersionByArn operation: Layer version not found")]
    return state
}

@Suite struct DeployedStateTests {
    @Test func readsStackParametersAndResources() throws {
        let (parsed, findings) = DeployedState.parse(fixture().bytes)
        #expect(findings.isEmpty)
        let state = try #require(parsed)
        #expect(state.stackName == "orders")
        #expect(state.region == "us-east-1")
        #expect(state.accountId == "123456789012")
        #expect(state.stackStatus == "UPDATE_COMPLETE")
        // NoEcho values read as **** and are left out.
        #expect(state.parameters == ["Env": "prod"])
        #expect(state.template.map { String(decoding: $0, as: UTF8.self) }
            == "Parameters:\n  Env: {Type: String}\nResources:\n  Api: {Type: AWS::Lambda::Function}\n")
        #expect(state.resources.keys.sorted() == ["Api", "Deps", "Queue", "Worker"])
        #expect(state.physicalId(of: "Deps") == layerArn)
        #expect(state.accountSettings == AccountSettings(totalCodeSizeLimit: 80_530_636_800, totalCodeSizeUsage: 1_073_741_824,
                                                         codeSizeUnzippedLimit: 262_144_000))
    }

    @Test func readsFunctions() throws {
        let state = try #require(DeployedState.parse(fixture().bytes).state)
        let api = try #require(state.functions["Api"])
        #expect(api.name == "orders-api")
        #expect(api.memorySize == 512)
        #expect(api.timeout == 30)
        #expect(api.codeSize == 2_000_000)
        #expect(api.storage == .reference(S3Location(bucket: "code", key: "api.zip", versionId: "v7")))
        #expect(api.subnetIds == ["subnet-2", "subnet-1"])
        #expect(api.securityGroupIds == ["sg-1"])
        #expect(api.environmentVariableNames == ["API_KEY", "TABLE"])
        #expect(api.layers == [DeployedFunction.Layer(arn: layerArn, codeSize: 5_242_880)])
        let worker = try #require(state.functions["Worker"])
        #expect(worker.storage == .copy)
        #expect(worker.subnetIds == nil)
        #expect(worker.architectures == ["arm64"])
        #expect(worker.state == "Inactive")
        #expect(worker.stateReasonCode == "FunctionError")
        #expect(state.deployedCode["Api"] == DeployedCode(size: 2_000_000, storage: .reference(S3Location(bucket: "code", key: "api.zip", versionId: "v7"))))
        #expect(state.deployedCode["Worker"] == DeployedCode(size: 10_485_760, storage: .copy))
        #expect(state.deployedCode["Deps"] == DeployedCode(size: 5_242_880, storage: .copy))
    }

    @Test func readsLayersPoliciesAndMissingVersions() throws {
        let state = try #require(DeployedState.parse(fixture().bytes).state)
        let layer = try #require(state.layerVersion(logicalId: "Deps"))
        #expect(layer.compatibleRuntimes == ["python3.12"])
        #expect(layer.policy == [
            LayerPolicyStatement(sid: "all", principal: "*", organizationId: "o-abc123", action: "lambda:GetLayerVersion"),
            LayerPolicyStatement(sid: "partner", principal: "210987654321", organizationId: nil, action: "lambda:GetLayerVersion"),
        ])
        #expect(state.missingLayerVersions == [goneArn])
    }

    @Test func storageModeIsUnknownWhenTheCLIDoesNotReportIt() throws {
        var old = fixture()
        old.reportsResolvedS3Object = nil
        old.functions["orders-api"] = StateFixture.function("orders-api")
        let state = try #require(DeployedState.parse(old.bytes).state)
        #expect(state.functions["Api"]?.storage == .unknown)
        // One ResolvedS3Object anywhere shows that the CLI reports the field: its absence is COPY.
        old.functions["orders-api"] = StateFixture.function("orders-api", reference: ("code", "api.zip", "v7"))
        let reporting = try #require(DeployedState.parse(old.bytes).state)
        #expect(reporting.functions["Worker"]?.storage == .copy)
    }

    @Test func jsonTemplateBodyIsTheObjectsText() throws {
        let body = "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\"}}}"
        let text = fixture().json.replacingOccurrences(
            of: "\"TemplateBody\": \(quote(fixture().template))", with: "\"TemplateBody\": \(body)")
        let state = try #require(DeployedState.parse(Array(text.utf8)).state)
        #expect(state.template.map { String(decoding: $0, as: UTF8.self) } == body)
    }

    @Test func rejectsOtherFilesWithLocations() {
        func problems(_ text: String) -> [String] {
            let source = SourceText(bytes: Array(text.utf8))
            return DeployedState.parse(Array(text.utf8)).findings.map { "\($0.rule) \(source.lineColumn(at: $0.range.start)) \($0.message)" }
        }
        #expect(problems("{\"formatVersion\": 1,\n \"kind\": \"plan\"}")
            == ["state.invalid 2:10 not a state file: write one with `cfn-lambda snapshot --stack NAME -o FILE` (its kind is cfn-lambda-state)"])
        #expect(problems("{\"kind\": \"cfn-lambda-state\",\n \"formatVersion\": 2}")
            == ["state.invalid 2:19 the state file has formatVersion 2; this cfn-lambda reads 1: upgrade cfn-lambda"])
        #expect(problems("") == ["state.invalid 1:1 the file is empty"])
        #expect(problems("{\"kind\": \"cfn-lambda-state\", \"formatVersion\": 1, \"responses\": {\"describeStackResources\": {\"StackResources\": [{\"LogicalResourceId\": \"A\"}]}}}")
            == ["state.incomplete 1:1 responses.describeStacks has no stack: the stack's parameters are not known",
                "state.incomplete 1:110 a stack resource without LogicalResourceId or ResourceType"])
    }
}
