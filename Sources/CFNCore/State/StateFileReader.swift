import CFNLoader

/// Reads the parts of a state file into a `DeployedState`, collecting a finding for each part that
/// does not have the shape the APIs document (that part is then left out).
struct StateFileReader {
    let bytes: [UInt8]
    let root: StateValue
    private(set) var findings: [Finding] = []

    init(bytes: [UInt8], root: StateValue) {
        self.bytes = bytes
        self.root = root
    }

    var responses: StateValue { root["responses"] }

    mutating func problem(_ message: String, at value: StateValue) {
        let range = value.range ?? root.range ?? SourceRange(start: 0, end: 0)
        findings.append(Finding(StateRules.incomplete, message, at: range))
    }

    mutating func read() -> DeployedState {
        let errors = readErrors()
        let stack = responses["describeStacks"]["Stacks"].elements.first ?? StateValue(tree: root.tree, node: nil)
        if !stack.exists, !errors.contains(where: { $0.call == "describeStacks" }) {
            problem("responses.describeStacks has no stack: the stack's parameters are not known", at: responses["describeStacks"])
        }
        let stackId = stack["StackId"].string
        let arn = stackId.flatMap(SnapshotARN.init)
        let resources = readResources()
        let reportsStorage = root["awsCli"]["reportsResolvedS3Object"].bool == true || mentionsResolvedS3Object()
        var state = DeployedState(
            stackName: root["stack"].string ?? stack["StackName"].string ?? "",
            stackId: stackId, stackStatus: stack["StackStatus"].string,
            region: root["region"].string ?? arn.flatMap { $0.region.isEmpty ? nil : $0.region },
            accountId: arn.flatMap { $0.account.isEmpty ? nil : $0.account },
            parameters: readParameters(stack), template: readTemplate(),
            resources: resources, functions: [:], layerVersions: [:],
            missingLayerVersions: Set(errors.filter { $0.call == "getLayerVersionByArn" && $0.isNotFound }.compactMap(\.key)),
            accountSettings: readAccountSettings(), errors: errors)
        for resource in resources.values.sorted(by: { $0.logicalId < $1.logicalId }) where resource.type == LambdaFunction.type {
            guard let name = resource.physicalId else { continue }
            let response = responses["getFunction"][name]
            guard response.exists else { continue }
            if let function = readFunction(response, logicalId: resource.logicalId, name: name, reportsStorage: reportsStorage) {
                state.functions[resource.logicalId] = function
            }
        }
        for (arn, response) in responses["getLayerVersionByArn"].entries {
            let policy = readPolicy(arn: arn, errors: errors)
            if let layer = readLayerVersion(response, arn: arn, policy: policy, reportsStorage: reportsStorage) {
                state.layerVersions[arn] = layer
            }
        }
        readVersions(into: &state)
        return state
    }

    // MARK: - Parts

    mutating func readErrors() -> [StateCallError] {
        var result: [StateCallError] = []
        for entry in root["errors"].elements {
            guard let call = entry["call"].string else {
                problem("an entry of errors has no call", at: entry)
                continue
            }
            result.append(StateCallError(call: call, key: entry["key"].string, code: entry["code"].string,
                                         message: entry["message"].string ?? ""))
        }
        return result
    }

    func readParameters(_ stack: StateValue) -> [String: String] {
        var result: [String: String] = [:]
        for parameter in stack["Parameters"].elements {
            guard let key = parameter["ParameterKey"].string,
                  let value = parameter["ResolvedValue"].string ?? parameter["ParameterValue"].string else { continue }
            // NoEcho parameters read as ****: their value is not known.
            if value == "****" { continue }
            result[key] = value
        }
        return result
    }

    /// `TemplateBody` is a string for a YAML template, and the JSON object itself for a JSON one
    /// (the CLI parses it): then the template's bytes are that object's text in the state file.
    mutating func readTemplate() -> [UInt8]? {
        let body = responses["getTemplate"]["TemplateBody"]
        if let text = body.string { return Array(text.utf8) }
        if body.isMapping, let range = body.range {
            let start = Int(range.start), end = Int(range.end)
            if start >= 0, end <= bytes.count, start < end { return Array(bytes[start..<end]) }
        }
        if responses["getTemplate"].exists { problem("responses.getTemplate has no TemplateBody", at: responses["getTemplate"]) }
        return nil
    }

    mutating func readResources() -> [String: StackResourceRecord] {
        var result: [String: StackResourceRecord] = [:]
        for item in responses["describeStackResources"]["StackResources"].elements {
            guard let logicalId = item["LogicalResourceId"].string, let type = item["ResourceType"].string else {
                problem("a stack resource without LogicalResourceId or ResourceType", at: item)
                continue
            }
            result[logicalId] = StackResourceRecord(logicalId: logicalId, physicalId: item["PhysicalResourceId"].string,
                                                    type: type, status: item["ResourceStatus"].string)
        }
        return result
    }

    mutating func readAccountSettings() -> AccountSettings? {
        let response = responses["getAccountSettings"]
        guard response.exists else { return nil }
        var settings = AccountSettings()
        guard let limit = response["AccountLimit"]["TotalCodeSize"].integer else {
            problem("responses.getAccountSettings has no AccountLimit.TotalCodeSize", at: response)
            return nil
        }
        settings.totalCodeSizeLimit = limit
        settings.totalCodeSizeUsage = response["AccountUsage"]["TotalCodeSize"].integer
        if let unzipped = response["AccountLimit"]["CodeSizeUnzipped"].integer { settings.codeSizeUnzippedLimit = unzipped }
        return settings
    }

