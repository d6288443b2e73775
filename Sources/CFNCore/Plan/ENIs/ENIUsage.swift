import CFNLoader

/// The subnet and security-group combinations one template's functions use: one Hyperplane ENI
/// each (seed lambda-vpc-configuration.txt: "Multiple functions can share a network interface, if
/// the functions share the same subnet and security group").
///
/// A function's combinations are `(subnet, set of its security groups)` for each of its subnets,
/// for every way its `VpcConfig` can be: each alternative of its `Condition` and of the `Fn::If`s
/// in `VpcConfig`, with the guard under which it is so. A combination is `certain` when the guards
/// of its uses together always hold; otherwise it is used only under conditions not known here.
struct ENIUsage {
    struct Key: Hashable, Comparable {
        var subnet: NetworkID
        /// Sorted, without repeats: security groups are a set.
        var groups: [NetworkID]

        static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.subnet != rhs.subnet { return lhs.subnet < rhs.subnet }
            return lhs.groups.lexicographicallyPrecedes(rhs.groups)
        }
    }

    struct Use {
        /// The functions using the combination, with the guards under which each does.
        var guards: [String: [Guard]] = [:]

        var functions: [String] { guards.keys.sorted() }
        var certain: Bool { GuardedFindings.simplify(guards.values.flatMap { $0 }).contains(where: \.isAlways) }
    }

    private(set) var uses: [Key: Use] = [:]
    /// Functions with a subnet or security group list, or an item of one, that is not known.
    private(set) var unknown: Set<String> = []
    /// Each function's combinations, in source order (for locating the quota finding).
    private(set) var byFunction: [(function: Resource, keys: [Key])] = []

    /// `replaced`: resources the plan replaces; a `!Ref` to one in this template is a new ID.
    /// `deployed` (BASE with `plan --state`): the functions as Lambda has them, whose actual
    /// `VpcConfig` counts instead of the template's; `physicalIds` turn a `!Ref` to a resource of the
    /// stack that is not replaced into its ID, so that both templates and the deployed functions
    /// name a subnet or security group alike.
    init(_ context: ResolvedTemplate, replaced: Set<String> = [], deployed: [String: DeployedFunction] = [:],
         physicalIds: [String: String] = [:]) {
        func identify(_ value: Resolved) -> NetworkID? {
            NetworkID(value, in: context)?.afterDeployment(replacing: replaced).physical(physicalIds)
        }
        for function in context.lambda.functions {
            var keys: [Key] = []
            if let actual = deployed[function.logicalId] {
                if let subnets = actual.subnetIds, let groups = actual.securityGroupIds, !subnets.isEmpty, !groups.isEmpty {
                    let groupSet = Set(groups.map(NetworkID.literal)).sorted()
                    for subnet in Set(subnets).sorted() {
                        let key = Key(subnet: .literal(subnet), groups: groupSet)
                        uses[key, default: Use()].guards[function.logicalId, default: []].append(.always)
                        keys.append(key)
                    }
                }
                byFunction.append((function.resource, keys))
                continue
            }
            let subnets = context.listAlternatives(function.resource, path: ["VpcConfig", "SubnetIds"])
            let groups = context.listAlternatives(function.resource, path: ["VpcConfig", "SecurityGroupIds"])
            for subnet in subnets {
                for group in groups {
                    let conditions = subnet.guardCondition.and(group.guardCondition)
                    guard context.conditionSet.isSatisfiable(conditions) else { continue }
                    guard let subnetItems = subnet.items, let groupItems = group.items else {
                        unknown.insert(function.logicalId)
                        continue
                    }
                    // No subnets or no groups: not connected to a VPC (or rejected, which
                    // lambda.vpc-config reports).
                    guard !subnetItems.isEmpty, !groupItems.isEmpty else { continue }
                    let subnetIDs = subnetItems.map(identify)
                    let groupIDs = groupItems.map(identify)
                    guard !subnetIDs.contains(nil), !groupIDs.contains(nil) else {
                        unknown.insert(function.logicalId)
                        continue
                    }
                    let groupSet = Set(groupIDs.compactMap { $0 }).sorted()
                    for subnetID in Set(subnetIDs.compactMap { $0 }).sorted() {
                        let key = Key(subnet: subnetID, groups: groupSet)
                        uses[key, default: Use()].guards[function.logicalId, default: []].append(conditions)
                        if !keys.contains(key) { keys.append(key) }
                    }
                }
            }
            byFunction.append((function.resource, keys))
        }
    }

    func isCertain(_ key: Key) -> Bool { uses[key]?.certain ?? false }
}
