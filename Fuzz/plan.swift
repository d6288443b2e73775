import CFNCore
import CFNLoader
import CFNReporters

/// `plan` on two templates derived from one input (`TemplatePair`: the input and an edited copy, or
/// the two halves around a NUL byte), as `cfn-lambda plan` makes it: HEAD validated, both loaded into
/// `ResolvedTemplate`s, `Planner.plan(base:head:headFindings:)`, and the JSON, text and Markdown renderers.
/// Code sizes come from a fixed artifact-sizes table, a size for every local path and an account
/// with usage, so the storage plan has numbers to add.
///
/// Invariants: the plan of each template against itself is all `none`, without causes, transitions,
/// storage delta or network interfaces certainly created or reclaimed (one a function uses under an
/// unknown condition is a possible create and a possible reclaim); changes are sorted by logical ID, once
/// each; every report's findings are sorted and lie within its file, on character boundaries, with
/// line and column inside it; the plan JSON parses with the project's loader and says what the plan
/// says (changes, findings with their places, summary); planning the same bytes twice gives the same
/// output.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pair = TemplatePair(Array(UnsafeBufferPointer(start: data, count: size)))

    let (run, contexts) = planRun(base: pair.base, head: pair.head)
    for context in contexts {
        checkSelfPlan(context, edit: pair.edit)
    }
    let json = PlanJSONReporter().render(run)
    let text = PlanTextReporter(color: false).render(run)
    let markdown = PlanMarkdownReporter().render(run)
    invariant(!text.isEmpty && !markdown.isEmpty, "an empty text or Markdown plan (\(pair.edit))")
    checkFindings(run, edit: pair.edit)
    if let plan = run.plan {
        for (previous, next) in zip(plan.changes, plan.changes.dropFirst()) {
            invariant(previous.logicalId < next.logicalId, "changes \(previous.logicalId), \(next.logicalId) out of order or repeated (\(pair.edit))")
        }
    }
    checkJSON(json, of: run, edit: pair.edit)

    let (again, _) = planRun(base: pair.base, head: pair.head)
    invariant(PlanJSONReporter().render(again) == json && PlanTextReporter(color: false).render(again) == text
              && PlanMarkdownReporter().render(again) == markdown,
              "planning the same bytes twice gave different output (\(pair.edit)):\n\(json)\n\(PlanJSONReporter().render(again))")
    return 0
}

/// What the fuzz target plans with: fixed settings and code sizes.
enum PlanFuzzInputs {
    static let settings = ValidationSettings(today: "2026-05-10")
    static let options: PlanOptions = {
        let table = #"{"s3://fuzz-bucket/fuzz/code.zip": {"zipped": 1048576, "unzipped": 4194304}, "s3://fuzz-bucket/big.zip": 300000000}"#
        let measure: @Sendable (String) -> MeasuredAsset? = { path in
            MeasuredAsset(packaging: .zipDirectory, zippedBytes: Int64(path.utf8.count) * 1_000_000,
                          unzippedBytes: Int64(path.utf8.count) * 4_000_000, zippedEstimated: true)
        }
        let sizes = CodeSizes(artifacts: ArtifactSizes.parse(Array(table.utf8)).sizes, measureHead: measure, measureBase: measure)
        let account = AccountSettings(totalCodeSizeLimit: 80_000_000_000, totalCodeSizeUsage: 79_990_000_000)
        return PlanOptions(sizes: sizes, storage: StorageOptions(account: account), eniQuota: 3)
    }()
}

/// The plan of `base.yaml` to `head.yaml` as `PlanCommand.plan` makes it, and the contexts of the
/// templates that could be read.
func planRun(base: [UInt8], head: [UInt8]) -> (run: PlanRun, contexts: [ResolvedTemplate]) {
    let headReport = Validator(settings: PlanFuzzInputs.settings).validate(file: "head.yaml", bytes: head)
    let headTemplate = LoadedTemplate(bytes: head).template
    var otherReports: [FileReport] = []
    var baseContext: ResolvedTemplate?
    var baseReadable = true
    let loaded = LoadedTemplate(bytes: base)
    if let template = loaded.template {
        baseContext = ResolvedTemplate(template: template, settings: PlanFuzzInputs.settings)
    } else {
        baseReadable = false
        otherReports.append(FileReport(file: "base.yaml", source: loaded.source, findings: loaded.findings))
    }
    let headContext = headTemplate.map { ResolvedTemplate(template: $0, settings: PlanFuzzInputs.settings) }
    var plan: Plan?
    if let headContext, baseReadable {
        plan = Planner(options: PlanFuzzInputs.options).plan(base: baseContext, head: headContext, headFindings: headReport.findings)
    } else {
        otherReports.append(headReport)
    }
    let run = PlanRun(plan: plan, head: "head.yaml", headSource: headReport.source, base: "base.yaml",
                      otherReports: otherReports, eniQuota: PlanFuzzInputs.options.eniQuota)
    return (run, [baseContext, headContext].compactMap { $0 })
}

