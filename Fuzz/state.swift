import CFNCore
import CFNLoader
import CFNReporters

/// A state file (`plan --state`, `drift --state`, `storage`) on raw bytes: `DeployedState.parse`,
/// the storage report with its three renderers, then, when it has a template, `drift` of that
/// template against the state (as `cfn-lambda drift --state` does without TEMPLATE) with its three
/// renderers, and the plan of the deployed template over the deployed stack.
///
/// Invariants: the state file's findings lie within it, on character boundaries, and sort; drift
/// items lie within the template and sort; the drift JSON loads with the project's loader, with the
/// contract's members and one entry per item; the deployed template planned over its own stack is
/// all `none`, with no storage change and no network interface created or reclaimed; reading the
/// same bytes twice gives the same output.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let first = outputs(bytes)
    let second = outputs(bytes)
    invariant(first == second, "reading the same state twice gave different output:\n\(first)\n\(second)")
    return 0
}

/// Everything the target renders for one input, checking the invariants on the way.
func outputs(_ bytes: [UInt8]) -> [String] {
    let (parsed, findings) = DeployedState.parse(bytes)
    checkRanges(findings.map(\.range), in: bytes, what: "state finding")
    let stateReport = FileReport(file: "state.json", bytes: bytes, findings: findings)
    for (previous, next) in zip(stateReport.findings, stateReport.findings.dropFirst()) {
        invariant(!Finding.sourceOrder(next, previous), "state findings out of order: \(previous.rule), \(next.rule)")
    }
    var result = findings.map { "\($0.rule) \($0.range.start) \($0.message)" }
    if let state = parsed {
        // The storage report of any state: never negative totals from the known sizes' sum alone.
        let storage = StorageReport(state: state)
        invariant(storage.summary.reclaimableBytes <= storage.summary.totalBytes || storage.items.contains { ($0.storedBytes ?? 0) < 0 },
                  "reclaimable \(storage.summary.reclaimableBytes) above the total \(storage.summary.totalBytes)")
        result += [StorageTextReporter().render(storage), StorageJSONReporter().render(storage), StorageMarkdownReporter().render(storage)]
    }
    guard let state = parsed, let template = state.template else { return result }
    let loaded = LoadedTemplate(bytes: template)
    guard let parsedTemplate = loaded.template else { return result }
    let settings = ValidationSettings(parameters: state.parameters, region: state.region, accountId: state.accountId,
                                      stackName: state.stackName.isEmpty ? nil : state.stackName, today: "2026-05-10")
    let context = ResolvedTemplate(template: parsedTemplate, settings: settings)

    let report = DriftDetector(context: context, state: state).report()
    checkRanges(report.items.map(\.finding.range), in: template, what: "drift item")
    for (previous, next) in zip(report.items, report.items.dropFirst()) {
        invariant(previous.finding.range <= next.finding.range, "drift items out of order: \(previous.finding.rule), \(next.finding.rule)")
    }
    let run = DriftRun(report: report, template: "template", templateSource: loaded.source, state: "state.json",
                       otherReports: findings.isEmpty ? [] : [stateReport])
    let json = DriftJSONReporter().render(run)
    checkDriftJSON(json, items: report.items.count)
    result += [json, DriftTextReporter(color: false).render(run), DriftMarkdownReporter().render(run)]

    var options = PlanOptions()
    options.use(state)
    options.storage.quotaBasis = .zipped
    let plan = Planner(options: options).plan(base: context, head: context)
    for change in plan.changes {
        invariant(change.action == .none && change.causes.isEmpty,
                  "deployed template over its own stack: \(change.logicalId) is \(change.action) because of \(change.causes)")
        invariant(change.storageDeltaBytes == nil || change.storageDeltaBytes == 0,
                  "deployed template over its own stack: \(change.logicalId) changes storage by \(change.storageDeltaBytes ?? 0)")
    }
    invariant(plan.transitions.isEmpty && plan.storage.deltaBytes == 0,
              "deployed template over its own stack: transitions \(plan.transitions.map(\.logicalId)), delta \(plan.storage.deltaBytes)")
    invariant(plan.enis.create.isEmpty && plan.enis.reclaim.isEmpty,
              "deployed template over its own stack: ENIs created \(plan.enis.create.map(\.subnetId)), reclaimed \(plan.enis.reclaim.map(\.subnetId))")
    return result
}

/// Ranges lie within the bytes and start and end on character boundaries (but for invalid UTF-8,
/// which the loader reports at the byte).
func checkRanges(_ ranges: [SourceRange], in bytes: [UInt8], what: String) {
    let count = UInt32(bytes.count)
    func onBoundary(_ offset: UInt32) -> Bool { offset >= count || bytes[Int(offset)] & 0xC0 != 0x80 }
    for range in ranges {
        invariant(range.start <= range.end && range.end <= count, "\(what) range \(range.start)..<\(range.end) outside the \(count) bytes")
        invariant(onBoundary(range.start) || String(validating: bytes, as: UTF8.self) == nil,
                  "\(what) range \(range.start)..<\(range.end) splits a UTF-8 character")
    }
}

/// The drift JSON loads, has the contract's members in order, and one item per drift item.
func checkDriftJSON(_ json: String, items: Int) {
    let loaded = YAMLLoader.load(Array(escapingNonASCII(json).utf8))
    guard let tree = loaded.tree, let root = tree.root, loaded.diagnostics.isEmpty else {
        invariant(false, "drift JSON does not load: \(loaded.diagnostics.map(\.message))\n\(json)")
        return
    }
    let keys = tree.entries(root).map { tree.string($0.key) ?? "" }
    invariant(keys == ["formatVersion", "tool", "stack", "template", "state", "items", "checked", "notDeployed", "findings", "summary"],
              "drift JSON keys \(keys)")
    let count = tree.value(forKey: "items", in: root).map { tree.elements($0).count } ?? -1
    invariant(count == items, "\(count) JSON items for \(items)")
}
