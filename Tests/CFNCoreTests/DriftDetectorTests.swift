import CFNCore
import CFNLoader
import Testing

private let layerV3 = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3"
private let layerV4 = "arn:aws:lambda:us-east-1:123456789012:layer:deps:4"

/// Drift of the state's own template (or `template`): items as
/// `line:column rule resource property: message | expected → actual`.
private func drift(_ state: StateFixture, template: String? = nil, cfnDrift: String? = nil) throws -> (report: DriftReport, lines: [String]) {
    let deployed = try #require(DeployedState.parse(state.bytes).state)
    let text = template ?? state.template
    let loaded = LoadedTemplate(bytes: Array(text.utf8))
    let settings = ValidationSettings(parameters: deployed.parameters, region: deployed.region, accountId: deployed.accountId,
                                      stackName: deployed.stackName)
    let context = RuleContext(template: try #require(loaded.template), settings: settings)
    var drifts: [CloudFormationResourceDrift] = []
    if let cfnDrift {
        let parsed = CloudFormationResourceDrift.parse(Array(cfnDrift.utf8))
        #expect(parsed.findings.isEmpty)
        drifts = parsed.drifts
    }
    let report = DriftDetector(context: context, state: deployed, cloudFormation: drifts).report()
    let lines = report.items.map { item in
        "\(loaded.source.lineColumn(at: item.finding.range.start)) \(item.finding.rule) \(item.finding.resource ?? "-") "
            + "\(item.property ?? "-"): \(item.finding.message) | \(item.expected ?? "-") → \(item.actual ?? "-")"
    }
    return (report, lines)
}

/// A stack with one function `Api` (orders-api) deployed from `properties`.
private func stack(_ properties: [String], function: String, extraResources: String = "",
                   resources: [(String, String, String)] = []) -> StateFixture {
    var state = StateFixture()
    state.template = "Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n"
        + properties.map { "      " + $0 + "\n" }.joined() + extraResources
    state.resources = [("Api", "orders-api", "AWS::Lambda::Function")] + resources
    state.functions = ["orders-api": function]
    return state
}

private let basics = ["Runtime: python3.12", "Handler: app.handler", "Role: arn:aws:iam::123456789012:role/orders-role"]
private let referenceCode = "Code: {S3Bucket: code, S3Key: api.zip, S3ObjectVersion: v7, S3ObjectStorageMode: REFERENCE}"
private let copyCode = "Code: {S3Bucket: code, S3Key: api.zip}"

@Suite struct DriftDetectorTests {
    @Test func inSyncStackHasNoItems() throws {
        let state = stack(basics + [referenceCode], function: StateFixture.function("orders-api", reference: ("code", "api.zip", "v7")))
        let (report, lines) = try drift(state)
        #expect(lines == [])
        #expect(report.checked == ["Api"])
        #expect(report.notDeployed == [])
    }

    // MARK: Storage mode and code

    @Test func referenceTemplateButLambdaHoldsACopy() throws {
        let state = stack(basics + [referenceCode], function: StateFixture.function("orders-api", codeSize: 10_485_760))
        let (report, lines) = try drift(state)
        #expect(lines == ["8:88 drift.storage-mode Api Code/S3ObjectStorageMode: Lambda holds a managed copy of the code (10485760 bytes (10.0 MiB) counted against the code storage quota); the template says S3ObjectStorageMode REFERENCE | REFERENCE → COPY"])
        let item = try #require(report.items.first)
        #expect(item.physicalId == "orders-api")
        #expect(item.explanation.contains("`aws lambda update-function-code` without `--s3-object-storage-mode REFERENCE`"))
        #expect(item.explanation.contains("`Code` is write-only and never compared, so the stack reports IN_SYNC"))
        #expect(item.remedy.hasPrefix("Deploy the code again with S3ObjectStorageMode REFERENCE"))
    }

    @Test func copyTemplateButLambdaReferences() throws {
        let state = stack(basics + [copyCode], function: StateFixture.function("orders-api", reference: ("code", "api.zip", "v9")))
        #expect(try drift(state).lines == ["8:13 drift.storage-mode Api Code: Lambda references the code in s3://code/api.zip?versionId=v9 (self-managed); the template stores it in Lambda-managed storage (COPY) | COPY → REFERENCE s3://code/api.zip?versionId=v9"])
    }

    @Test func referencedObjectVersionChanged() throws {
        let state = stack(basics + [referenceCode], function: StateFixture.function("orders-api", reference: ("code", "api.zip", "v8")))
        #expect(try drift(state).lines == ["8:13 drift.code Api Code: Lambda references s3://code/api.zip?versionId=v8; the template names s3://code/api.zip?versionId=v7 | s3://code/api.zip?versionId=v7 → s3://code/api.zip?versionId=v8"])
    }

    @Test func oldCLICannotTellTheStorageMode() throws {
        var state = stack(basics + [referenceCode], function: StateFixture.function("orders-api"))
        state.reportsResolvedS3Object = nil
        #expect(try drift(state).lines == ["8:88 drift.storage-mode-unknown Api Code/S3ObjectStorageMode: the snapshot cannot tell whether Lambda references the code or holds a copy; the template says REFERENCE | REFERENCE → -"])
    }

    // MARK: State

    @Test func inactiveReferenceFunctionLostAccessToItsObject() throws {
        let state = stack(basics + [referenceCode], function: StateFixture.function(
            "orders-api", reference: ("code", "api.zip", "v7"), state: "Inactive", stateReasonCode: "FunctionError",
            stateReason: "Lambda was unable to access the S3 object"))
        let (report, lines) = try drift(state)
        #expect(lines == ["8:13 drift.function-inactive Api Code: the function is Inactive: Lambda lost access to its code in s3://code/api.zip?versionId=v7 | Active → Inactive (FunctionError)"])
        #expect(report.items.first?.remedy.hasPrefix("Restore access to s3://code/api.zip?versionId=v7 (bucket policy, object version, storage class), then update the function") == true)
        #expect(report.items.first?.finding.severity == .error)
    }

    @Test func vpcFailuresAndIdle() throws {
        let vpc = "VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"
        func failure(_ state: String, _ code: String) throws -> [String] {
            let fixture = stack(basics + [copyCode, vpc], function: StateFixture.function(
                "orders-api", vpc: (["subnet-1"], ["sg-1"]), state: state, stateReasonCode: code))
            return try drift(fixture).lines
        }
        #expect(try failure("Pending", "EniLimitExceeded") == ["9:18 drift.function-failed Api VpcConfig: the function is Pending (EniLimitExceeded) | Active → Pending, last update Successful (EniLimitExceeded)"])
        #expect(try failure("Failed", "SubnetOutOfIPAddresses") == ["9:30 drift.function-failed Api VpcConfig/SubnetIds: the function is Failed (SubnetOutOfIPAddresses) | Active → Failed, last update Successful (SubnetOutOfIPAddresses)"])
        #expect(try failure("Failed", "InvalidSubnet") == ["9:30 drift.function-failed Api VpcConfig/SubnetIds: the function is Failed (InvalidSubnet) | Active → Failed, last update Successful (InvalidSubnet)"])
        #expect(try failure("Failed", "InvalidSecurityGroup") == ["9:60 drift.function-failed Api VpcConfig/SecurityGroupIds: the function is Failed (InvalidSecurityGroup) | Active → Failed, last update Successful (InvalidSecurityGroup)"])
        #expect(try failure("Inactive", "Idle") == ["9:18 drift.function-idle Api VpcConfig: Lambda reclaimed the function's network interfaces after a long time without invocations (Idle) | Active → Inactive (Idle)"])
        // Creating a network interface is not a failure.
        #expect(try failure("Pending", "Creating") == [])
    }

    @Test func functionDeletedOutsideCloudFormation() throws {
        var state = stack(basics + [copyCode], function: "")
        state.functions = [:]
        state.errors = [StateFixture.error("getFunction", key: "orders-api", code: "ResourceNotFoundException",
                                           message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders-api")]
        #expect(try drift(state).lines == ["2:3 drift.function-missing Api -: function orders-api does not exist in Lambda: it was deleted outside CloudFormation | orders-api → -"])
    }

    // MARK: Configuration

    @Test func settingsChangedByHand() throws {
        let state = stack(basics + [copyCode, "MemorySize: 512", "Environment: {Variables: {TABLE: orders, MODE: fast}}"],
                          function: StateFixture.function("orders-api", runtime: "python3.13", handler: "main.handler", memory: 1024,
                                                          timeout: 30, role: "arn:aws:iam::123456789012:role/admin",
                                                          architectures: ["arm64"], environment: ["TABLE": "orders", "DEBUG_TOKEN": "s3cr3t"]))
        let (report, lines) = try drift(state)
        #expect(lines == [
            // Absent properties are compared with Lambda's defaults, located at Properties.
            "5:7 drift.configuration Api Architectures: Architectures is [arm64] in Lambda; the template says [x86_64] | x86_64 → arm64",
            "5:7 drift.configuration Api Timeout: Timeout is 30 in Lambda; the template says 3 | 3 → 30",
            "5:16 drift.configuration Api Runtime: Runtime is python3.13 in Lambda; the template says python3.12 | python3.12 → python3.13",
            "6:16 drift.configuration Api Handler: Handler is main.handler in Lambda; the template says app.handler | app.handler → main.handler",
            "7:13 drift.configuration Api Role: Role is arn:aws:iam::123456789012:role/admin in Lambda; the template says arn:aws:iam::123456789012:role/orders-role | arn:aws:iam::123456789012:role/orders-role → arn:aws:iam::123456789012:role/admin",
            "9:19 drift.configuration Api MemorySize: MemorySize is 1024 in Lambda; the template says 512 | 512 → 1024",
            "10:32 drift.configuration Api Environment/Variables: environment variables differ: Lambda has DEBUG_TOKEN, which the template does not set; the template sets MODE, which Lambda does not have | MODE, TABLE → DEBUG_TOKEN, TABLE",
        ])
        // Environment values are never in an item.
        #expect(!report.items.contains { "\($0)".contains("s3cr3t") })
    }

    @Test func roleAndLayersOfTheStackAreComparedByPhysicalId() throws {
        let properties = ["Runtime: python3.12", "Handler: app.handler", "Role: !GetAtt Role.Arn", copyCode, "Layers: [!Ref Deps]"]
        let extra = "  Role: {Type: AWS::IAM::Role}\n  Deps:\n    Type: AWS::Lambda::LayerVersion\n    Properties: {Content: {S3Bucket: code, S3Key: deps.zip}}\n"
        var state = stack(properties, function: StateFixture.function("orders-api", role: "arn:aws:iam::123456789012:role/service/orders-Role-1A2B",
                                                                      layers: [(layerV3, 5_242_880)]),
                          extraResources: extra, resources: [("Role", "orders-Role-1A2B", "AWS::IAM::Role"), ("Deps", layerV3, "AWS::Lambda::LayerVersion")])
        state.layers = [layerV3: StateFixture.layer(layerV3)]
        #expect(try drift(state).lines == [])
        // Another version attached by hand.
        state.functions["orders-api"] = StateFixture.function("orders-api", role: "arn:aws:iam::123456789012:role/service/orders-Role-1A2B",
                                                              layers: [(layerV4, 5_300_000)])
        #expect(try drift(state).lines == ["9:15 drift.layers Api Layers: Layers differ: arn:aws:lambda:us-east-1:123456789012:layer:deps is version 4, the template says 3 | \(layerV3) → \(layerV4)"])
    }

    @Test func vpcIsComparedAsSets() throws {
        let vpc = "VpcConfig: {SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}"
        var state = stack(basics + [copyCode, vpc], function: StateFixture.function("orders-api", vpc: (["subnet-2", "subnet-1"], ["sg-1"])))
        #expect(try drift(state).lines == [])
        state.functions["orders-api"] = StateFixture.function("orders-api", vpc: (["subnet-2", "subnet-3"], ["sg-1", "sg-9"]))
        #expect(try drift(state).lines == ["9:18 drift.vpc Api VpcConfig: VpcConfig is subnets subnet-2, subnet-3; security groups sg-1, sg-9 in Lambda; the template says subnets subnet-1, subnet-2; security groups sg-1 | subnets subnet-1, subnet-2; security groups sg-1 → subnets subnet-2, subnet-3; security groups sg-1, sg-9"])
    }

    // MARK: Layers

    @Test func missingLayerVersionsAndPermissionsGrantedByHand() throws {
        var state = StateFixture()
        state.template = """
            Resources:
              Deps:
                Type: AWS::Lambda::LayerVersion
                Properties: {Content: {S3Bucket: code, S3Key: deps.zip}}
              Share:
                Type: AWS::Lambda::LayerVersionPermission
                Properties: {Action: lambda:GetLayerVersion, LayerVersionArn: !Ref Deps, Principal: '111122223333'}
              Org:
                Type: AWS::Lambda::LayerVersionPermission
                Properties: {Action: lambda:GetLayerVersion, LayerVersionArn: !Ref Deps, Principal: '*', OrganizationId: o-abc123}
              Api:
                Type: AWS::Lambda::Function
                Properties: {Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::123456789012:role/orders-role,
                             Code: {S3Bucket: code, S3Key: api.zip}, Layers: [!Ref Deps, 'arn:aws:lambda:us-east-1:999999999999:layer:gone:1']}

            """
        state.resources = [("Deps", layerV3, "AWS::Lambda::LayerVersion"), ("Share", layerV3 + "#share", "AWS::Lambda::LayerVersionPermission"),
                           ("Org", layerV3 + "#org", "AWS::Lambda::LayerVersionPermission"), ("Api", "orders-api", "AWS::Lambda::Function")]
        state.functions = ["orders-api": StateFixture.function("orders-api", layers: [(layerV3, 5_242_880), ("arn:aws:lambda:us-east-1:999999999999:layer:gone:1", 100)])]
        state.layers = [layerV3: StateFixture.layer(layerV3)]
        // The policy lost the 111122223333 grant and gained a public one.
        state.policies = [layerV3: StateFixture.policy(layerV3, [("org", "*", "o-abc123"), ("public", "*", nil)])]
        state.errors = [StateFixture.error("getLayerVersionByArn", key: "arn:aws:lambda:us-east-1:999999999999:layer:gone:1",
                                           code: "ResourceNotFoundException", message: "not found")]
        let (report, lines) = try drift(state)
        #expect(lines == [
            "2:3 drift.layer-permission Deps -: every AWS account may use this layer version (statement 'public'), granted outside CloudFormation | account 111122223333, every account of organization o-abc123 → every AWS account",
            "7:89 drift.layer-permission-missing Share Principal: the layer version's policy no longer grants account 111122223333 | account 111122223333 → -",
            "14:66 drift.layer-version-missing Api Layers: layer version arn:aws:lambda:us-east-1:999999999999:layer:gone:1 no longer exists (the function still uses it) | arn:aws:lambda:us-east-1:999999999999:layer:gone:1 → arn:aws:lambda:us-east-1:999999999999:layer:gone:1",
        ])
        #expect(report.items.first?.finding.severity == .error)
        #expect(report.items.first?.explanation.hasSuffix("With Principal * and no organization, the layer is public.") == true)
        #expect(report.items.first?.remedy.hasPrefix("If it is not wanted: `aws lambda remove-layer-version-permission --layer-name arn:aws:lambda:us-east-1:123456789012:layer:deps --version-number 3 --statement-id public`") == true)
        #expect(report.checked == ["Api", "Deps", "Org", "Share"])
    }

    @Test func layerVersionOfTheStackDeleted() throws {
        var state = StateFixture()
        state.template = "Resources:\n  Deps:\n    Type: AWS::Lambda::LayerVersion\n    Properties: {Content: {S3Bucket: code, S3Key: deps.zip}}\n"
        state.resources = [("Deps", layerV3, "AWS::Lambda::LayerVersion")]
        state.errors = [StateFixture.error("getLayerVersionByArn", key: layerV3, code: "ResourceNotFoundException", message: "not found")]
        #expect(try drift(state).lines == ["2:3 drift.layer-version-missing Deps -: layer version \(layerV3) no longer exists: it was deleted outside CloudFormation | \(layerV3) → -"])
    }

    // MARK: CloudFormation's own drift

    @Test func explainsCloudFormationDifferencesWithoutShowingEnvironmentValues() throws {
        let state = stack(basics + [copyCode, "Timeout: 3", "Environment: {Variables: {TABLE: orders}}"],
                          function: StateFixture.function("orders-api", timeout: 30, environment: ["TABLE": "orders"]))
        let cfnDrift = """
            {"StackResourceDrifts": [{"StackId": "x", "LogicalResourceId": "Api", "PhysicalResourceId": "orders-api",
              "ResourceType": "AWS::Lambda::Function", "StackResourceDriftStatus": "MODIFIED", "Timestamp": "2026-11-22T03:00:00Z",
              "PropertyDifferences": [
                {"PropertyPath": "/Timeout", "ExpectedValue": "3", "ActualValue": "30", "DifferenceType": "NOT_EQUAL"},
                {"PropertyPath": "/Environment/Variables/TABLE", "ExpectedValue": "orders", "ActualValue": "orders-v2", "DifferenceType": "NOT_EQUAL"}]},
             {"StackId": "x", "LogicalResourceId": "Queue", "ResourceType": "AWS::SQS::Queue", "StackResourceDriftStatus": "MODIFIED",
              "PropertyDifferences": [{"PropertyPath": "/VisibilityTimeout", "ExpectedValue": "30", "ActualValue": "60", "DifferenceType": "NOT_EQUAL"}]}]}
            """
        let (report, lines) = try drift(state, cfnDrift: cfnDrift)
        #expect(lines == [
            "9:16 drift.cloudformation Api Timeout: CloudFormation reports /Timeout NOT_EQUAL: expected 3, actual 30 | 3 → 30",
            "9:16 drift.configuration Api Timeout: Timeout is 30 in Lambda; the template says 3 | 3 → 30",
            "10:40 drift.cloudformation Api Environment/Variables/TABLE: CloudFormation reports /Environment/Variables/TABLE NOT_EQUAL (values are not shown) | - → -",
        ])
        #expect(!report.items.contains { "\($0)".contains("orders-v2") })
    }

    @Test func templateResourcesNotInTheStackAreNotDeployed() throws {
        let state = stack(basics + [copyCode], function: StateFixture.function("orders-api"))
        let head = state.template + "  Worker:\n    Type: AWS::Lambda::Function\n    Properties: {Handler: w.handler}\n"
        let (report, lines) = try drift(state, template: head)
        #expect(lines == [])
        #expect(report.notDeployed == ["Worker"])
    }
}
