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
        for (index, policy) in policies().enumerated() {
            let policyAt = document.range(policy)
            switch try kind(of: policy, index: index) {
            case .managed:
                managed.add(managedArn(policy), document)
            case .statement:
                let name = "\(id)RolePolicy\(index)"
                if let (function, argument) = document.intrinsic(policy), function == .if, var parts = document.elements(argument), parts.count == 3 {
                    for branch in 1...2 where !document.isNoValue(parts[branch]) {
                        parts[branch] = Self.named(name, try expandTemplate(parts[branch], index: index), at: document.range(parts[branch]))
                    }
                    documents.append(.intrinsic(.if, .list(parts, at: document.range(argument)), at: policyAt))
                } else {
                    documents.append(Self.named(name, try expandTemplate(policy, index: index), at: policyAt))
                }
            }
        }
        role.properties.set("ManagedPolicyArns", .list(managed.values, at: function.keyRange("Policies")), keyRange: function.keyRange("Policies"))
        if !documents.isEmpty {
            role.properties.set("Policies", .list(documents, at: function.keyRange("Policies")), keyRange: function.keyRange("Policies"))
        }
        role.properties.set("Path", function["RolePath"], keyRange: function.keyRange("RolePath"))
        role.properties.set("PermissionsBoundary", function["PermissionsBoundary"], keyRange: function.keyRange("PermissionsBoundary"))
        role.properties.set("Tags", function.tagList(), keyRange: function["Tags"] == nil ? at : function.keyRange("Tags"))
        return role
    }

    /// `Policies` as a list: a single name, document or template is a list of one.
    private func policies() -> [SAMValue] {
        guard let value = function["Policies"], document.isTruthy(value) else { return [] }
        return document.elements(value) ?? [value]
    }

    private enum Kind { case managed, statement }

    /// A managed policy (a name, an ARN, an intrinsic), or a statement (a document with `Statement`,
    /// or a policy template, which becomes one).
    private func kind(of policy: SAMValue, index: Int) throws -> Kind {
        if let (function, argument) = document.intrinsic(policy) {
            guard function == .if else { return .managed }
            guard let parts = document.elements(argument), parts.count == 3 else {
                throw SAMError("Fn::If requires 3 arguments.", at: document.range(policy))
            }
            let kinds = try [parts[1], parts[2]].map { document.isNoValue($0) ? nil : try kind(of: $0, index: index) }
            switch (kinds[0], kinds[1]) {
            case let (a?, b?) where a == b: return a
            case (let a?, nil): return a
            case (nil, let b?): return b
            case (nil, nil): return .managed
            default:
                throw SAMError("Different policy types within the same Fn::If statement is unsupported. Separate different policy types into different Fn::If statements",
                               at: document.range(policy))
            }
        }
        if document.string(policy) != nil { return .managed }
        if let entries = document.entries(policy) {
            if entries.contains(where: { $0.key == "Statement" }) { return .statement }
            if entries.count == 1, expander.data.policyTemplates[entries[0].key] != nil { return .statement }
        }
        throw SAMError("Policy at index \(index) in the 'Policies' property is not valid", at: document.range(policy))
    }

    /// A managed policy name as its ARN (from the shipped map), an ARN or intrinsic as written;
    /// `Fn::If` converts each branch.
    private func managedArn(_ policy: SAMValue) -> SAMValue {
        if let name = document.string(policy) {
            if let arn = expander.data.managedPolicies[expander.partition]?[name] { return .string(arn, at: document.range(policy)) }
            return policy
        }
        if let (function, argument) = document.intrinsic(policy), function == .if, var parts = document.elements(argument), parts.count == 3 {
            for branch in 1...2 where document.string(parts[branch]) != nil {
                parts[branch] = managedArn(parts[branch])
            }
            return .intrinsic(.if, .list(parts, at: document.range(argument)), at: document.range(policy))
        }
        return policy
    }

    /// A policy document, or a policy template (`{DynamoDBCrudPolicy: {TableName: …}}`) as the
    /// document it stands for: its definition, with each `Ref` to a template parameter replaced
    /// by the value given (which keeps its own source range).
    private func expandTemplate(_ policy: SAMValue, index: Int) throws -> SAMValue {
        guard let entries = document.entries(policy), entries.count == 1, !entries.contains(where: { $0.key == "Statement" }),
              let template = expander.data.policyTemplates[entries[0].key] else { return policy }
        let name = entries[0].key
        guard let given = document.entries(entries[0].value) else {
            throw SAMError("Must specify valid parameter values for policy template '\(name)'", at: entries[0].keyRange)
        }
        let missing = template.parameters.filter { parameter in !given.contains { $0.key == parameter } }
        if !missing.isEmpty {
            throw SAMError("Following required parameters of template '\(name)' don't have values: [\(missing.map { "'\($0)'" }.joined(separator: ", "))]",
                           at: entries[0].keyRange)
        }
        var values: [String: SAMValue] = [:]
        for entry in given where template.parameters.contains(entry.key) { values[entry.key] = entry.value }
        return Self.value(template.definition, parameters: values, at: entries[0].keyRange)
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
