import CFNCore
@testable import CFNReporters
import CFNLoader
import Testing

/// Plans HEAD over a deployed stack: BASE is the state's template with the stack's parameters.
private func plan(_ state: StateFixture, head headText: String, sizes: String = "{}",
                  headParameters: [String: String] = [:], basis: QuotaBasis = .zipped) throws -> Plan {
    let deployed = try #require(DeployedState.parse(state.bytes).state)
    let baseSettings = ValidationSettings(parameters: deployed.parameters, region: deployed.region, accountId: deployed.accountId,
                                          stackName: deployed.stackName)
    var headSettings = baseSettings
    headSettings.parameters.merge(headParameters) { $1 }
    let pair = try PlanInputPair(String(decoding: try #require(deployed.template), as: UTF8.self), headText,
                                 base: baseSettings, head: headSettings)
    var options = PlanOptions(sizes: CodeSizes(artifacts: ArtifactSizes.parse(Array(sizes.utf8)).sizes))
    options.use(deployed)
    // Lambda reports sizes and usage zipped; the CLI plans on that basis with --state.
    options.storage.quotaBasis = basis
    return Planner(options: options).plan(base: pair.base, head: pair.head)
}

private func function(_ id: String, code: String, extra: [String] = []) -> String {
    (["  \(id):", "    Type: AWS::Lambda::Function", "    Properties:", "      Runtime: python3.12", "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/r", "      Code: \(code)"] + extra.map { "      " + $0 }).joined(separator: "\n") + "\n"
}

private let copyV1 = "{S3Bucket: code, S3Key: api.zip, S3ObjectVersion: v1}"
private let copyV2 = "{S3Bucket: code, S3Key: api.zip, S3ObjectVersion: v2}"
private let referenceV1 = "{S3Bucket: code, S3Key: api.zip, S3ObjectVersion: v1, S3ObjectStorageMode: REFERENCE}"
private let referenceV2 = "{S3Bucket: code, S3Key: api.zip, S3ObjectVersion: v2, S3ObjectStorageMode: REFERENCE}"

@Suite struct StatePlanTests {
    @Test func deployedSizeAndAccountUsageComeFromTheState() throws {
        var state = StateFixture()
        state.template = "Resources:\n" + function("Api", code: copyV1)
        state.resources = [("Api", "orders-api", "AWS::Lambda::Function")]
        state.functions = ["orders-api": StateFixture.function("orders-api", codeSize: 3_000_000)]
        // The new artifact's size comes from the sizes file, the deployed one's from Lambda.
        let result = try plan(state, head: "Resources:\n" + function("Api", code: copyV2),
                              sizes: "{\"s3://code/api.zip?versionId=v2\": 4000000}")
        #expect(result.changes.first?.storageDeltaBytes == 1_000_000)
        #expect(result.storage == StorageSummary(quotaBytes: 80_530_636_800, usageBeforeBytes: 1_073_741_824, deltaBytes: 1_000_000,
                                                 usageAfterBytes: 1_074_741_824, exceedsQuota: false, unknownSizes: [],
                                                 usagePeakBytes: 1_074_741_824))
    }

    @Test func unchangedArtifactKeepsItsDeployedSize() throws {
        var state = StateFixture()
        state.template = "Resources:\n" + function("Api", code: copyV1)
        state.resources = [("Api", "orders-api", "AWS::Lambda::Function")]
        state.functions = ["orders-api": StateFixture.function("orders-api", codeSize: 3_000_000)]
        // COPY → REFERENCE of the same object: Lambda deletes its copy, of the size Lambda reports.
        let result = try plan(state, head: "Resources:\n" + function("Api", code: referenceV1))
        #expect(result.transitions == [StorageTransition(logicalId: "Api", from: .copy, to: .reference, deltaBytes: -3_000_000)])
        #expect(result.storage.unknownSizes == [])
        // Lambda's sizes are zipped: on the unzipped basis they are not known.
        let unzipped = try plan(state, head: "Resources:\n" + function("Api", code: referenceV1), basis: .unzipped)
        #expect(unzipped.transitions == [StorageTransition(logicalId: "Api", from: .copy, to: .reference, deltaBytes: nil)])
        #expect(unzipped.storage.unknownSizes == ["s3://code/api.zip?versionId=v1"])
    }

    @Test func deployedStorageModeWinsOverTheTemplate() throws {
        // The template says REFERENCE, but someone ran update-function-code without
        // --s3-object-storage-mode REFERENCE: Lambda holds a copy.
        var state = StateFixture()
        state.template = "Resources:\n" + function("Api", code: referenceV1)
        state.resources = [("Api", "orders-api", "AWS::Lambda::Function")]
        state.functions = ["orders-api": StateFixture.function("orders-api", codeSize: 3_000_000)]
        let result = try plan(state, head: "Resources:\n" + function("Api", code: referenceV2),
                              sizes: "{\"s3://code/api.zip?versionId=v2\": 4000000}")
        // Deploying REFERENCE again frees the copy Lambda keeps today.
        #expect(result.transitions == [StorageTransition(logicalId: "Api", from: .copy, to: .reference, deltaBytes: -3_000_000)])
        // Without the state, the plan sees REFERENCE → REFERENCE and no change in storage.
        let templatesOnly = try PlanInputPair("Resources:\n" + function("Api", code: referenceV1),
                                              "Resources:\n" + function("Api", code: referenceV2))
        #expect(Planner().plan(base: templatesOnly.base, head: templatesOnly.head).transitions == [])
    }

    @Test func stackParametersResolveBaseAndHead() throws {
        var state = StateFixture()
        state.parameters = [("Memory", "512")]
        state.template = "Parameters:\n  Memory: {Type: Number, Default: 128}\nResources:\n"
            + function("Api", code: copyV1, extra: ["MemorySize: !Ref Memory"])
        state.resources = [("Api", "orders-api", "AWS::Lambda::Function")]
        state.functions = ["orders-api": StateFixture.function("orders-api", memory: 512)]
        let head = "Parameters:\n  Memory: {Type: Number, Default: 128}\nResources:\n"
            + function("Api", code: copyV1, extra: ["MemorySize: !Ref Memory"])
        // HEAD keeps the stack's value (512, not the Default): nothing changes.
        #expect(try plan(state, head: head).changes.map(\.action) == [.none])
        let raised = try plan(state, head: head, headParameters: ["Memory": "1024"])
        #expect(raised.changes.map(\.action) == [.update])
        #expect(raised.changes.first?.details.map { "\($0.path) \(PlanValueText.text($0.before) ?? "-") → \(PlanValueText.text($0.after) ?? "-") \($0.reason.rawValue)" }
            == ["MemorySize 512 → 1024 parameter"])
    }

    @Test func networkInterfacesFollowTheDeployedConfiguration() throws {
        var state = StateFixture()
        let vpc = "VpcConfig: {SubnetIds: [!Ref SubnetA], SecurityGroupIds: [sg-1]}"
        state.template = "Resources:\n  SubnetA: {Type: AWS::EC2::Subnet}\n" + function("Api", code: copyV1, extra: [vpc])
            + function("Worker", code: copyV1, extra: ["VpcConfig: {SubnetIds: [subnet-b], SecurityGroupIds: [sg-1]}"])
        state.resources = [("SubnetA", "subnet-a", "AWS::EC2::Subnet"), ("Api", "orders-api", "AWS::Lambda::Function"),
                           ("Worker", "orders-worker", "AWS::Lambda::Function")]
        state.functions = [
            "orders-api": StateFixture.function("orders-api", vpc: (["subnet-a"], ["sg-1"])),
            // Moved to another security group by hand: CloudFormation does not know.
            "orders-worker": StateFixture.function("orders-worker", vpc: (["subnet-b"], ["sg-9"])),
        ]
        // HEAD adds sg-2 to Api and leaves Worker alone.
        let head = "Resources:\n  SubnetA: {Type: AWS::EC2::Subnet}\n"
            + function("Api", code: copyV1, extra: ["VpcConfig: {SubnetIds: [!Ref SubnetA], SecurityGroupIds: [sg-1, sg-2]}"])
            + function("Worker", code: copyV1, extra: ["VpcConfig: {SubnetIds: [subnet-b], SecurityGroupIds: [sg-1]}"])
        let result = try plan(state, head: head)
        // Subnets are named by their physical IDs; Worker keeps what Lambda has (sg-9), since the
        // deployment does not update it.
        #expect(result.enis == ENISummary(
            create: [ENICombination(subnetId: "subnet-a", securityGroupIds: ["sg-1", "sg-2"], functions: ["Api"])],
            reclaim: [ENICombination(subnetId: "subnet-a", securityGroupIds: ["sg-1"], functions: ["Api"])],
            unknown: []))
    }
}
