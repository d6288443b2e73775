import CFNCore

/// The plan for people, Terraform-like:
///
/// ```
/// Plan: base.yaml → head.yaml
///
///   + Reports (AWS::Lambda::Function) will be created
///   ~ Orders (AWS::Lambda::Function) will be updated in place, storage −10.0 MiB
///   + OrdersVersion640128d35d (AWS::Lambda::Version, from SAM Orders) will be created
///       Code/S3ObjectStorageMode: (absent) → "REFERENCE" (edited)
/// -/+ Deps (AWS::Lambda::LayerVersion) will be replaced
///       Content/S3Key: "deps-1.zip" → "deps-2.zip" (edited, forces replacement)
///   - Legacy (AWS::Lambda::Function) will be deleted
///   - Orders1 (AWS::Lambda::Version) will be removed from the stack, kept by its DeletionPolicy; its code keeps counting
///
/// 1 to create, 1 to update, 1 to replace, 2 to delete; 2 unchanged.
///
/// Code storage: …
/// Network interfaces: …
///
/// head.yaml:12:7: error: … [rule-id]
/// ```
/// Resources without change are counted, not listed. Values are written as `PlanValueText` says,
/// `(absent)` where the property is not set. Findings are validate's text lines.
public struct PlanTextReporter: Sendable {
    /// ANSI colours for actions and severities; the CLI turns them on only for a terminal without `NO_COLOR`.
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ run: PlanRun) -> String {
        var blocks: [[String]] = [[run.base.map { "Plan: \($0) → \(run.head)" } ?? "Plan: new stack from \(run.head)"]]
        if let plan = run.plan {
            let estimated = Set(plan.storage.estimatedSizes)
            blocks.append(run.changed.isEmpty ? ["No changes."] : run.changed.flatMap { lines(for: $0, estimated: estimated) })
            let unchanged = plan.count(.none)
            blocks.append(["\(plan.count(.create)) to create, \(plan.count(.update)) to update, "
                           + "\(plan.count(.replace)) to replace, \(plan.count(.delete)) to delete; \(unchanged) unchanged."])
            blocks.append(storage(plan))
            blocks.append(networkInterfaces(plan.enis, quota: run.eniQuota))
        } else {
            blocks.append(["No plan: a template cannot be read or processed (see the findings)."])
        }
        var output = blocks.map { $0.map { $0 + "\n" }.joined() }.joined(separator: "\n")
        let findings = TextReporter(color: color).render(run.findings)
        if !findings.isEmpty { output += "\n" + findings }
        return output
    }

    // MARK: Changes

    private func lines(for change: ResourceChange, estimated: Set<String>) -> [String] {
        let retained = RetainedNote.text(change)
        var header = "\(symbol(change.action)) \(change.logicalId) (\(Self.typeAndSource(change))) "
        header += change.action == .delete && retained != nil ? "will be removed from the stack" : Self.verb(change.action)
        if change.conditional { header += " (conditional)" }
        if change.logicalIdFromPackaging && change.action == .replace { header += " " + PackagedIdNote.text }
        if let delta = change.storageDeltaBytes, delta != 0 {
            header += ", storage \(PlanBytes.delta(delta))" + (estimated.contains(change.logicalId) ? " (estimated)" : "")
        }
        if let retained { header += (change.action == .delete ? ", " : "; ") + retained }
        return [header] + change.details.map { detail in
            var notes = [Self.reason(detail)]
            switch detail.requiresReplacement {
            case .always: notes.append("forces replacement")
            case .conditional: notes.append("may force replacement")
            case .never: break
            }
            let (before, after) = (PlanValueText.text(detail.before) ?? "(absent)", PlanValueText.text(detail.after) ?? "(absent)")
            return "      \(detail.path): \(before) → \(after) (\(notes.joined(separator: ", ")))"
        }
    }

    /// `AWS::Lambda::Version, from SAM Fn`; the type alone for a resource written in the template.
    static func typeAndSource(_ change: ResourceChange) -> String {
        guard let source = change.source else { return change.type }
        return "\(change.type), from \(transformName(source))\(source.resource)"
    }

    /// `SAM ` for a resource the SAM transform made; empty for another transform's.
    static func transformName(_ source: ResourceSource) -> String {
        source.type.hasPrefix("AWS::Serverless::") ? "SAM " : ""
    }

    static func verb(_ action: ResourceChange.Action) -> String {
        switch action {
        case .create: "will be created"
        case .update: "will be updated in place"
        case .replace: "will be replaced"
        case .delete: "will be deleted"
        case .none: "is unchanged"
        }
    }

    static func reason(_ detail: ChangeDetail) -> String {
        switch detail.reason {
        case .direct: "edited"
        case .parameter: "parameter value"
        case .reference: detail.referencedResource.map { "references \($0)" } ?? "reference"
        case .localCode: "local files changed"
        }
    }

    /// `  +`, `  ~`, `-/+`, `  -`: right-aligned, so logical IDs line up.
    private func symbol(_ action: ResourceChange.Action) -> String {
        let (text, code) = switch action {
        case .create: ("+", "32")
        case .update: ("~", "33")
        case .replace: ("-/+", "35")
        case .delete: ("-", "31")
        case .none: (" ", "0")
        }
        let padding = String(repeating: " ", count: 3 - text.count)
        return padding + ANSIColor.paint(text, code, enabled: color)
    }

    // MARK: Storage and network interfaces

    private func storage(_ plan: Plan) -> [String] {
        let summary = plan.storage
        var lines = ["Code storage (Lambda-managed): \(PlanBytes.delta(summary.deltaBytes))"
                     + (summary.estimatedSizes.isEmpty ? "" : " (estimated)")
                     + (summary.unknownSizes.isEmpty ? "" : " and sizes not known")]
        if let before = summary.usageBeforeBytes, let after = summary.usageAfterBytes {
            let peak = summary.usagePeakBytes ?? after
            let figures = ByteText.sizes([before, after, summary.quotaBytes, peak], limit: summary.quotaBytes)
            lines.append("  usage \(figures[0]) → \(figures[1]) of \(figures[2])")
            if peak > summary.quotaBytes, peak > after { lines.append("  usage before the cleanup phase: \(figures[3])") }
            if let note = summary.usageBeforeNote { lines.append("  usage is at least this: \(note)") }
        } else {
            lines.append("  quota \(PlanBytes.size(summary.quotaBytes)); usage before the deployment not known")
        }
        switch summary.exceedsQuota {
        case true? where (summary.usageAfterBytes ?? .max) <= summary.quotaBytes:
            lines.append("  usage during the deployment exceeds the quota (before the cleanup phase frees storage)")
        case true?: lines.append("  usage after the deployment exceeds the quota")
        case false?, nil: break
        }
        for transition in plan.transitions {
            let delta = transition.deltaBytes.map(PlanBytes.delta) ?? "size not known"
            lines.append("  \(transition.logicalId): \(transition.from.rawValue) → \(transition.to.rawValue) (\(delta))")
        }
        if !summary.unknownSizes.isEmpty {
            lines.append("  sizes not known (totals leave them out): \(summary.unknownSizes.joined(separator: ", "))")
        }
        if !summary.estimatedSizes.isEmpty {
            lines.append("  zipped sizes estimated (the folder is zipped at deploy): \(summary.estimatedSizes.joined(separator: ", "))")
        }
        if !plan.assets.isEmpty {
            lines.append("  CDK assets:")
            lines += plan.assets.map { "    " + CodeAssetText.line($0) }
        }
        return lines
    }

    private func networkInterfaces(_ enis: ENISummary, quota: Int) -> [String] {
        guard !enis.create.isEmpty || !enis.reclaim.isEmpty || !enis.unknown.isEmpty else {
            return ["Network interfaces: no subnet and security group combination added or removed."]
        }
        var counts: [String] = []
        if !enis.create.isEmpty { counts.append("up to \(plural(enis.create.count, "new network interface"))") }
        if !enis.reclaim.isEmpty { counts.append("up to \(plural(enis.reclaim.count, "network interface")) to reclaim") }
        var lines = ["Network interfaces: " + (counts.isEmpty ? "none known to be added or removed" : counts.joined(separator: ", "))]
        for combination in enis.create { lines.append("  " + line(combination, symbol: "+", code: "32")) }
        for combination in enis.reclaim { lines.append("  " + line(combination, symbol: "-", code: "31")) }
        if !enis.unknown.isEmpty {
            lines.append("  subnets or security groups known only at deploy: \(enis.unknown.joined(separator: ", "))")
        }
        if !enis.create.isEmpty {
            lines.append("  New functions behind a new combination stay Pending, not invocable, for several minutes while Lambda creates its network interface (at most \(quota) per VPC); updated functions do not go Pending: the update runs with LastUpdateStatus InProgress and they keep serving the previous configuration.")
        }
        if !enis.reclaim.isEmpty {
            lines.append("  A network interface is freed only when nothing else uses its combination, which takes up to 20 minutes.")
        }
        return lines
    }

    /// `+ subnet-0a1b [sg-1, sg-2]: Orders, Reports`
    private func line(_ combination: ENICombination, symbol: String, code: String) -> String {
        let mark = ANSIColor.paint(symbol, code, enabled: color)
        return "\(mark) \(combination.subnetId) [\(combination.securityGroupIds.joined(separator: ", "))]: "
            + combination.functions.joined(separator: ", ")
    }
}
