extension StorageReport {
    /// The report of a deployed stack, from a state file of `cfn-lambda snapshot`.
    ///
    /// A published version keeps its own copy of the code (docs: "Lambda creates a new version of
    /// your function each time that you publish"; each counts in `TotalCodeSize`). Its storage mode
    /// is not in `list-versions-by-function`, so it is taken to be the function's. A layer version
    /// stays stored while a function (or function version) uses it, even once deleted.
    public init(state: DeployedState) {
        var notes: [String] = []
        if !state.recordsVersions {
            notes.append("the state file does not list versions (it is from before snapshot read them): only $LATEST and the stack's "
                         + "layer versions are counted; take a new snapshot")
        }
        // A stack version without a physical ID keeps a version nobody can name: none is reclaimable.
        let unnamedVersions = state.resources.filter { $0.value.type == "AWS::Lambda::Version" && $0.value.physicalId == nil }
            .keys.sorted(by: SnapshotFileWriter.precedes)
        if !unnamedVersions.isEmpty {
            notes.append("the stack's \(unnamedVersions.joined(separator: ", ")) (AWS::Lambda::Version) has no physical ID in the state file, "
                         + "so which version it keeps is not known: no function version is called reclaimable")
        }
        var items: [StorageItem] = []
        var functions: [StorageFunctionTotal] = []
        for logicalId in state.functions.keys.sorted(by: SnapshotFileWriter.precedes) {
            guard let function = state.functions[logicalId] else { continue }
            let functionItems = Self.items(of: function, logicalId: logicalId, state: state, versionsUnknown: !unnamedVersions.isEmpty,
                                           notes: &notes)
            items += functionItems
            let versions = state.versions[logicalId]?.versions
            functions.append(StorageFunctionTotal(
                resource: logicalId, name: function.name, totalBytes: functionItems.compactMap(\.storedBytes).saturatingSum(),
                reclaimableBytes: functionItems.filter(\.reclaimable).compactMap(\.storedBytes).saturatingSum(),
                versions: versions?.count, isLowerBound: functionItems.contains { $0.storedBytes == nil } || (state.recordsVersions && versions == nil)))
        }
        let layerItems = Self.layerItems(state: state, notes: &notes)
        items += layerItems

        let unknownMode = items.filter { $0.storage == .unknown }.compactMap(\.codeSizeBytes).saturatingSum()
        if items.contains(where: { $0.storage == .unknown && $0.kind != .layerVersion }) {
            notes.append("the snapshot's aws CLI does not report Code.ResolvedS3Object, so COPY cannot be told from REFERENCE: "
                         + "code of unknown storage mode is listed but not counted; take a snapshot with a newer aws CLI")
        }
        let total = items.compactMap(\.storedBytes).saturatingSum()
        let lowerBound = items.contains { $0.storedBytes == nil } || functions.contains(where: \.isLowerBound) || !state.recordsVersions
        let quota = state.accountSettings?.totalCodeSizeLimit ?? StorageSummary.defaultQuotaBytes
        let usage = state.accountSettings?.totalCodeSizeUsage
        let perDeployment = Self.bytesPerDeployment(items: items)
        let used = usage ?? total
        let left = used == .min ? Int64.max : quota.saturatingAdd(-used)
        let remaining: Int64? = perDeployment > 0 ? max(0, left) / perDeployment : nil
        let summary = StorageReportSummary(
            totalBytes: total, reclaimableBytes: items.filter(\.reclaimable).compactMap(\.storedBytes).saturatingSum(),
            isLowerBound: lowerBound, unknownModeBytes: unknownMode, quotaBytes: quota, usageBytes: usage, bytesPerDeployment: perDeployment,
            deploymentsRemaining: remaining, deploymentsRemainingIsUpperBound: usage == nil && remaining != nil)
        self.init(stack: state.stackName, region: state.region, items: items, functions: functions, summary: summary, notes: notes)
    }

