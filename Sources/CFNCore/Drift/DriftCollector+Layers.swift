/// Layers: the versions a function uses, layer versions that no longer exist, and who may use the
/// stack's layer versions.
extension DriftCollector {
    /// `arn:…:layer:NAME:VERSION` → (`arn:…:layer:NAME`, `VERSION`).
    static func split(_ arn: String) -> (layer: String, version: String)? { SnapshotARN.layerVersion(arn) }

    mutating func checkLayers(_ resource: Resource, _ actual: DeployedFunction) {
        let present = actual.layers.map(\.arn)
        let expected = ExpectedValue.list(value(resource, "Layers"), physicalIds: physicalIds)?.map(\.description)
        for arn in Set(present + (expected ?? [])).sorted() where state.missingLayerVersions.contains(arn) {
            let attached = present.contains(arn)
            add(DriftRules.layerVersionMissing, "layer version \(arn) no longer exists" + (attached ? " (the function still uses it)" : ""),
                resource: resource, path: ["Layers"], expected: expected?.contains(arn) == true ? arn : nil, actual: attached ? arn : nil,
                explanation: "Lambda says the layer version does not exist: it was deleted. A function that already uses it keeps working, but no function can be created or configured with it, so the next deployment that creates or updates this function fails.",
                remedy: "Publish a new version of the layer (or pick an existing one) and reference it in Layers.")
        }
        guard let expected, expected != present else { return }
        var changes: [String] = []
        let expectedLayers = Dictionary(expected.compactMap { arn in Self.split(arn).map { ($0.layer, $0.version) } }, uniquingKeysWith: { first, _ in first })
        for arn in present {
            guard !expected.contains(arn) else { continue }
            if let (layer, version) = Self.split(arn), let wanted = expectedLayers[layer] {
                changes.append("\(layer) is version \(version), the template says \(wanted)")
            } else {
                changes.append("\(arn) is attached, the template does not list it")
            }
        }
        for arn in expected where !present.contains(arn) {
            if let (layer, _) = Self.split(arn), present.contains(where: { Self.split($0)?.layer == layer }) { continue }
            changes.append("\(arn) is in the template, not attached")
        }
        if changes.isEmpty { changes.append("the same layers in another order (later layers override files of earlier ones)") }
        add(DriftRules.layers, "Layers differ: " + changes.joined(separator: "; "), resource: resource, path: ["Layers"],
            expected: expected.joined(separator: ", "), actual: present.joined(separator: ", "),
            explanation: "The function's layers were changed outside CloudFormation (another version attached by hand, a layer added or removed). The function runs with the layers Lambda has; CloudFormation restores its list only when Layers changes in the template.",
            remedy: "Deploy the template's Layers (change them in the template or update the function's configuration with the CLI), or put the attached versions in the template.")
    }

    mutating func checkLayerVersion(_ resource: Resource) {
        guard let arn = state.physicalId(of: resource.logicalId) else { return }
        if state.missingLayerVersions.contains(arn) {
            add(DriftRules.layerVersionMissing, "layer version \(arn) no longer exists: it was deleted outside CloudFormation",
                resource: resource, path: [], expected: arn, actual: nil,
                explanation: "The stack still lists the layer version, but Lambda says it does not exist. Functions that already use it keep working; none can be created or configured with it, and accounts it was shared with lose it.",
                remedy: "Make CloudFormation publish it again: change a property of the layer version (a new Content object version, say) and deploy; functions that Ref it are updated to the new version.")
            return
        }
        guard let policy = state.layerVersions[arn]?.policy else { return }
        checkPermissions(of: resource, arn: arn, policy: policy)
    }

    /// A grant: who may use a layer version.
    struct Grant: Hashable, Comparable {
        var principal: String
        var organizationId: String?

        var description: String {
            if principal == "*" {
                return organizationId.map { "every account of organization \($0)" } ?? "every AWS account"
            }
            return "account \(principal)"
        }

        static func < (lhs: Grant, rhs: Grant) -> Bool { lhs.description < rhs.description }
    }

    /// The statements of the policy against the template's `LayerVersionPermission`s of this layer.
    mutating func checkPermissions(of layer: Resource, arn: String, policy: [LayerPolicyStatement]) {
        var declared: [(permission: Resource, grant: Grant)] = []
        for permission in context.lambda.layerVersionPermissions {
            guard state.resources[permission.resource.logicalId]?.physicalId != nil,
                  let target = permission.layerVersionArn.flatMap({ ExpectedValue($0, physicalIds: physicalIds) }),
                  target.matches(arn) else { continue }
            guard let principal = permission.principal.flatMap({ ExpectedValue($0, physicalIds: physicalIds) }) else { return }
            let organization = permission.organizationId.flatMap { ExpectedValue($0, physicalIds: physicalIds)?.description }
            if permission.organizationId != nil, organization == nil { return }  // not known: do not judge
            declared.append((permission.resource, Grant(principal: principal.description, organizationId: organization)))
        }
        let declaredGrants = Set(declared.map(\.grant))
        let actualGrants = policy.map { Grant(principal: $0.principal, organizationId: $0.organizationId) }
        for (statement, grant) in zip(policy, actualGrants) where !declaredGrants.contains(grant) {
            add(DriftRules.layerPermission,
                "\(grant.description) may use this layer version (statement \(statement.sid.map { "'\($0)'" } ?? "without Sid")), granted outside CloudFormation",
                resource: layer, path: [], expected: declaredGrants.isEmpty ? "no grant" : declaredGrants.sorted().map(\.description).joined(separator: ", "),
                actual: grant.description,
                explanation: "The layer version's permissions policy has a statement that no AWS::Lambda::LayerVersionPermission of the template declares: \(grant.description) gained the right to download this layer's code (lambda:GetLayerVersion) outside CloudFormation." + (grant.principal == "*" && grant.organizationId == nil ? " With Principal * and no organization, the layer is public." : ""),
                remedy: "If it is not wanted: `aws lambda remove-layer-version-permission --layer-name \(Self.split(arn)?.layer ?? arn) --version-number \(Self.split(arn)?.version ?? "N") --statement-id \(statement.sid ?? "SID")`. If it is, declare it as an AWS::Lambda::LayerVersionPermission in the template.")
        }
        for (permission, grant) in declared where !actualGrants.contains(grant) {
            add(DriftRules.layerPermissionMissing, "the layer version's policy no longer grants \(grant.description)",
                resource: permission, path: ["Principal"], expected: grant.description, actual: nil,
                explanation: "The template grants \(grant.description) the use of the layer version, but the policy has no such statement: it was removed outside CloudFormation, and that account can no longer add the layer to its functions.",
                remedy: "Deploy a change to this LayerVersionPermission (CloudFormation replaces it and adds the statement again), or add the statement with `aws lambda add-layer-version-permission`.")
        }
    }
}
