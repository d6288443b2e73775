/// One way an `AWS::Lambda::LayerVersionPermission` can grant: to whom, on which layer version,
/// under which guard (its `Condition` and the `Fn::If`s of its properties).
struct LayerGrant {
    var permission: Resource
    var guardCondition: Guard
    var principal: Resolved?
    var organizationId: Resolved?
    var layerVersionArn: Resolved?

    /// Every reachable grant of every permission of a template, in source order.
    static func all(in context: ResolvedTemplate) -> [LayerGrant] {
        context.lambda.layerVersionPermissions.flatMap { grants(of: $0.resource, in: context) }
    }

    static func grants(of permission: Resource, in context: ResolvedTemplate) -> [LayerGrant] {
        var grants: [LayerGrant] = []
        for (principalGuard, principal) in context.reachable(permission, "Principal") {
            for (organizationGuard, organization) in context.reachable(permission, "OrganizationId") {
                let both = principalGuard.and(organizationGuard)
                guard context.conditionSet.isSatisfiable(both) else { continue }
                for (layerGuard, layer) in context.reachable(permission, "LayerVersionArn") {
                    let all = both.and(layerGuard)
                    guard context.conditionSet.isSatisfiable(all) else { continue }
                    grants.append(LayerGrant(permission: permission, guardCondition: all, principal: principal,
                                             organizationId: organization, layerVersionArn: layer))
                }
            }
        }
        return grants
    }

    /// Every AWS account may use the layer version: Principal `*` without OrganizationId.
    var isPublic: Bool { principal?.text == "*" && organizationId == nil }

    /// The layer version this grant is on, as a key that is the same in BASE and HEAD for the same
    /// layer: a layer version of the template (whether or not it is replaced), a literal ARN, a
    /// parameter; else the value.
    var layerKey: LayerKey {
        guard let layerVersionArn else { return .value(nil) }
        if let identity = LayerIdentity(layerVersionArn) { return .identity(identity) }
        return .value(PlanValue(layerVersionArn))
    }

    enum LayerKey: Hashable {
        case identity(LayerIdentity)
        case value(PlanValue?)
    }

    /// Whether this grant is on the layer version resource `logicalId` of the same template.
    func isOn(_ logicalId: String) -> Bool {
        guard let layerVersionArn else { return false }
        return LayerIdentity(layerVersionArn) == .resource(logicalId)
    }

    /// "every AWS account", "organization o-…", "account 123456789012", or "a principal not known here".
    var grantee: String {
        guard let text = principal?.text else { return "a principal not known here" }
        guard text == "*" else { return "account \(text)" }
        guard let organizationId else { return "every AWS account" }
        return organizationId.text.map { "organization \($0)" } ?? "an organization not known here"
    }
}
