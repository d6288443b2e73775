import CFNLoader

/// The execution role the transform makes for a function without `Role`
/// (`_construct_role` and `construct_role_for_resource` in samtranslator; policy templates as
/// `PolicyTemplatesForResourcePlugin` expands them).
struct SAMFunctionRole {
    let function: SAMFunction
    var expander: SAMExpander { function.expander }
    var document: SAMDocument { function.document }

    /// What sending to the `EventInvokeConfig` destinations needs, after the dead-letter queue's policy.
    let destinationPolicies: [SAMValue]

    init(_ function: SAMFunction, destinationPolicies: [SAMValue] = []) {
        self.function = function
        self.destinationPolicies = destinationPolicies
    }

    func make() throws -> SAMResource {
        let id = function.id
        let at = function.idRange
        var role = SAMResource("\(id)Role", "AWS::IAM::Role", at: at)
        role.attributes = function.passThroughAttributes()
        role.properties.set("AssumeRolePolicyDocument", function["AssumeRolePolicyDocument"] ?? Self.lambdaTrustPolicy(at: at),
                            keyRange: function.keyRange("AssumeRolePolicyDocument"))

        var managed = ManagedPolicies()
        let basic = function["DurableConfig"] != nil ? "service-role/AWSLambdaBasicDurableExecutionRolePolicy" : "service-role/AWSLambdaBasicExecutionRole"
        managed.add(.string(expander.managedPolicyArn(basic), at: at), document)
        if let tracing = function["Tracing"], document.string(expander.parameters.resolve(tracing, document)) != "Disabled" {
            let name = expander.partition == "aws" ? "AWSXrayWriteOnlyAccess" : "AWSXRayDaemonWriteAccess"
            managed.add(.string(expander.managedPolicyArn(name), at: function.keyRange("Tracing")), document)
        }
        if function["VpcConfig"] != nil {
            managed.add(.string(expander.managedPolicyArn("service-role/AWSLambdaVPCAccessExecutionRole"), at: function.keyRange("VpcConfig")), document)
        }

        var documents: [SAMValue] = []
        if let dlq = function["DeadLetterQueue"], let type = expander.value("Type", in: dlq).flatMap(document.string),
           let target = expander.value("TargetArn", in: dlq) {
            let dlqAt = function.keyRange("DeadLetterQueue")
            let action = type == "SQS" ? "sqs:SendMessage" : "sns:Publish"
            documents.append(Self.policy("DeadLetterQueuePolicy", version: true, [
                Self.statement(action: .string(action, at: dlqAt), resource: target, at: dlqAt),
            ], at: dlqAt))
        }
        documents += destinationPolicies
        try SAMRolePolicies(expander: expander, roleId: "\(id)Role", given: function["Policies"]).add(to: &managed, &documents)
        role.properties.set("ManagedPolicyArns", .list(managed.values, at: function.keyRange("Policies")), keyRange: function.keyRange("Policies"))
        if !documents.isEmpty {
            role.properties.set("Policies", .list(documents, at: function.keyRange("Policies")), keyRange: function.keyRange("Policies"))
        }
        role.properties.set("Path", function["RolePath"], keyRange: function.keyRange("RolePath"))
        role.properties.set("PermissionsBoundary", function["PermissionsBoundary"], keyRange: function.keyRange("PermissionsBoundary"))
        role.properties.set("Tags", function.tagList(), keyRange: function["Tags"] == nil ? at : function.keyRange("Tags"))
        return role
    }

    /// A JSON value from the shipped data as a made value at `range`; `{"Ref": P}` to a given parameter is its value.
    static func value(_ json: JSONValue, parameters: [String: SAMValue], at range: SourceRange) -> SAMValue {
        switch json {
        case .null: return .scalar("null", isString: false, at: range)
        case .bool(let value): return .bool(value, at: range)
        case .number(let value): return .scalar(JSONValue.format(value), isString: false, at: range)
        case .string(let text): return .string(text, at: range)
        case .array(let elements): return .list(elements.map { value($0, parameters: parameters, at: range) }, at: range)
        case .object(let members):
            if members.count == 1, let (key, argument) = members.first, let function = IntrinsicFunction.longForm(Array(key.utf8)) {
                if function == .ref, let name = argument.string, let given = parameters[name] { return given }
                return .intrinsic(function, value(argument, parameters: parameters, at: range), at: range)
            }
            return .map(members.keys.sorted().map { SAMEntry($0, value(members[$0] ?? .null, parameters: parameters, at: range), keyRange: range) },
                        at: range)
        }
    }

    static func lambdaTrustPolicy(at range: SourceRange) -> SAMValue {
        trustPolicy("lambda.amazonaws.com", at: range)
    }

    static func trustPolicy(_ service: String, at range: SourceRange) -> SAMValue {
        .map([
            SAMEntry("Version", .string("2012-10-17", at: range), keyRange: range),
            SAMEntry("Statement", .list([.map([
                SAMEntry("Action", .list([.string("sts:AssumeRole", at: range)], at: range), keyRange: range),
                SAMEntry("Effect", .string("Allow", at: range), keyRange: range),
                SAMEntry("Principal", .map([SAMEntry("Service", .list([.string(service, at: range)], at: range), keyRange: range)], at: range),
                         keyRange: range),
            ], at: range)], at: range), keyRange: range),
        ], at: range)
    }

    static func statement(action: SAMValue, resource: SAMValue, at range: SourceRange) -> SAMValue {
        .map([SAMEntry("Action", action, keyRange: range), SAMEntry("Resource", resource, keyRange: range),
              SAMEntry("Effect", .string("Allow", at: range), keyRange: range)], at: range)
    }

    /// `{PolicyName, PolicyDocument: {[Version], Statement}}`.
    static func policy(_ name: String, version: Bool = false, _ statements: [SAMValue], at range: SourceRange) -> SAMValue {
        var document: [SAMEntry] = []
        if version { document.append(SAMEntry("Version", .string("2012-10-17", at: range), keyRange: range)) }
        document.append(SAMEntry("Statement", .list(statements, at: range), keyRange: range))
        return named(name, .map(document, at: range), at: range)
    }

    static func named(_ name: String, _ document: SAMValue, at range: SourceRange) -> SAMValue {
        .map([SAMEntry("PolicyName", .string(name, at: range), keyRange: range), SAMEntry("PolicyDocument", document, keyRange: range)], at: range)
    }
}

/// Managed policy ARNs in order, each once (the translator de-duplicates them as Python values).
struct ManagedPolicies {
    private(set) var values: [SAMValue] = []
    private var seen: [PythonValue] = []

    mutating func add(_ value: SAMValue, _ document: SAMDocument) {
        let python = document.python(value)
        guard !seen.contains(python) else { return }
        seen.append(python)
        values.append(value)
    }
}
