import CFNCore

/// Builds state files in the shape `cfn-lambda snapshot` writes (docs/state-file.md), with
/// responses in the shapes the Lambda and CloudFormation APIs document.
struct StateFixture {
    var stack = "orders"
    var region = "us-east-1"
    var account = "123456789012"
    /// `(key, value)`; a value of `****` is what the API shows for NoEcho.
    var parameters: [(String, String)] = []
    /// The deployed template, YAML.
    var template = "Resources: {}\n"
    /// `(logical, physical, type)`.
    var resources: [(String, String, String)] = []
    /// Function name → get-function response.
    var functions: [String: String] = [:]
    /// Layer version ARN → get-layer-version-by-arn response.
    var layers: [String: String] = [:]
    /// Layer version ARN → get-layer-version-policy response.
    var policies: [String: String] = [:]
    var accountSettings: String? = """
        {"AccountLimit": {"TotalCodeSize": 80530636800, "CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800,
         "ConcurrentExecutions": 1000, "UnreservedConcurrentExecutions": 1000},
         "AccountUsage": {"TotalCodeSize": 1073741824, "FunctionCount": 12}}
        """
    /// More members of `responses`, as `"name": {…}` JSON text (the version lists).
    var moreResponses: [String] = []
    /// Raw JSON objects of `errors`.
    var errors: [String] = []
    /// Whether the snapshot's CLI reports `ResolvedS3Object` (nil: the file does not say).
    var reportsResolvedS3Object: Bool? = true

    var stackId: String { "arn:aws:cloudformation:\(region):\(account):stack/\(stack)/5b6c7d80-0000-11ef-9b1e-0a1b2c3d4e5f" }

    var json: String {
        let parameterList = parameters.map { key, value in
            "{\"ParameterKey\": \(quote(key)), \"ParameterValue\": \(quote(value))}"
        }.joined(separator: ", ")
        let resourceList = resources.map { logical, physical, type in
            "{\"StackName\": \(quote(stack)), \"StackId\": \(quote(stackId)), \"LogicalResourceId\": \(quote(logical)), "
                + "\"PhysicalResourceId\": \(quote(physical)), \"ResourceType\": \(quote(type)), "
                + "\"Timestamp\": \"2026-11-01T10:00:00.000Z\", \"ResourceStatus\": \"CREATE_COMPLETE\", "
                + "\"DriftInformation\": {\"StackResourceDriftStatus\": \"NOT_CHECKED\"}}"
        }.joined(separator: ", ")
        func object(_ entries: [String: String]) -> String {
            "{" + entries.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
        }
        var responses = [
            "\"describeStacks\": {\"Stacks\": [{\"StackId\": \(quote(stackId)), \"StackName\": \(quote(stack)), "
                + "\"Parameters\": [\(parameterList)], \"CreationTime\": \"2026-11-01T10:00:00.000Z\", "
                + "\"StackStatus\": \"UPDATE_COMPLETE\", \"DisableRollback\": false}]}",
            "\"getTemplate\": {\"TemplateBody\": \(quote(template)), \"StagesAvailable\": [\"Original\", \"Processed\"]}",
            "\"describeStackResources\": {\"StackResources\": [\(resourceList)]}",
            "\"getFunction\": \(object(functions))",
            "\"getLayerVersionByArn\": \(object(layers))",
            "\"getLayerVersionPolicy\": \(object(policies))",
        ]
        if let accountSettings { responses.append("\"getAccountSettings\": \(accountSettings)") }
        responses += moreResponses
        let cli = reportsResolvedS3Object.map { "\"awsCli\": {\"version\": \"aws-cli/2.31.0\", \"reportsResolvedS3Object\": \($0)}, " } ?? ""
        return "{\"formatVersion\": 1, \"kind\": \"cfn-lambda-state\", \(cli)\"tool\": {\"name\": \"cfn-lambda\", \"version\": \"0.1.0\"}, "
            + "\"capturedAt\": \"2026-11-22T03:00:00Z\", \"stack\": \(quote(stack)), \"region\": \(quote(region)), \"endpointUrl\": null, "
            + "\"responses\": {\(responses.joined(separator: ", "))}, \"errors\": [\(errors.joined(separator: ", "))]}"
    }

    var bytes: [UInt8] { Array(json.utf8) }

