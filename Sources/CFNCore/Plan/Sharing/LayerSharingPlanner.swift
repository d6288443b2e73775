/// What a deployment changes about who may use the template's layer versions.
///
/// - `plan.layer-public`: a LayerVersionPermission in HEAD grants a layer version to every account
///   (Principal `*` without OrganizationId) where BASE did not certainly do so for that layer.
/// - `plan.layer-shared-replaced`: a replaced LayerVersion that BASE shared. A layer version's
///   permissions belong to that version ("Permissions apply only to a single layer version", seed
///   lambda-resource-based-policies.txt); a new version has none until a permission is added to it
///   (seed sharing-lambda-layers.txt). Replacing the layer publishes a new version and deletes the
///   old one, with its permissions, unless the layer's `UpdateReplacePolicy` is `Retain`; even then
///   each permission on the old version is itself replaced (its LayerVersionArn changes) or deleted,
///   which removes its statement from the old version unless that permission is retained too.
public struct LayerSharingPlanner: Sendable {
    public let base: ResolvedTemplate?
    public let head: ResolvedTemplate

    public init(base: ResolvedTemplate?, head: ResolvedTemplate) {
        self.base = base
        self.head = head
    }

    /// The findings, in source order of HEAD.
    public func findings(changes: [ResourceChange]) -> [Finding] {
        (publicFindings() + replacedFindings(changes: changes)).sorted(by: Finding.sourceOrder)
    }

    // MARK: Newly public

    func publicFindings() -> [Finding] {
        var basePublic: [LayerGrant.LayerKey: [Guard]] = [:]
        for grant in base.map(LayerGrant.all) ?? [] where grant.isPublic {
            basePublic[grant.layerKey, default: []].append(grant.guardCondition)
        }
        let alreadyPublic = Set(basePublic.filter { GuardedFindings.simplify($0.value).contains(where: \.isAlways) }.keys)
        var collected = GuardedFindings()
        for grant in LayerGrant.all(in: head) where grant.isPublic && !alreadyPublic.contains(grant.layerKey) {
            let layer = grant.layerVersionArn.flatMap(LayerIdentity.init).map(Self.describe) ?? "its layer version"
            let before = basePublic[grant.layerKey] == nil ? "BASE did not share it with every account"
                : "BASE shared it with every account only under conditions not known here"
            collected.add("this plan makes \(layer) public: Principal '*' without OrganizationId lets every AWS account use it and read its content (\(before)); add OrganizationId to share it only with your organization, or name an account, unless it is meant to be public",
                          at: grant.principal?.node, in: grant.permission, path: ["Properties", "Principal"], when: grant.guardCondition)
        }
        return collected.findings(PlanSharingRules.layerPublic, head)
    }

    // MARK: Replaced while shared

    func replacedFindings(changes: [ResourceChange]) -> [Finding] {
        guard let base else { return [] }
        let actions = Dictionary(changes.map { ($0.logicalId, $0.action) }, uniquingKeysWith: { first, _ in first })
        let baseGrants = LayerGrant.all(in: base)
        let headGrants = LayerGrant.all(in: head)
        var findings: [Finding] = []
        for change in changes where change.type == LambdaLayerVersion.type && change.action == .replace {
            let layer = change.logicalId
            guard let resource = head.template.resource(named: layer),
                  base.template.resource(named: layer)?.type == LambdaLayerVersion.type else { continue }
            let shared = baseGrants.filter { $0.isOn(layer) }
            guard !shared.isEmpty else { continue }
            let layerKept = PlanRetention.onReplace(layer, head: head)
            var losses: [String] = []
            var retainOnReplace: Set<String> = []
            var retainOnDelete: Set<String> = []
            for grant in shared {
                let id = grant.permission.logicalId
                let statement: PlanRetention = switch actions[id] {
                case .replace?: PlanRetention.onReplace(id, head: head)
                case .delete?: PlanRetention.onDelete(id, base: base)
                default: .retained
                }
                guard layerKept != .retained || statement != .retained else { continue }
                let uncertain = statement == .unknown && layerKept == .retained ? ", unless its policy, not known here, retains it" : ""
                losses.append("\(grant.grantee) (\(id)\(uncertain))")
                if statement != .retained {
                    if actions[id] == .delete { retainOnDelete.insert(id) } else { retainOnReplace.insert(id) }
                }
            }
            guard !losses.isEmpty else { continue }
            // A deleted layer version stays usable by functions that already use it (Lambda keeps
            // its copy while any function refers to it): what the grantees lose is attaching it.
            let who = Self.list(Array(Set(losses)).sorted()) + " can no longer add"
            var message: String
            switch layerKept {
            case .retained:
                var fixes: [String] = []
                if !retainOnReplace.isEmpty { fixes.append("set UpdateReplacePolicy: Retain on \(Self.list(retainOnReplace.sorted()))") }
                if !retainOnDelete.isEmpty {
                    fixes.append("keep \(Self.list(retainOnDelete.sorted())) in the template until a deployment has given \(retainOnDelete.count == 1 ? "it" : "them") DeletionPolicy: Retain")
                }
                message = "\(layer) is replaced and keeps the version deployed now (UpdateReplacePolicy: Retain), but replacing or deleting its LayerVersionPermissions removes their statements from that version: \(who) it to their functions (those already using it keep it); to keep it shared, \(Self.list(fixes))"
            case .deleted, .unknown:
                let policy = layerKept == .unknown ? " unless its UpdateReplacePolicy, not known here, is Retain" : ""
                message = "\(layer) is replaced: CloudFormation publishes a new version and deletes the version deployed now\(policy), and with it the permissions on it: \(who) the version deployed now to their functions (those already using it keep it: Lambda keeps a deleted layer version's copy while a function refers to it); to keep it usable, set UpdateReplacePolicy: Retain on \(layer) and on its LayerVersionPermissions"
            }
            message += ". " + newVersionSharing(layer, headGrants.filter { $0.isOn(layer) })
            if change.conditional { message += " (the replacement depends on conditions or values not known here)" }
            findings.append(head.finding(PlanSharingRules.layerSharedReplaced, message, at: nil, in: resource, path: []))
        }
        return findings
    }

    /// Who the new version is shared with: a new version has no permissions until one is added.
    func newVersionSharing(_ layer: String, _ grants: [LayerGrant]) -> String {
        guard !grants.isEmpty else {
            return "The new version is shared with no one: no LayerVersionPermission in HEAD refers to \(layer)"
        }
        let grantees = Set(grants.map { "\($0.grantee) (\($0.permission.logicalId))" }).sorted()
        return "The new version is shared with \(Self.list(grantees))"
    }

    static func describe(_ layer: LayerIdentity) -> String {
        switch layer {
        case .resource(let name): "layer version \(name)"
        case .arn(let arn): "layer version \(arn)"
        case .parameter(let name): "the layer version of parameter \(name)"
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
