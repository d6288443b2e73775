/// Which Hyperplane network interfaces a deployment makes Lambda create and which it lets Lambda
/// reclaim: one per unique combination of subnet and security-group set, shared by every function
/// using it (seed lambda-vpc-configuration.txt).
///
/// `create` lists the combinations HEAD uses that BASE does not, with HEAD's functions using each;
/// `reclaim` those BASE uses that HEAD does not, with BASE's functions. The view is the template's:
/// another stack may already use a combination (then nothing is created) or keep using one (then
/// nothing is reclaimed), so these are upper bounds. Functions of either template whose subnets or
/// security groups are not known are listed in `unknown` and add to neither list.
///
/// Conditions: a combination a function uses only under a condition that is not known (its
/// `Condition`, an `Fn::If` in its `VpcConfig`) is possible, not certain. It is listed, marked
/// `conditional`, in `create` unless BASE certainly uses it, and in `reclaim` unless HEAD certainly
/// uses it; an entry is unconditional only when one template certainly uses the combination and the
/// other certainly does not.
public struct ENIPlanner: Sendable {
    public let base: ResolvedTemplate?
    public let head: ResolvedTemplate
    /// The deployed stack (`plan --state`): BASE's functions use the combinations Lambda has.
    public let deployed: DeployedState?

    public init(base: ResolvedTemplate?, head: ResolvedTemplate, deployed: DeployedState? = nil) {
        self.base = base
        self.head = head
        self.deployed = deployed
    }

    /// The ENI summary, and a `plan.eni-quota` warning when HEAD's combinations exceed `eniQuota`.
    /// `changes` (from `ResourcePlanner`) tell which subnets and security groups of the template the
    /// plan replaces: their IDs change, and so do the combinations using them.
    public func summary(changes: [ResourceChange] = [], eniQuota: Int = 500) -> (ENISummary, [Finding]) {
        let replaced = Set(changes.filter { $0.action == .replace }.map(\.logicalId))
        let physicalIds = deployed?.physicalIds ?? [:]
        // A deployed function the deployment leaves alone keeps the network configuration Lambda
        // has, even where it drifted from the template: CloudFormation does not update it.
        let changeById = Dictionary(changes.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        let untouched = (deployed?.functions ?? [:]).filter { id, _ in
            guard let change = changeById[id] else { return true }
            switch change.action {
            case .none: return true
            case .update: return !change.details.contains { $0.path == "VpcConfig" || $0.path.hasPrefix("VpcConfig/") }
            default: return false
            }
        }
        let after = ENIUsage(head, replaced: replaced, deployed: untouched, physicalIds: physicalIds)
        let before = base.map { ENIUsage($0, deployed: deployed?.functions ?? [:], physicalIds: physicalIds) }

        var create: [ENICombination] = []
        for (key, use) in after.uses where !(before?.isCertain(key) ?? false) {
            let baseUses = before?.uses[key] != nil
            create.append(combination(key, functions: use.functions, conditional: !use.certain || baseUses))
        }
        var reclaim: [ENICombination] = []
        for (key, use) in before?.uses ?? [:] where !after.isCertain(key) {
            let headUses = after.uses[key] != nil
            reclaim.append(combination(key, functions: use.functions, conditional: !use.certain || headUses))
        }
        let unknown = after.unknown.union(before?.unknown ?? [])
        let summary = ENISummary(create: create.sorted(), reclaim: reclaim.sorted(), unknown: unknown.sorted())
        return (summary, quotaFindings(after, quota: eniQuota))
    }

    func combination(_ key: ENIUsage.Key, functions: [String], conditional: Bool) -> ENICombination {
        ENICombination(subnetId: key.subnet.description, securityGroupIds: key.groups.map(\.description),
                       functions: functions, conditional: conditional)
    }

    /// One warning, at the function (in source order) whose combinations take HEAD past the quota.
    func quotaFindings(_ usage: ENIUsage, quota: Int) -> [Finding] {
        let total = usage.uses.count
        guard total > quota else { return [] }
        var seen: Set<ENIUsage.Key> = []
        for (function, keys) in usage.byFunction {
            seen.formUnion(keys)
            guard seen.count > quota else { continue }
            let vpcConfig = head.properties[function.logicalId]?["VpcConfig"]?.node
            var message = "the functions of this template use up to \(total) combinations of subnet and security groups, "
                + "and Lambda creates a network interface for each: more than the \(quota) network interfaces a VPC allows"
            if !usage.unknown.isEmpty {
                message += " (not counting \(plural(usage.unknown.count, "function")) whose subnets or security groups are not known)"
            }
            message += "; with this function the count passes \(quota). The subnets' VPCs are not known here: where more than \(quota) "
                + "combinations fall in one VPC, Lambda cannot create the network interfaces beyond the quota (ENILimitReachedException) "
                + "and the functions using them fail; share security-group sets between functions, or raise the quota"
            return [head.finding(PlanENIRules.eniQuota, message, at: vpcConfig, in: function,
                                 path: vpcConfig == nil ? [] : ["Properties", "VpcConfig"])]
        }
        return []
    }
}
