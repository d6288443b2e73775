import CFNLoader

/// Compares a template, resolved with the stack's parameters, with what the deployed stack's
/// snapshot says Lambda has, and explains every difference in Lambda's terms (`cfn-lambda drift`).
///
/// Only what is known is compared: a template value that is not known without deploying (an
/// attribute of a resource outside the stack, a parameter without a value) is skipped, never
/// guessed. Resources of the template the stack does not have are listed as not deployed.
public struct DriftDetector: Sendable {
    public let context: ResolvedTemplate
    public let state: DeployedState
    /// What `aws cloudformation describe-stack-resource-drifts` printed (`--cfn-drift`).
    public let cloudFormation: [CloudFormationResourceDrift]

    public init(context: ResolvedTemplate, state: DeployedState, cloudFormation: [CloudFormationResourceDrift] = []) {
        self.context = context
        self.state = state
        self.cloudFormation = cloudFormation
    }

    public func report() -> DriftReport {
        var collector = DriftCollector(context: context, state: state)
        var checked: [String] = []
        var notDeployed: [String] = []
        let lambdaTypes: Set<String> = [LambdaFunction.type, LambdaLayerVersion.type, LambdaLayerVersionPermission.type]
        for resource in context.template.resources where resource.type.map(lambdaTypes.contains) ?? false {
            guard state.resources[resource.logicalId]?.physicalId != nil else {
                notDeployed.append(resource.logicalId)
                continue
            }
            checked.append(resource.logicalId)
            switch resource.type {
            case LambdaFunction.type?: collector.checkFunction(resource)
            case LambdaLayerVersion.type?: collector.checkLayerVersion(resource)
            default: break  // permissions are checked with their layer version
            }
        }
        collector.explain(cloudFormation)
        let items = collector.items.sorted { lhs, rhs in
            if lhs.finding.range != rhs.finding.range { return lhs.finding.range < rhs.finding.range }
            if lhs.finding.rule != rhs.finding.rule { return lhs.finding.rule < rhs.finding.rule }
            return (lhs.property ?? "") < (rhs.property ?? "")
        }
        return DriftReport(stack: state.stackName, items: items, checked: checked.sorted(), notDeployed: notDeployed.sorted())
    }
}

/// Collects the drift items of one report.
struct DriftCollector {
    let context: ResolvedTemplate
    let state: DeployedState
    let physicalIds: [String: String]
    private(set) var items: [DriftItem] = []

    init(context: ResolvedTemplate, state: DeployedState) {
        self.context = context
        self.state = state
        self.physicalIds = state.physicalIds
    }

    /// Adds an item located at the property `path` (below `Properties`) of `resource`, or at the
    /// nearest part of it the template has.
    mutating func add(_ rule: RuleDescriptor, _ message: String, resource: Resource, path: [String], expected: String?,
                      actual: String?, explanation: String, remedy: String) {
        let finding = context.finding(rule, message, at: node(resource, path), in: resource,
                                      path: ["Properties"] + path)
        items.append(DriftItem(finding: finding, physicalId: state.physicalId(of: resource.logicalId),
                               property: path.isEmpty ? nil : path.joined(separator: "/"), expected: expected, actual: actual,
                               explanation: explanation, remedy: remedy))
    }

    /// The template node of a property path, or of its nearest ancestor the template has.
    /// The resource itself (an empty path) is located at its logical ID.
    func node(_ resource: Resource, _ path: [String]) -> NodeID? {
        if path.isEmpty { return nil }
        var value = context.properties[resource.logicalId]
        var best = resource.properties
        for key in path {
            guard let next = value?[key] else { break }
            if let node = next.node { best = node }
            value = next
        }
        return best
    }

    func value(_ resource: Resource, _ path: String...) -> Resolved? {
        var value = context.properties[resource.logicalId]
        for key in path { value = value?[key] }
        return value
    }

    /// A known scalar, or the default when the property is absent; nil when not known.
    func expectedText(_ resource: Resource, _ key: String, default fallback: String? = nil) -> ExpectedValue? {
        guard let value = value(resource, key) else { return fallback.map(ExpectedValue.text) }
        return ExpectedValue(value, physicalIds: physicalIds)
    }
}