/// A template planned against itself changes nothing.
func checkSelfPlan(_ context: ResolvedTemplate, edit: String) {
    let plan = Planner(options: PlanFuzzInputs.options).plan(base: context, head: context)
    for change in plan.changes {
        invariant(change.action == .none && change.causes.isEmpty && change.details.isEmpty,
                  "self-plan (\(edit)): \(change.logicalId) is \(change.action) because of \(change.causes)")
        invariant(change.storageDeltaBytes == nil || change.storageDeltaBytes == 0,
                  "self-plan (\(edit)): \(change.logicalId) changes storage by \(change.storageDeltaBytes ?? 0)")
    }
    invariant(plan.transitions.isEmpty, "self-plan (\(edit)): transitions \(plan.transitions.map(\.logicalId))")
    invariant(plan.storage.deltaBytes == 0, "self-plan (\(edit)): storage delta \(plan.storage.deltaBytes)")
    // A combination a function uses under a condition that is not known is a possible create and a
    // possible reclaim (ENIPlanner treats BASE's and HEAD's conditions as independent): conditional,
    // and the same combinations both ways. Nothing is created or reclaimed for certain.
    func keys(_ combinations: [ENICombination]) -> [String] {
        combinations.map { $0.subnetId + " " + $0.securityGroupIds.joined(separator: ",") }
    }
    invariant(plan.enis.create.allSatisfy(\.conditional) && plan.enis.reclaim.allSatisfy(\.conditional)
              && keys(plan.enis.create) == keys(plan.enis.reclaim),
              "self-plan (\(edit)): ENIs created \(keys(plan.enis.create)), reclaimed \(keys(plan.enis.reclaim))")
}

/// Every report's findings are sorted and located inside its file.
func checkFindings(_ run: PlanRun, edit: String) {
    for report in run.findings.reports {
        let bytes = report.source.bytes
        let count = UInt32(bytes.count)
        let source = report.source
        func onBoundary(_ offset: UInt32) -> Bool { offset >= count || bytes[Int(offset)] & 0xC0 != 0x80 }
        func lastColumn(_ line: Int) -> Int {
            let start = Int(source.lineStarts[line - 1])
            let end = line < source.lineCount ? Int(source.lineStarts[line]) : bytes.count
            return bytes[start..<end].lazy.filter { $0 & 0xC0 != 0x80 }.count + 1
        }
        for (previous, next) in zip(report.findings, report.findings.dropFirst()) {
            invariant(!Finding.sourceOrder(next, previous), "\(report.file): \(previous.rule) after \(next.rule) (\(edit))")
        }
        for finding in report.findings {
            let range = finding.range
            invariant(range.start <= range.end && range.end <= count,
                      "\(report.file): \(finding.rule) range \(range.start)..<\(range.end) outside the \(count) bytes (\(edit))")
            invariant(finding.rule == "yaml.invalid-character" || onBoundary(range.start) && onBoundary(range.end),
                      "\(report.file): \(finding.rule) range \(range.start)..<\(range.end) splits a UTF-8 character (\(edit))")
            for place in [source.lineColumn(at: range.start), source.lineColumn(at: range.end)] {
                invariant(place.line >= 1 && place.line <= source.lineCount && place.column >= 1 && place.column <= lastColumn(place.line),
                          "\(report.file): \(finding.rule) at \(place) is not inside the file (\(edit))")
            }
            invariant(!finding.message.isEmpty && !finding.rule.isEmpty, "finding without a rule or message (\(edit))")
        }
    }
}

/// The JSON, read back with the project's loader, has the contract's keys in order and says what the run says.
func checkJSON(_ json: String, of run: PlanRun, edit: String) {
    // YAML forbids some characters raw that JSON allows (U+0085, U+FEFF…): written as escapes, the
    // document means the same JSON.
    let loaded = YAMLLoader.load(Array(escapingNonASCII(json).utf8))
    guard let tree = loaded.tree, let root = tree.root, loaded.diagnostics.isEmpty else {
        invariant(false, "plan JSON does not load: \(loaded.diagnostics.map(\.message)) (\(edit))\n\(json)")
        return
    }
    let keys = tree.entries(root).map { tree.string($0.key) ?? "" }
    invariant(keys == ["formatVersion", "tool", "changes", "transitions", "storage", "assets", "enis", "findings", "summary"],
              "plan JSON keys \(keys)")
    func scalar(_ key: String, in node: NodeID) -> String? { tree.value(forKey: key, in: node).flatMap(tree.string) }
    invariant(scalar("formatVersion", in: root) == String(PlanJSONReporter.formatVersion), "formatVersion is not \(PlanJSONReporter.formatVersion)")
    let changes = tree.value(forKey: "changes", in: root).map { Array(tree.elements($0)) } ?? []
    let planChanges = run.plan?.changes ?? []
    invariant(changes.count == planChanges.count, "\(changes.count) JSON changes for \(planChanges.count) (\(edit))")
    for (node, change) in zip(changes, planChanges) {
        invariant(scalar("logicalId", in: node) == change.logicalId && scalar("action", in: node) == change.action.rawValue,
                  "JSON change \(scalar("logicalId", in: node) ?? "nil") is not \(change.logicalId) \(change.action) (\(edit))")
    }
    let findings = tree.value(forKey: "findings", in: root).map { Array(tree.elements($0)) } ?? []
    let located = run.findings.reports.flatMap { report in report.findings.map { (report, $0) } }
    invariant(findings.count == located.count, "\(findings.count) JSON findings for \(located.count) (\(edit))")
    for (node, (report, finding)) in zip(findings, located) {
        let start = report.source.lineColumn(at: finding.range.start)
        invariant(scalar("rule", in: node) == finding.rule && scalar("message", in: node) == finding.message
                  && scalar("file", in: node) == report.file
                  && scalar("line", in: node) == String(start.line) && scalar("column", in: node) == String(start.column),
                  "JSON finding \(scalar("rule", in: node) ?? "nil") is not \(finding.rule) at \(report.file):\(start) (\(edit))")
    }
    if let summary = tree.value(forKey: "summary", in: root) {
        for action in [ResourceChange.Action.create, .update, .replace, .delete] {
            invariant(scalar(action.rawValue, in: summary) == String(run.plan?.count(action) ?? 0), "summary \(action) (\(edit))")
        }
    } else {
        invariant(false, "plan JSON without a summary")
    }
}
