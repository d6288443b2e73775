import CFNLoader

/// Finds the versions CloudFormation will not publish again although their function's code
/// changes (`plan.version-not-published`) or a setting a version snapshots changes
/// (`plan.version-config-not-published`): HEAD's `AWS::Lambda::Version` is unchanged, or updated
/// in place, while the function its `FunctionName` names is updated.
struct UnpublishedVersions {
    let head: ResolvedTemplate
    let changes: [ResourceChange]

    /// The `Code` parts that name other code; `S3ObjectStorageMode` and `SourceKMSKeyArn` do not.
    static let codeParts: Set<String> = ["Code", "Code/S3Bucket", "Code/S3Key", "Code/S3ObjectVersion", "Code/ZipFile", "Code/ImageUri"]

    func findings() -> [Finding] {
        let byId = Dictionary(changes.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Finding] = []
        var aliasesByVersion: [String: [String]]?
        for version in head.template.resources where version.type == VersionCode.type {
            guard let change = byId[version.logicalId], change.action == .none || change.action == .update,
                  let function = VersionCode.function(of: version.logicalId, in: head),
                  let functionChange = byId[function], functionChange.action == .update else { continue }
            let causes = functionChange.causes.filter(Self.codeParts.contains)
            let configuration = UnpublishedConfiguration.details(of: functionChange)
            guard !causes.isEmpty || !configuration.isEmpty else { continue }
            // Indexed once, on the first version that needs it: linear in the resources.
            let index = aliasesByVersion ?? aliasesOfVersions()
            aliasesByVersion = index
            let aliases = index[version.logicalId] ?? []
            let serving = aliases.isEmpty ? "" : ", and alias\(aliases.count == 1 ? "" : "es") \(aliases.joined(separator: ", ")) keep\(aliases.count == 1 ? "s" : "") serving it"
            let state = change.action == .none ? "unchanged" : "updated in place"
            let at = head.properties[version.logicalId]?["FunctionName"]?.node
            if !causes.isEmpty {
                let message = "function \(function)'s code changes (\(causes.joined(separator: ", "))) but version \(version.logicalId) "
                    + "is \(state): CloudFormation publishes no new version, so "
                    + "\(version.logicalId) keeps the old code\(serving); give the version a new logical ID with each code change "
                    + "(as SAM's AutoPublishAlias and the CDK's currentVersion do), or change its Description or CodeSha256 with the code"
                findings.append(head.locatedFinding(PlanVersionRules.versionNotPublished, message, at: at, in: version,
                                                    fallbackPath: ["Properties", "FunctionName"]))
            }
            if !configuration.isEmpty {
                let source = head.template.sources[version.logicalId]
                let samFunction = source?.type == "AWS::Serverless::Function" ? source?.resource : nil
                let paths = configuration.map(UnpublishedConfiguration.describe)
                let message = "function \(function)'s configuration changes (\(paths.joined(separator: ", "))) but version "
                    + "\(version.logicalId) is \(state): CloudFormation publishes no new version, and a version is an immutable "
                    + "snapshot of code and configuration, so \(version.logicalId) keeps the old configuration\(serving); "
                    + UnpublishedConfiguration.fix(for: configuration, samFunction: samFunction)
                findings.append(head.locatedFinding(PlanVersionRules.configurationNotPublished, message, at: at, in: version,
                                                    fallbackPath: ["Properties", "FunctionName"]))
            }
        }
        return findings.sorted(by: Finding.sourceOrder)
    }

    /// HEAD's aliases by the version whose `Version` attribute is their `FunctionVersion`, sorted.
    func aliasesOfVersions() -> [String: [String]] {
        var result: [String: [String]] = [:]
        for alias in head.template.resources where alias.type == "AWS::Lambda::Alias" {
            guard case .unknown(let unknown)? = head.properties[alias.logicalId]?["FunctionVersion"]?.kind,
                  case .attribute(let version, "Version")? = unknown.origin else { continue }
            result[version, default: []].append(alias.logicalId)
        }
        return result.mapValues { $0.sorted() }
    }
}
