import CFNLoader

/// Predicts what a deployment does to Lambda-managed code storage: per function, function
/// version and layer version, the bytes it adds or frees; every COPY ↔ REFERENCE switch; usage before and after
/// against the account's quota; and the failures that follow (a change that takes storage over
/// the quota, a function whose code and layers are above the unzipped size limit).
///
/// Lambda-managed storage holds the code of every function and layer version stored with
/// `S3ObjectStorageMode: COPY`, the default when the field is absent (so a HEAD that drops it from a
/// REFERENCE function switches it to COPY). REFERENCE code and container images do not count.
///
/// - create: `+new`.
/// - delete: `−old`, unless `DeletionPolicy` is `Retain` or `RetainExceptOnCreate` (HEAD's when the
///   resource is still in HEAD under a condition that does not hold, else BASE's).
/// - update of `Code`: COPY → COPY `−old +new`; COPY → REFERENCE `−old` (Lambda deletes its copy);
///   REFERENCE → COPY `+new`; REFERENCE → REFERENCE nothing. An update that leaves the code alone: nothing.
/// - replace (a changed layer version publishes a new version): `+new −old`, unless HEAD's
///   `UpdateReplacePolicy` is `Retain`, which keeps the old one.
/// - `AWS::Lambda::Version`: a copy of its function's code as HEAD deploys it (`VersionCode`):
///   created `+new`, replaced `+new −old` (the old one kept by `UpdateReplacePolicy: Retain`), deleted
///   `−old` (kept by `DeletionPolicy: Retain`, unless its function is deleted or replaced, which
///   deletes every version of it); an unchanged version holds what it held, whatever its
///   function's code becomes.
///
/// Sizes come from `--artifact-sizes` by the resolved `S3Bucket`/`S3Key`/`S3ObjectVersion` (the
/// entry for the pinned version wins), from the CLI's measure of a local path (a `Code`/`Content`
/// string, as `aws cloudformation package` takes them), or from the UTF-8 bytes of inline `ZipFile`.
///
/// Conditions are not guessed. Each resource is evaluated in every combination of its BASE and
/// HEAD alternatives (its `Condition` holding or not, each `Fn::If` branch of its code and
/// storage mode, each value of a retain policy). A number is given only when every combination
/// agrees; otherwise the delta is nil and the logical ID (or the artifacts whose size is missing)
/// goes to `unknownSizes`. A transition is listed only when every combination makes the same switch.
public struct StoragePlanner: Sendable {
    public let base: ResolvedTemplate?
    public let head: ResolvedTemplate
    public let changes: [ResourceChange]
    public let sizes: CodeSizes
    public let options: StorageOptions

    /// `changes` are `ResourcePlanner`'s; a resource missing from them is taken as unchanged.
    public init(base: ResolvedTemplate?, head: ResolvedTemplate, changes: [ResourceChange], sizes: CodeSizes = CodeSizes(),
                options: StorageOptions = StorageOptions()) {
        self.base = base
        self.head = head
        self.changes = changes
        self.sizes = sizes
        self.options = options
    }