    mutating func readFunction(_ response: StateValue, logicalId: String, name: String, reportsStorage: Bool) -> DeployedFunction? {
        let configuration = response["Configuration"]
        guard configuration.isMapping else {
            problem("responses.getFunction.\(name) has no Configuration", at: response)
            return nil
        }
        let vpc = configuration["VpcConfig"]
        let subnets = vpc["SubnetIds"].strings
        let packageType = configuration["PackageType"].string
        let storage: DeployedStorage
        if packageType == "Image" || response["Code"]["RepositoryType"].string == "ECR" {
            storage = .image
        } else {
            storage = Self.storage(response["Code"], reportsStorage: reportsStorage)
        }
        return DeployedFunction(
            logicalId: logicalId, name: configuration["FunctionName"].string ?? name,
            arn: configuration["FunctionArn"].string, runtime: configuration["Runtime"].string,
            handler: configuration["Handler"].string, memorySize: configuration["MemorySize"].integer,
            timeout: configuration["Timeout"].integer,
            architectures: configuration["Architectures"].strings, role: configuration["Role"].string,
            packageType: packageType,
            subnetIds: subnets.isEmpty ? nil : subnets,
            securityGroupIds: subnets.isEmpty ? nil : vpc["SecurityGroupIds"].strings,
            environmentVariableNames: configuration["Environment"]["Variables"].entries.map(\.key).sorted(),
            layers: configuration["Layers"].elements.compactMap { layer in
                layer["Arn"].string.map { DeployedFunction.Layer(arn: $0, codeSize: layer["CodeSize"].integer) }
            },
            codeSize: configuration["CodeSize"].integer, codeSha256: configuration["CodeSha256"].string,
            storage: storage, state: configuration["State"].string, stateReason: configuration["StateReason"].string,
            stateReasonCode: configuration["StateReasonCode"].string,
            lastUpdateStatus: configuration["LastUpdateStatus"].string,
            lastUpdateStatusReason: configuration["LastUpdateStatusReason"].string,
            lastUpdateStatusReasonCode: configuration["LastUpdateStatusReasonCode"].string)
    }

    mutating func readLayerVersion(_ response: StateValue, arn: String, policy: [LayerPolicyStatement]?,
                                   reportsStorage: Bool) -> DeployedLayerVersion? {
        guard response.isMapping else {
            problem("responses.getLayerVersionByArn.\(arn) is not an object", at: response)
            return nil
        }
        let content = response["Content"]
        return DeployedLayerVersion(
            arn: response["LayerVersionArn"].string ?? arn, codeSize: content["CodeSize"].integer,
            codeSha256: content["CodeSha256"].string, compatibleRuntimes: response["CompatibleRuntimes"].strings,
            compatibleArchitectures: response["CompatibleArchitectures"].strings,
            storage: Self.storage(content, reportsStorage: reportsStorage), policy: policy)
    }

    /// The statements of a layer version's policy: empty when Lambda says it has none, nil when not read.
    mutating func readPolicy(arn: String, errors: [StateCallError]) -> [LayerPolicyStatement]? {
        let response = responses["getLayerVersionPolicy"][arn]
        guard response.exists else {
            let notFound = errors.contains { $0.call == "getLayerVersionPolicy" && $0.key == arn && $0.isNotFound }
            return notFound ? [] : nil
        }
        guard let text = response["Policy"].string else {
            problem("responses.getLayerVersionPolicy.\(arn) has no Policy", at: response)
            return nil
        }
        let loaded = YAMLLoader.load(Array(text.utf8))
        guard loaded.diagnostics.isEmpty, let tree = loaded.tree, let policyRoot = tree.root else {
            problem("the Policy of \(arn) is not a JSON policy document", at: response["Policy"])
            return nil
        }
        let document = StateValue(tree: tree, node: policyRoot)
        let statements = document["Statement"].isSequence ? document["Statement"].elements : [document["Statement"]]
        return statements.compactMap(LayerPolicyStatement.init(statement:))
    }

    /// Whether any response carries `ResolvedS3Object`: then the snapshot's CLI reports the field,
    /// and its absence means Lambda-managed storage.
    func mentionsResolvedS3Object() -> Bool {
        for (_, response) in responses["getFunction"].entries where response["Code"]["ResolvedS3Object"].exists { return true }
        for (_, response) in responses["getLayerVersionByArn"].entries where response["Content"]["ResolvedS3Object"].exists { return true }
        return false
    }

    static func storage(_ code: StateValue, reportsStorage: Bool) -> DeployedStorage {
        let resolved = code["ResolvedS3Object"]
        if resolved.isMapping, let bucket = resolved["S3Bucket"].string, let key = resolved["S3Key"].string {
            return .reference(S3Location(bucket: bucket, key: key, versionId: resolved["S3ObjectVersion"].string))
        }
        return reportsStorage ? .copy : .unknown
    }
}

extension LayerPolicyStatement {
    /// A statement of a layer version policy: `Principal` is `*` or `{"AWS": account or
    /// arn:aws:iam::ACCOUNT:root}`; an organization is `Condition.StringEquals.aws:PrincipalOrgID`.
    init?(statement: StateValue) {
        guard statement.isMapping else { return nil }
        let principal = statement["Principal"]
        let aws = principal["AWS"]
        guard let raw = principal.string ?? aws.string ?? aws.strings.first else { return nil }
        self.init(sid: statement["Sid"].string, principal: Self.account(raw),
                  organizationId: statement["Condition"]["StringEquals"]["aws:PrincipalOrgID"].string,
                  action: statement["Action"].string)
    }

    /// `arn:aws:iam::123456789012:root` → `123456789012`.
    static func account(_ principal: String) -> String {
        let parts = principal.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5] == "root" { return String(parts[4]) }
        return principal
    }
}
