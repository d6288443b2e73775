import CFNLoader

/// The CDK assets of HEAD's code as the plan lists them, and a warning for each asset it cannot
/// measure, or cannot find for want of the asset manifest.
struct CDKAssetReport {
    let head: ResolvedTemplate
    var missingManifest: String?

    func assets(of outcomes: [StorageOutcome]) -> (assets: [CodeAsset], findings: [Finding]) {
        var byPath: [String: CodeAsset] = [:]
        var findings: [Finding] = []
        for outcome in outcomes {
            for code in outcome.headAssets {
                guard let use = code.asset else { continue }
                let packaging = use.packaging ?? use.measured?.packaging ?? .file
                var asset = byPath[use.path] ?? CodeAsset(
                    path: use.path, packaging: packaging, source: use.source, logicalIds: [],
                    zippedBytes: use.measured?.zippedBytes, unzippedBytes: use.measured?.unzippedBytes,
                    zippedEstimated: use.measured?.zippedEstimated ?? false)
                if !asset.logicalIds.contains(outcome.logicalId) { asset.logicalIds.append(outcome.logicalId) }
                byPath[use.path] = asset
                if use.measured == nil, let finding = missing(use, of: outcome.logicalId, at: code.node), !findings.contains(finding) {
                    findings.append(finding)
                }
                if let refusal = use.measured?.refusal, let finding = refused(use, refusal, of: outcome.logicalId, at: code.node),
                   !findings.contains(finding) {
                    findings.append(finding)
                }
            }
            if let missingManifest, let code = outcome.headUnsized.first,
               let finding = unnamed(outcome.logicalId, at: code.node, manifest: missingManifest) {
                findings.append(finding)
            }
        }
        let assets = byPath.values.map { asset in
            var sorted = asset
            sorted.logicalIds.sort()
            return sorted
        }
        return (assets.sorted { $0.path < $1.path }, findings)
    }

    /// Code of unknown size in a cloud assembly without its asset manifest.
    func unnamed(_ id: String, at node: NodeID?, manifest: String) -> Finding? {
        guard let resource = head.template.resource(named: id), let property = StoredCode.property(ofType: resource.type) else { return nil }
        let what = (resource.type == LambdaLayerVersion.type ? "layer version " : "function ") + id
        let message = "the size of the \(property) of \(what) is not known: the cloud assembly has no asset manifest \(manifest) "
            + "beside the template to find its asset by S3 key, and the resource has no aws:asset:path metadata; "
            + "run `cdk synth` again or give its size with --artifact-sizes"
        return head.locatedFinding(CDKAssetRules.assetMissing, message, at: node, in: resource, fallbackPath: ["Properties", property])
    }

    /// An asset that is there but that Lambda will not take.
    func refused(_ use: CDKAssetUse, _ refusal: String, of id: String, at node: NodeID?) -> Finding? {
        guard let resource = head.template.resource(named: id), let property = StoredCode.property(ofType: resource.type) else { return nil }
        let what = (resource.type == LambdaLayerVersion.type ? "layer version " : "function ") + id
        let message = "the \(property) of \(what) is the CDK asset \(use.path), which \(refusal); the deployment fails when it "
            + "creates or updates \(id): check the build that fills the asset and run `cdk synth` again"
        return head.locatedFinding(CDKAssetRules.assetRefused, message, at: node, in: resource, fallbackPath: ["Properties", property])
    }

    func missing(_ use: CDKAssetUse, of id: String, at node: NodeID?) -> Finding? {
        guard let resource = head.template.resource(named: id), let property = StoredCode.property(ofType: resource.type) else { return nil }
        let what = (resource.type == LambdaLayerVersion.type ? "layer version " : "function ") + id
        let found = use.source == .manifest ? "the asset manifest's" : "its aws:asset:path metadata's"
        let problem = use.madeAtDeploy
            ? "\(use.path), which the asset manifest has an executable make at deploy time"
            : "\(found) \(use.path), which is not in the template's folder or cannot be read"
        let message = "the \(property) of \(what) is the CDK asset \(problem): its size is not known, and the storage totals leave it out; "
            + "run `cdk synth` again or give its size with --artifact-sizes"
        return head.locatedFinding(CDKAssetRules.assetMissing, message, at: node, in: resource, fallbackPath: ["Properties", property])
    }
}
