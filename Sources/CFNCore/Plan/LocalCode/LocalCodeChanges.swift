import CFNLoader

/// Changes the template text does not show: the files at a local code path (`CodeUri: src/` before
/// `sam package`, `Code: ./src` before `aws cloudformation package`) that differ between BASE and
/// HEAD. The packagers upload them as a new object under a new key (its MD5), so CloudFormation
/// updates the function's code, a layer version is published anew, and SAM publishes a new version
/// for `AutoPublishAlias` (the version's logical ID hashes the packaged location). Paths that
/// cannot be compared are named once per plan (`plan.local-code-not-compared`), so that "no changes"
/// is never silently wrong.
struct LocalCodeChanges {
    /// A function or layer version whose code is at the same local path in BASE and HEAD.
    struct LocalCode {
        let resource: Resource
        /// The path as written (a SAM `CodeUri` is the placeholder location's key).
        let path: String
        /// `Code`, `Content`, or `Code/S3Key`/`Content/S3Key` for SAM's placeholder location.
        let detailPath: String
        /// HEAD's value at `detailPath`.
        let value: Resolved
        let state: LocalCodeComparison.State
    }

    let base: ResolvedTemplate
    let head: ResolvedTemplate
    let comparison: LocalCodeComparison

    /// HEAD's functions and layer versions with local code at the same path in BASE, in template order.
    func localCode() -> [LocalCode] {
        var found: [LocalCode] = []
        for resource in head.template.resources {
            guard let property = StoredCode.property(ofType: resource.type), head.mayExist(resource),
                  let before = base.template.resource(named: resource.logicalId), before.type == resource.type, base.mayExist(before),
                  let after = head.properties[resource.logicalId]?[property],
                  let (path, key, value) = Self.local(after),
                  let (basePath, baseKey, _) = base.properties[before.logicalId]?[property].flatMap(Self.local),
                  basePath == path, baseKey == key else { continue }
            found.append(LocalCode(resource: resource, path: path, detailPath: key.map { "\(property)/\($0)" } ?? property,
                                   value: value, state: comparison.compare(path)))
        }
        return found
    }

    /// The local path of a resolved `Code`/`Content`: a string that is not an S3 URL (for `aws
    /// cloudformation package`), or SAM's placeholder location (`SAMCodeLocation.localBucket`),
    /// with the key under the property that holds the path and that value.
    static func local(_ code: Resolved) -> (path: String, key: String?, value: Resolved)? {
        if let text = code.text {
            return S3Location(url: text) == nil && !text.isEmpty ? (text, nil, code) : nil
        }
        guard code["S3Bucket"]?.text == SAMCodeLocation.localBucket, let key = code["S3Key"], let path = key.text,
              code["S3ObjectVersion"] == nil else { return nil }
        return (path, "S3Key", key)
    }

    /// Shows each changed local path as a change of its resource's code, and the SAM versions and
    /// layer versions that packaging gives a new logical ID as replaced. Runs before the ripple, so
    /// what references a replaced layer or version follows.
    func mark(_ changes: inout [String: ResourceChange], planner: ResourcePlanner) {
        var changedFunctions: Set<String> = []
        for code in localCode() {
            guard case .changed(let since) = code.state, let change = changes[code.resource.logicalId], change.action != .delete,
                  change.action != .create else { continue }
            let isLayer = code.resource.type == LambdaLayerVersion.type
            let source = head.template.sources[code.resource.logicalId]
            let packager = source == nil ? "aws cloudformation package" : "sam package"
            let what = code.detailPath.hasSuffix("/S3Key") ? "the S3 key" : "the S3 location"
            let after = PlanValue.unknown(dependsOn: [], reason: "\(what) \(packager) uploads \(code.path) to; its files changed since \(since)")
            let detail = ChangeDetail(path: code.detailPath, before: PlanValue(code.value, path: code.detailPath), after: after,
                                      reason: .localCode, requiresReplacement: isLayer ? .always : .never,
                                      range: code.value.node.map(head.tree.range))
            var marked = planner.summarize(id: change.logicalId, type: change.type, conditional: change.conditional,
                                           details: change.details + [detail])
            // SAM names a layer version after a hash of its content's location: packaging gives it a new logical ID.
            marked.logicalIdFromPackaging = isLayer && source?.type == "AWS::Serverless::LayerVersion"
            changes[code.resource.logicalId] = marked
            if !isLayer { changedFunctions.insert(code.resource.logicalId) }
        }
        guard !changedFunctions.isEmpty else { return }
        // AutoPublishAlias: the version's logical ID hashes the function's Code, so new code is a new
        // version (`_construct_version` in samtranslator/model/sam_resources.py), unless
        // AutoPublishCodeSha256 gives the hash.
        for version in head.template.resources where version.type == VersionCode.type {
            guard head.template.sources[version.logicalId]?.type == "AWS::Serverless::Function",
                  let function = VersionCode.function(of: version.logicalId, in: head), changedFunctions.contains(function),
                  !pinned(version.logicalId, function: function),
                  var change = changes[version.logicalId], change.action == .none || change.action == .update else { continue }
            change.action = .replace
            change.logicalIdFromPackaging = true
            changes[version.logicalId] = change
        }
    }

    /// A SAM version named after `AutoPublishCodeSha256` (`<Function>Version<first 10 of it>`), which
    /// SAM also appends to the function's `Description` (see `SAMFunction`): new code alone does not rename it.
    func pinned(_ versionId: String, function: String) -> Bool {
        let prefix = function + "Version"
        guard versionId.hasPrefix(prefix), let description = head.properties[function]?["Description"]?.text else { return false }
        let hash = versionId.dropFirst(prefix.count)
        return hash.count == 10 && description.split(separator: " ").last?.hasPrefix(hash) == true
    }

    /// `plan.local-code-not-compared`, once per plan: the resources whose local code could not be compared.
    func findings() -> [Finding] {
        var items: [(name: String, path: String, reason: String, code: LocalCode)] = []
        var named: Set<String> = []
        for code in localCode() {
            guard case .notCompared(let reason) = code.state else { continue }
            let name = head.template.sources[code.resource.logicalId]?.resource ?? code.resource.logicalId
            guard named.insert(name).inserted else { continue }
            items.append((name, code.path, reason, code))
        }
        guard let first = items.first else { return [] }
        let reasons = Set(items.map(\.reason))
        let list = items.map { reasons.count == 1 ? "\($0.name) (\($0.path))" : "\($0.name) (\($0.path): \($0.reason))" }
        var message = "the files at the local code path\(items.count == 1 ? "" : "s") of \(list.joined(separator: ", ")) are not compared"
        if reasons.count == 1 { message += " (\(first.reason))" }
        message += ", so this plan cannot show a change of them: when they change, sam package or aws cloudformation package uploads "
            + "a new object, CloudFormation updates the code and SAM's AutoPublishAlias publishes a new version; "
            + "cfn-lambda plan --base-ref REV compares them with a git revision"
        let property = StoredCode.property(ofType: first.code.resource.type) ?? "Code"
        return [head.locatedFinding(PlanLocalCodeRules.notCompared, message, at: first.code.value.node, in: first.code.resource,
                                    fallbackPath: ["Properties", property])]
    }
}