    /// `$LATEST` and each published version, with what keeps each.
    /// `versionsUnknown`: a stack resource keeps a version that cannot be named, so none is reclaimable.
    static func items(of function: DeployedFunction, logicalId: String, state: DeployedState, versionsUnknown: Bool,
                      notes: inout [String]) -> [StorageItem] {
        var result = [StorageItem(resource: logicalId, kind: .function, arn: function.arn, version: "$LATEST", name: function.name,
                                  codeSizeBytes: function.codeSize, storage: function.storage, keptBy: ["$LATEST"], reclaimable: false)]
        guard state.recordsVersions else { return result }
        let deployed = state.versions[logicalId] ?? DeployedVersions()
        guard let versions = deployed.versions else {
            notes.append("the versions of function \(logicalId) (\(function.name)) are not known: list-versions-by-function failed")
            return result
        }
        var keptBy: [String: [String]] = [:]
        var aliasVersions: [String: String] = [:]
        for alias in deployed.aliases ?? [] {
            aliasVersions[alias.name] = alias.functionVersion
            keptBy[alias.functionVersion, default: []].append("alias:\(alias.name)")
            for version in alias.additionalVersions { keptBy[version, default: []].append("alias-routing:\(alias.name)") }
        }
        for qualifier in deployed.provisionedConcurrency ?? [] {
            if let version = aliasVersions[qualifier] {
                keptBy[version, default: []].append("provisioned-concurrency:\(qualifier)")
            } else {
                keptBy[qualifier, default: []].append("provisioned-concurrency")
            }
        }
        for mapping in deployed.eventSourceMappings ?? [] {
            guard let qualifier = mapping.qualifier else { continue }
            keptBy[aliasVersions[qualifier] ?? qualifier, default: []].append("event-source-mapping:\(mapping.uuid)")
        }
        for (id, resource) in state.resources where resource.type == "AWS::Lambda::Version" {
            guard let arn = resource.physicalId, let version = versions.first(where: { $0.arn == arn }) else { continue }
            keptBy[version.version, default: []].append("stack:\(id)")
        }
        // Aliases and event source mappings are how versions are usually pinned: without them nothing
        // is called reclaimable. Provisioned concurrency set on a version itself is rare: a note.
        let missing = [("list-aliases", deployed.aliases == nil),
                       ("list-event-source-mappings", deployed.eventSourceMappings == nil)].filter(\.1).map(\.0)
        if !missing.isEmpty {
            notes.append("what keeps the versions of function \(logicalId) is not fully known (\(missing.joined(separator: ", ")) failed): none is called reclaimable")
        }
        if deployed.provisionedConcurrency == nil {
            notes.append("the provisioned concurrency of function \(logicalId) is not known (list-provisioned-concurrency-configs failed): "
                         + "before deleting a version, check that `aws lambda get-provisioned-concurrency-config --function-name \(function.name) "
                         + "--qualifier VERSION` finds none")
        }
        for version in versions.sorted(by: { (Int($0.version) ?? 0, $0.version) < (Int($1.version) ?? 0, $1.version) }) {
            var reasons = (keptBy[version.version] ?? []).sorted(by: SnapshotFileWriter.precedes)
            if !missing.isEmpty || versionsUnknown { reasons.append("unknown") }
            result.append(StorageItem(resource: logicalId, kind: .functionVersion, arn: version.arn, version: version.version,
                                      name: function.name, codeSizeBytes: version.codeSize, storage: function.storage,
                                      keptBy: reasons, reclaimable: reasons.isEmpty))
        }
        return result
    }

    /// The stack's layer versions and the other versions of their layers.
    static func layerItems(state: DeployedState, notes: inout [String]) -> [StorageItem] {
        // The stack's resource for each layer (the layer ARN without the version number).
        var resourceOfLayer: [String: String] = [:]
        var stackVersions: [String: String] = [:]
        for id in state.resources.keys.sorted(by: SnapshotFileWriter.precedes) {
            guard let resource = state.resources[id], resource.type == LambdaLayerVersion.type, let arn = resource.physicalId,
                  let (layer, _) = SnapshotARN.layerVersion(arn) else { continue }
            if resourceOfLayer[layer] == nil { resourceOfLayer[layer] = id }
            stackVersions[arn] = id
        }
        var users: [String: [String]] = [:]
        for function in state.functions.values {
            for layer in function.layers { users[layer.arn, default: []].append("function:\(function.name)") }
            for version in state.versions[function.logicalId]?.versions ?? [] {
                for layer in version.layers { users[layer, default: []].append("function:\(function.name):\(version.version)") }
            }
        }
        var arns = Set(stackVersions.keys)
        for layer in resourceOfLayer.keys {
            if let listed = state.layerVersionLists[layer] {
                arns.formUnion(listed)
            } else if state.recordsVersions {
                notes.append("the other versions of layer \(layer) are not known: list-layer-versions failed")
            }
        }
        let sorted = arns.compactMap { arn in SnapshotARN.layerVersion(arn).map { (arn, $0.layer, $0.version) } }
            // The ARN breaks ties ("01" and "1", or numbers beyond Int): a Set's order differs between runs.
            .sorted { ($0.1, Int($0.2) ?? 0, $0.0) < ($1.1, Int($1.2) ?? 0, $1.0) }
        return sorted.map { arn, layer, version in
            var reasons = (users[arn] ?? []).sorted(by: SnapshotFileWriter.precedes)
            if let id = stackVersions[arn] { reasons.insert("stack:\(id)", at: 0) }
            let deployed = state.layerVersions[arn]
            let storage: DeployedStorage = deployed?.storage ?? .unknown
            return StorageItem(resource: resourceOfLayer[layer] ?? layer, kind: .layerVersion, arn: arn, version: version, name: layer,
                               codeSizeBytes: deployed?.codeSize, storage: storage, keptBy: reasons, reclaimable: reasons.isEmpty)
        }
    }

    /// A deployment that changes code publishes a new version of each function that has published
    /// versions and of each layer that keeps more than one: their latest stored sizes.
    static func bytesPerDeployment(items: [StorageItem]) -> Int64 {
        var latest: [String: StorageItem] = [:]
        var counts: [String: Int] = [:]
        for item in items where item.kind != .function {
            let key = "\(item.kind.rawValue) \(item.name)"
            counts[key, default: 0] += 1
            if let current = latest[key], (Int(current.version) ?? 0) >= (Int(item.version) ?? 0) { continue }
            latest[key] = item
        }
        return latest.filter { key, item in item.kind == .functionVersion || (counts[key] ?? 0) > 1 }
            .values.compactMap(\.storedBytes).saturatingSum()
    }
}