    /// A get-function response. `reference`: the `ResolvedS3Object` of self-managed code.
    static func function(_ name: String, runtime: String = "python3.12", handler: String = "app.handler", memory: Int = 128,
                         timeout: Int = 3, role: String = "arn:aws:iam::123456789012:role/orders-role",
                         architectures: [String] = ["x86_64"], codeSize: Int64 = 10_485_760,
                         reference: (bucket: String, key: String, version: String)? = nil,
                         vpc: (subnets: [String], groups: [String])? = nil, environment: [String: String] = [:],
                         layers: [(String, Int64)] = [], state: String = "Active", stateReasonCode: String? = nil,
                         stateReason: String? = nil, lastUpdateStatus: String = "Successful") -> String {
        var configuration = [
            "\"FunctionName\": \(quote(name))",
            "\"FunctionArn\": \(quote("arn:aws:lambda:us-east-1:123456789012:function:\(name)"))",
            "\"Runtime\": \(quote(runtime))", "\"Role\": \(quote(role))", "\"Handler\": \(quote(handler))",
            "\"CodeSize\": \(codeSize)", "\"Timeout\": \(timeout)", "\"MemorySize\": \(memory)",
            "\"CodeSha256\": \"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"", "\"Version\": \"$LATEST\"",
            "\"PackageType\": \"Zip\"", "\"Architectures\": [\(architectures.map(quote).joined(separator: ", "))]",
            "\"State\": \(quote(state))", "\"LastUpdateStatus\": \(quote(lastUpdateStatus))",
        ]
        if let stateReasonCode { configuration.append("\"StateReasonCode\": \(quote(stateReasonCode))") }
        if let stateReason { configuration.append("\"StateReason\": \(quote(stateReason))") }
        if let vpc {
            configuration.append("\"VpcConfig\": {\"SubnetIds\": [\(vpc.subnets.map(quote).joined(separator: ", "))], "
                + "\"SecurityGroupIds\": [\(vpc.groups.map(quote).joined(separator: ", "))], \"VpcId\": \"vpc-0a1b2c3d\"}")
        }
        if !environment.isEmpty {
            let variables = environment.sorted { $0.key < $1.key }.map { "\(quote($0.key)): \(quote($0.value))" }.joined(separator: ", ")
            configuration.append("\"Environment\": {\"Variables\": {\(variables)}}")
        }
        if !layers.isEmpty {
            configuration.append("\"Layers\": [" + layers.map { "{\"Arn\": \(quote($0.0)), \"CodeSize\": \($0.1)}" }.joined(separator: ", ") + "]")
        }
        var code = "\"RepositoryType\": \"S3\", \"Location\": \"https://awslambda-us-east-1-tasks.s3.us-east-1.amazonaws.com/snapshots/123456789012/\(name)-abc?X-Amz-Signature=0\""
        if let reference {
            code += ", \"ResolvedS3Object\": {\"S3Bucket\": \(quote(reference.bucket)), \"S3Key\": \(quote(reference.key)), \"S3ObjectVersion\": \(quote(reference.version))}"
        }
        return "{\"Configuration\": {\(configuration.joined(separator: ", "))}, \"Code\": {\(code)}}"
    }

    /// A get-layer-version-by-arn response.
    static func layer(_ arn: String, codeSize: Int64 = 5_242_880, runtimes: [String] = ["python3.12"],
                      reference: (bucket: String, key: String, version: String)? = nil) -> String {
        var content = "\"Location\": \"https://awslambda-us-east-1-layers.s3.us-east-1.amazonaws.com/snapshots/x?X-Amz-Signature=0\", "
            + "\"CodeSha256\": \"n1c6DKXn3ggGMQ1A7mZ0Kk3C2QnGQn2s4yZ8kW3bG2E=\", \"CodeSize\": \(codeSize)"
        if let reference {
            content += ", \"ResolvedS3Object\": {\"S3Bucket\": \(quote(reference.bucket)), \"S3Key\": \(quote(reference.key)), \"S3ObjectVersion\": \(quote(reference.version))}"
        }
        let versionless = arn.split(separator: ":").dropLast().joined(separator: ":")
        return "{\"Content\": {\(content)}, \"LayerArn\": \(quote(versionless)), \"LayerVersionArn\": \(quote(arn)), "
            + "\"CreatedDate\": \"2026-11-01T10:00:00.000+0000\", \"Version\": \(arn.split(separator: ":").last ?? "1"), "
            + "\"CompatibleRuntimes\": [\(runtimes.map(quote).joined(separator: ", "))]}"
    }

    /// A get-layer-version-policy response granting `lambda:GetLayerVersion` to each principal
    /// (an account ID, or `*` with an optional organization).
    static func policy(_ arn: String, _ grants: [(sid: String, principal: String, organization: String?)]) -> String {
        let statements = grants.map { grant in
            let principal = grant.principal == "*" ? "\"*\"" : "{\"AWS\":\"arn:aws:iam::\(grant.principal):root\"}"
            let condition = grant.organization.map { ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"\($0)\"}}" } ?? ""
            return "{\"Sid\":\"\(grant.sid)\",\"Effect\":\"Allow\",\"Principal\":\(principal),\"Action\":\"lambda:GetLayerVersion\",\"Resource\":\"\(arn)\"\(condition)}"
        }.joined(separator: ",")
        let document = "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[\(statements)]}"
        return "{\"Policy\": \(quote(document)), \"RevisionId\": \"4a5b6c7d-0000-4000-8000-000000000001\"}"
    }

    static func error(_ call: String, key: String?, code: String, message: String) -> String {
        "{\"call\": \(quote(call)), " + (key.map { "\"key\": \(quote($0)), " } ?? "")
            + "\"command\": \"aws ...\", \"code\": \(quote(code)), \"message\": \(quote(message))}"
    }
}

/// A JSON string literal.
func quote(_ text: String) -> String { JSONText.quoted(text) }