    public func plan() -> StoragePlan {
        let byId = Dictionary(changes.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        let outcomes = lambdaIds().map { outcome(of: $0, change: byId[$0]) }

        let account = options.account
        let delta = outcomes.compactMap(\.delta).saturatingSum()
        let unknown = outcomes.reduce(into: Set<String>()) { $0.formUnion($1.unknown) }
        let after = account.totalCodeSizeUsage.map { $0.saturatingAdd(delta) }
        // The quota findings judge the peak (creates and updates before cleanup): so does the summary.
        let added = outcomes.compactMap(\.immediate).saturatingSum()
        let peak = account.totalCodeSizeUsage.map { $0.saturatingAdd(added) }
        let exceeds: Bool? = if let peak {
            peak > account.totalCodeSizeLimit ? true : (unknown.isEmpty ? false : nil)
        } else {
            added > account.totalCodeSizeLimit ? true : nil
        }
        var summary = StorageSummary(quotaBytes: account.totalCodeSizeLimit, usageBeforeBytes: account.totalCodeSizeUsage,
                                     deltaBytes: delta, usageAfterBytes: after, exceedsQuota: exceeds,
                                     unknownSizes: unknown.sorted(), usagePeakBytes: peak)
        summary.estimatedSizes = outcomes.filter(\.estimated).map(\.logicalId)
        summary.usageBeforeNote = options.usageBeforeNote
        // From a lower bound of the usage, staying under the quota is not certain.
        if options.usageBeforeNote != nil, summary.exceedsQuota == false { summary.exceedsQuota = nil }
        let (assets, assetFindings) = CDKAssetReport(head: head, missingManifest: sizes.headAssets.missingManifest).assets(of: outcomes)
        let findings = quotaFindings(outcomes, delta: delta) + unzippedFindings(byId) + assetFindings
        var plan = StoragePlan(deltas: Dictionary(uniqueKeysWithValues: outcomes.map { ($0.logicalId, $0.delta) }),
                               transitions: outcomes.compactMap(\.transition),
                               summary: summary, findings: findings.sorted(by: Finding.sourceOrder))
        plan.assets = assets
        return plan
    }

    /// Every function, function version and layer version of either template, sorted.
    func lambdaIds() -> [String] {
        let resources = (base?.template.resources ?? []) + head.template.resources
        return Set(resources.filter { StoredCode.property(ofType: $0.type) != nil || $0.type == VersionCode.type }
            .map(\.logicalId)).sorted()
    }

    // MARK: One resource

    func outcome(of id: String, change: ResourceChange?) -> StorageOutcome {
        let inHead = head.template.resource(named: id)
        let type = inHead?.type ?? base?.template.resource(named: id)?.type
        // A version's code is its function's; a version is never updated in its code (it is published anew).
        let alternatives = type == VersionCode.type ? VersionCode.alternatives : StoredCode.alternatives
        let property = StoredCode.property(ofType: inHead?.type)
            ?? StoredCode.property(ofType: base?.template.resource(named: id)?.type) ?? "Code"
        let codeChanged = type != VersionCode.type
            && change?.details.contains { $0.path == property || $0.path.hasPrefix(property + "/") } ?? false
        var befores = alternatives(id, base, sizes.artifacts, sizes.measureBase, sizes.baseAssets)
        if let deployed = sizes.deployed[id] { befores = befores.map { $0.deployed(as: deployed) } }
        let afters = alternatives(id, head, sizes.artifacts, sizes.measureHead, sizes.headAssets).map { $0.sized(like: befores) }
        // A version kept by its policies goes with a function that is deleted (`RemovalRetention`).
        let goesWithFunction = change?.deletedWithFunction != nil
        let retainedOnDelete = goesWithFunction ? false : Self.retains(.deletionPolicy, of: id, in: inHead != nil ? head : base,
                                                                       values: ["Retain", "RetainExceptOnCreate"])
        let retainedOnReplace = goesWithFunction ? false : change?.logicalIdFromPackaging == true ? retainedOnDelete
            : Self.retains(.updateReplacePolicy, of: id, in: head, values: ["Retain"])
        var effects: [(effect: StorageEffect, head: StoredCode)] = []
        for before in befores {
            for after in afters {
                let effect = StorageEffect.of(base: before, head: after, id: id, action: change?.action, codeChanged: codeChanged,
                                              retainedOnDelete: retainedOnDelete, retainedOnReplace: retainedOnReplace,
                                              basis: options.quotaBasis)
                effects.append((effect, after))
            }
        }
        var outcome = StorageOutcome(logicalId: id, effects: effects)
        outcome.headAssets = afters.filter { $0.exists && $0.asset != nil }
        if sizes.headAssets.missingManifest != nil {
            outcome.headUnsized = afters.filter { $0.isCounted && $0.size == nil && $0.asset == nil }
        }
        outcome.estimated = outcome.delta.map { $0 != 0 } == true && options.quotaBasis == .zipped
            && (befores + afters).contains { $0.isCounted && ($0.zippedEstimated || $0.asset?.measured?.zippedEstimated == true) }
        return outcome
    }

    /// Whether a `DeletionPolicy` or `UpdateReplacePolicy` keeps the resource: false when absent,
    /// nil when its value is not known or differs between `Fn::If` branches.
    static func retains(_ attribute: Resource.Attribute, of id: String, in context: ResolvedTemplate?, values: Set<String>) -> Bool? {
        guard let context, let resource = context.template.resource(named: id), let node = resource[attribute] else { return false }
        let answers = Set(context.resolver.resolve(node).alternatives(under: context.guardOf(resource), context.conditionSet)
            .map { alternative -> Bool? in
                guard let value = alternative.value else { return false }
                return value.text.map(values.contains)
            })
        guard answers.count == 1, let answer = answers.first else { return nil }
        return answer
    }

    // MARK: Quota

    /// CloudFormation creates and updates first and deletes (removed resources, the old half of
    /// replacements) in the cleanup phase, so during the deployment storage reaches the usage before
    /// plus every create, update and switch. When that is over the quota, each change that adds
    /// storage is reported: Lambda refuses code beyond the quota.
    func quotaFindings(_ outcomes: [StorageOutcome], delta: Int64) -> [Finding] {
        let account = options.account
        let before = account.totalCodeSizeUsage
        let peak = (before ?? 0).saturatingAdd(outcomes.compactMap(\.immediate).saturatingSum())
        guard peak > account.totalCodeSizeLimit else { return [] }
        let afterCleanup = (before ?? 0).saturatingAdd(delta)
        var findings: [Finding] = []
        for outcome in outcomes {
            guard let added = outcome.immediate, added > 0, let code = outcome.head,
                  let resource = head.template.resource(named: outcome.logicalId),
                  let property = StoredCode.property(ofType: resource.type) ?? (resource.type == VersionCode.type ? "FunctionName" : nil)
            else { continue }
            let isLayer = resource.type == LambdaLayerVersion.type
            let what = (isLayer ? "layer version " : "function ") + outcome.logicalId
            var node = code.node
            var doing: String
            if resource.type == VersionCode.type {
                let function = VersionCode.function(of: outcome.logicalId, in: head).map { " of function \($0)" } ?? ""
                doing = "publishing version \(outcome.logicalId)\(function)"
            } else if outcome.transition?.to == .copy {
                doing = "switching \(what) from REFERENCE to COPY"
                if let modeNode = code.modeNode { node = modeNode } else { doing += " (\(property) has no S3ObjectStorageMode, which means COPY)" }
            } else {
                doing = switch outcome.operation {
                case .create?: "creating \(what)"
                case .replace?: isLayer ? "publishing a new version of layer version \(outcome.logicalId)" : "replacing \(what)"
                default: "updating the code of \(what)"
                }
            }
            var message = "\(doing) adds \(ByteText.describe(added)) to Lambda-managed code storage; this deployment takes it to \(peak) bytes, \(ByteText.describe(peak.saturatingAdd(account.totalCodeSizeLimit == .min ? .max : -account.totalCodeSizeLimit))) over the account's quota of \(ByteText.describe(account.totalCodeSizeLimit))"
            message += before.map { " (usage before: \($0) bytes)" } ?? " even from no usage before (AccountUsage.TotalCodeSize is not known)"
            message += "; Lambda refuses code beyond the quota and the deployment fails"
            if afterCleanup <= account.totalCodeSizeLimit {
                message += " (the storage this plan frees is freed only in the cleanup phase, after every create and update)"
            }
            findings.append(head.locatedFinding(StorageRules.codeStorageQuota, message, at: node, in: resource,
                                                fallbackPath: ["Properties", property]))
        }
        return findings
    }

    // MARK: Unzipped size

    /// Functions that HEAD creates or replaces, or whose `Code` or `Layers` change, checked against
    /// the unzipped limit of a function and its layers.
    func unzippedFindings(_ changes: [String: ResourceChange]) -> [Finding] {
        let check = UnzippedSizeCheck(context: head, artifacts: sizes.artifacts, measure: sizes.measureHead,
                                      limit: options.account.codeSizeUnzippedLimit, assets: sizes.headAssets)
        return head.lambda.functions.flatMap { function -> [Finding] in
            guard let change = changes[function.logicalId] else { return [] }
            let deploysCode = change.action == .create || change.action == .replace
                || (change.action == .update && change.causes.contains { cause in
                    ["Code", "Layers"].contains { cause == $0 || cause.hasPrefix($0 + "/") }
                })
            return deploysCode ? check.findings(for: function) : []
        }
    }
}
