import CFNLoader

/// Whether an `AWS::S3::BucketPolicy` may let the Lambda service principal perform an S3 action on
/// one object. "May" over-approximates: anything not known (an unknown value, a `Condition`, a
/// `NotPrincipal`/`NotAction`/`NotResource`, a policy variable, a document written as a JSON string)
/// counts as a possible grant, so a policy is only called lacking when it certainly is.
struct BucketPolicyGrant {
    let context: RuleContext
    /// The object's bucket name and key, when known.
    let bucket: String?
    let key: String?

    static let servicePrincipals: Set<String> = ["lambda.amazonaws.com", "lambda.amazonaws.com.cn"]

    /// Whether some statement of the policy may allow `action` on the object, under `start`.
    func mayAllow(_ action: String, by policy: Resource, under start: Guard) -> Bool {
        for (conditions, document) in context.reachable(policy, "PolicyDocument") {
            let joint = start.and(conditions)
            guard context.conditionSet.isSatisfiable(joint) else { continue }
            // A missing document is the schema check's; a JSON string or an unknown is not judged.
            guard let document, document.entries != nil else { return true }
            for statement in GuardedValue.items(of: document["Statement"], under: joint, in: context) {
                guard statement.value.entries != nil else { return true }
                if mayAllow(action, statement.value, under: statement.guardCondition) { return true }
            }
        }
        return false
    }

    func mayAllow(_ action: String, _ statement: Resolved, under conditions: Guard) -> Bool {
        let effects = GuardedValue.items(of: statement["Effect"], under: conditions, in: context)
        guard effects.contains(where: { $0.value.isUnknown || $0.value.text == "Allow" }) else { return false }
        guard statement["NotPrincipal"] != nil || mayBeLambda(statement["Principal"], under: conditions) else { return false }
        if statement["NotAction"] == nil {
            let actions = GuardedValue.items(of: statement["Action"], under: conditions, in: context)
            guard actions.contains(where: { item in
                item.value.isUnknown || item.value.text.map { Wildcard.matches($0.lowercased(), action.lowercased()) } == true
            }) else { return false }
        }
        if statement["NotResource"] == nil {
            let resources = GuardedValue.items(of: statement["Resource"], under: conditions, in: context)
            guard resources.contains(where: { item in
                item.value.isUnknown || item.value.text.map(coversObject) == true
            }) else { return false }
        }
        return true
    }

    /// A `Principal` that may be the Lambda service: `*`, `{AWS: *}`, `{Service: lambda.amazonaws.com}`.
    func mayBeLambda(_ principal: Resolved?, under conditions: Guard) -> Bool {
        for item in GuardedValue.items(of: principal, under: conditions, in: context) {
            if item.value.isUnknown || item.value.text == "*" { return true }
            guard item.value.entries != nil else { continue }
            let services = GuardedValue.items(of: item.value["Service"], under: item.guardCondition, in: context)
            if services.contains(where: { $0.value.isUnknown || $0.value.text.map(Self.servicePrincipals.contains) == true }) { return true }
            let accounts = GuardedValue.items(of: item.value["AWS"], under: item.guardCondition, in: context)
            if accounts.contains(where: { $0.value.isUnknown || $0.value.text == "*" }) { return true }
        }
        return false
    }

    /// Whether a `Resource` pattern covers `arn:<partition>:s3:::<bucket>/<key>`. The partition is
    /// the region's when `--region` is given, else whatever the pattern says.
    func coversObject(_ pattern: String) -> Bool {
        guard let bucket, let key, !pattern.contains("${") else { return true }
        let fields = pattern.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        let partition = context.settings.region.map(PseudoParameters.partition(of:))
            ?? (fields.count > 1 ? String(fields[1]) : "aws")
        return Wildcard.matches(pattern, "arn:\(partition):s3:::\(bucket)/\(key)")
    }
}
