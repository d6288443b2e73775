import CFNLoader

/// A SAM resource's `Policies` on the role the transform makes for it (`construct_role_for_resource`
/// in samtranslator/model/role_utils/role_constructor.py, with policy templates expanded as
/// `PolicyTemplatesForResourcePlugin` does): managed policy names as ARNs, ARNs and intrinsics as
/// written, documents and policy templates as inline policies `<Role>Policy<index>`. Functions and
/// state machines share it.
struct SAMRolePolicies {
    let expander: SAMExpander
    /// The role's logical ID, which names its inline policies.
    let roleId: String
    /// The `Policies` property, if any.
    let given: SAMValue?
    var document: SAMDocument { expander.document }

    /// Adds each policy, in order, to the role's managed policies or inline documents.
    func add(to managed: inout ManagedPolicies, _ documents: inout [SAMValue]) throws {
        for (index, policy) in policies().enumerated() {
            let policyAt = document.range(policy)
            switch try kind(of: policy, index: index) {
            case .managed:
                managed.add(managedArn(policy), document)
            case .statement:
                let name = "\(roleId)Policy\(index)"
                if let (function, argument) = document.intrinsic(policy), function == .if, var parts = document.elements(argument), parts.count == 3 {
                    for branch in 1...2 where !document.isNoValue(parts[branch]) {
                        parts[branch] = SAMFunctionRole.named(name, try expandTemplate(parts[branch], index: index), at: document.range(parts[branch]))
                    }
                    documents.append(.intrinsic(.if, .list(parts, at: document.range(argument)), at: policyAt))
                } else {
                    documents.append(SAMFunctionRole.named(name, try expandTemplate(policy, index: index), at: policyAt))
                }
            }
        }
    }

    /// `Policies` as a list: a single name, document or template is a list of one.
    private func policies() -> [SAMValue] {
        guard let value = given, document.isTruthy(value) else { return [] }
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
            if entries.count == 1, expander.data.policyTemplate(named: entries[0].key) != nil { return .statement }
        }
        throw SAMError("Policy at index \(index) in the 'Policies' property is not valid", at: document.range(policy))
    }

    /// A managed policy name as its ARN (from the shipped map), an ARN or intrinsic as written;
    /// `Fn::If` converts each branch.
    private func managedArn(_ policy: SAMValue) -> SAMValue {
        if let name = document.string(policy) {
            if let arn = expander.data.managedPolicyArn(named: name, partition: expander.partition) { return .string(arn, at: document.range(policy)) }
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
              let template = expander.data.policyTemplate(named: entries[0].key) else { return policy }
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
        return SAMFunctionRole.value(template.definition, parameters: values, at: entries[0].keyRange)
    }

}
