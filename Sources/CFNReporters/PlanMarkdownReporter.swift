import CFNCore

/// The plan as a pull-request comment (GitHub-flavoured Markdown): a heading and the counts, a table
/// of the changed resources (with their code storage change), a collapsible `<details>` with the
/// property changes of each resource that has any, then code storage, network interfaces and the findings.
///
/// Resources without change are counted, not listed. Values are shown as code, `absent` in italics.
public struct PlanMarkdownReporter: Sendable {
    public init() {}

    public func render(_ run: PlanRun) -> String {
        var blocks = ["### cfn-lambda plan"]
        blocks.append(run.base.map { "\(Self.code($0)) → \(Self.code(run.head))" } ?? "New stack from \(Self.code(run.head))")
        if let plan = run.plan {
            blocks.append(counts(plan, run: run))
            let changed = run.changed
            if !changed.isEmpty {
                var table = ["| | resource | type | action | storage | causes |", "|---|---|---|---|---|---|"]
                for change in changed {
                    var action = change.action.rawValue + (change.conditional ? " (conditional)" : "")
                    if change.logicalIdFromPackaging && change.action == .replace { action += " " + PackagedIdNote.text }
                    if let retained = RetainedNote.text(change) { action += ": " + Self.cellText(retained) }
                    table.append("| \(Self.cellCode(Self.symbol(change.action))) | \(Self.cellCode(change.logicalId)) | "
                                 + "\(Self.typeCell(change)) | \(action) | \(Self.storageDelta(change) ?? "") | "
                                 + "\(change.causes.map(Self.cellCode).joined(separator: ", ")) |")
                }
                blocks.append(table.joined(separator: "\n"))
                blocks += changed.compactMap(details)
            }
            blocks += storage(plan)
            blocks += networkInterfaces(plan.enis, quota: run.eniQuota)
        } else {
            blocks.append("No plan: a template cannot be read or processed (see the findings).")
        }
        if !run.findings.unreadable.isEmpty {
            blocks.append("Not read:\n" + run.findings.unreadable.map { "- \(Self.code($0.file)): \(Self.html($0.reason))" }.joined(separator: "\n"))
        }
        blocks += findings(run.findings)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: Changes

    private func counts(_ plan: Plan, run: PlanRun) -> String {
        var parts = ["**\(plan.count(.create)) to create, \(plan.count(.update)) to update, "
                     + "\(plan.count(.replace)) to replace, \(plan.count(.delete)) to delete**",
                     "\(plan.count(.none)) unchanged"]
        let findings = run.findings
        parts.append("\(plural(findings.count(.error), "error")), "
                     + "\(plural(findings.count(.warning), "warning")), "
                     + "\(plural(findings.count(.info), "info"))")
        return parts.joined(separator: " · ")
    }

    /// The property changes of one resource, collapsed; nil when it has none.
    private func details(_ change: ResourceChange) -> String? {
        guard !change.details.isEmpty else { return nil }
        var summary = "<code>\(Self.html(change.logicalId))</code> (\(Self.html(PlanTextReporter.typeAndSource(change)))): \(change.action.rawValue)"
        if change.conditional { summary += " (conditional)" }
        if let delta = Self.storageDelta(change) { summary += ", storage \(delta)" }
        var table = ["| property | before | after | why |", "|---|---|---|---|"]
        for detail in change.details {
            var why = Self.cellText(PlanTextReporter.reason(detail))
            switch detail.requiresReplacement {
            case .always: why += ", **forces replacement**"
            case .conditional: why += ", **may force replacement**"
            case .never: break
            }
            table.append("| \(Self.cellCode(detail.path)) | \(Self.cellValue(detail.before)) | "
                         + "\(Self.cellValue(detail.after)) | \(why) |")
        }
        return ["<details><summary>\(summary)</summary>", table.joined(separator: "\n"), "</details>"].joined(separator: "\n\n")
    }

    /// The type, and for a generated resource where it came from: `AWS::Lambda::Version` from SAM `Fn`.
    static func typeCell(_ change: ResourceChange) -> String {
        guard let source = change.source else { return cellCode(change.type) }
        return "\(cellCode(change.type)) from \(PlanTextReporter.transformName(source))\(cellCode(source.resource))"
    }

    /// `+1.0 MiB`; nil when not known or zero.
    static func storageDelta(_ change: ResourceChange) -> String? {
        change.storageDeltaBytes.flatMap { $0 == 0 ? nil : PlanBytes.delta($0) }
    }

    static func symbol(_ action: ResourceChange.Action) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        case .none: " "
        }
    }

    // MARK: Storage and network interfaces

    private func storage(_ plan: Plan) -> [String] {
        let summary = plan.storage
        var blocks = ["#### Code storage"]
        var table = ["| | |", "|---|---|",
                     "| change | \(PlanBytes.delta(summary.deltaBytes))\(summary.unknownSizes.isEmpty ? "" : " and sizes not known") |",
                     "| quota | \(PlanBytes.size(summary.quotaBytes)) |"]
        if let before = summary.usageBeforeBytes, let after = summary.usageAfterBytes {
            let peak = summary.usagePeakBytes ?? after
            let figures = ByteText.sizes([before, after, summary.quotaBytes, peak], limit: summary.quotaBytes)
            table[table.count - 1] = "| quota | \(figures[2]) |"
            table.append("| usage before | \(figures[0]) |")
            table.append("| usage after | \(figures[1]) |")
            if peak > summary.quotaBytes, peak > after { table.append("| usage before cleanup | \(figures[3]) |") }
            if let note = summary.usageBeforeNote { table.append("| usage is at least this | \(Self.cellText(note)) |") }
        } else {
            table.append("| usage before | \(summary.usageBeforeBytes.map(PlanBytes.size) ?? "not known") |")
            table.append("| usage after | not known |")
        }
        switch summary.exceedsQuota {
        case true?: table.append("| exceeds the quota | **yes** |")
        case false?: table.append("| exceeds the quota | no |")
        case nil: table.append("| exceeds the quota | not known |")
        }
        blocks.append(table.joined(separator: "\n"))
        if !plan.transitions.isEmpty {
            var transitions = ["| resource | from | to | change |", "|---|---|---|---|"]
            for transition in plan.transitions {
                transitions.append("| \(Self.cellCode(transition.logicalId)) | \(transition.from.rawValue) | \(transition.to.rawValue) | "
                                   + "\(transition.deltaBytes.map(PlanBytes.delta) ?? "not known") |")
            }
            blocks.append(transitions.joined(separator: "\n"))
        }
        if !summary.unknownSizes.isEmpty {
            blocks.append("Sizes not known (the totals leave them out): \(summary.unknownSizes.map(Self.code).joined(separator: ", "))")
        }
        if !summary.estimatedSizes.isEmpty {
            blocks.append("Zipped sizes estimated (the folder is zipped at deploy): \(summary.estimatedSizes.map(Self.code).joined(separator: ", "))")
        }
        if !plan.assets.isEmpty {
            blocks.append((["| CDK asset | used by | size |", "|---|---|---|"] + plan.assets.map { asset in
                "| \(Self.cellCode(asset.path)) | \(asset.logicalIds.map(Self.cellCode).joined(separator: ", ")) | \(CodeAssetText.sizes(asset)) |"
            }).joined(separator: "\n"))
        }
        return blocks
    }

    private func networkInterfaces(_ enis: ENISummary, quota: Int) -> [String] {
        var blocks = ["#### Network interfaces"]
        var counts: [String] = []
        if !enis.create.isEmpty { counts.append("Up to **\(plural(enis.create.count, "new network interface"))**") }
        if !enis.reclaim.isEmpty { counts.append("up to \(plural(enis.reclaim.count, "network interface")) to reclaim") }
        guard !counts.isEmpty || !enis.unknown.isEmpty else {
            return blocks + ["No subnet and security group combination added or removed."]
        }
        if !counts.isEmpty { blocks.append(counts.joined(separator: "; ") + " (one per subnet and security group set).") }
        if !enis.create.isEmpty || !enis.reclaim.isEmpty {
            var table = ["| | subnet | security groups | functions |", "|---|---|---|---|"]
            for (label, combinations) in [("new", enis.create), ("reclaim", enis.reclaim)] {
                for combination in combinations {
                    table.append("| \(label) | \(Self.cellCode(combination.subnetId)) | "
                                 + "\(combination.securityGroupIds.map(Self.cellCode).joined(separator: ", ")) | "
                                 + "\(combination.functions.map(Self.cellCode).joined(separator: ", ")) |")
                }
            }
            blocks.append(table.joined(separator: "\n"))
        }
        if !enis.unknown.isEmpty {
            blocks.append("Subnets or security groups known only at deploy: \(enis.unknown.map(Self.code).joined(separator: ", ")).")
        }
        var notes: [String] = []
        if !enis.create.isEmpty {
            notes.append("> New functions behind a new combination stay Pending, not invocable, for several minutes while Lambda creates its network interface (at most \(quota) per VPC); updated functions do not go Pending: the update runs with LastUpdateStatus InProgress and they keep serving the previous configuration.")
        }
        if !enis.reclaim.isEmpty {
            notes.append("> A network interface is freed only when nothing else uses its combination, which takes up to 20 minutes.")
        }
        if !notes.isEmpty { blocks.append(notes.joined(separator: "\n>\n")) }
        return blocks
    }

    // MARK: Findings

    private func findings(_ run: ValidationRun) -> [String] {
        ValidationMarkdownReporter.findingsTable(run).map { ["#### Findings", $0] } ?? []
    }

    // MARK: Markdown text

    /// A code span that shows `text` as it is: the fence is longer than any run of backticks in it.
    static func code(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded + fence
    }

    /// A code span in a table cell: `|` is escaped, which GitHub applies even inside code spans.
    static func cellCode(_ text: String) -> String {
        code(text).replacingPipes
    }

    /// A plan value in a table cell: code, or *absent*.
    static func cellValue(_ value: PlanValue?) -> String {
        cellValue(PlanValueText.text(value))
    }

    /// A value's text in a table cell: code, or *absent*.
    static func cellValue(_ text: String?) -> String {
        text.map(cellCode) ?? "*absent*"
    }

    /// Prose in a table cell: markup escaped, on one line.
    static func cellText(_ text: String) -> String {
        RuleListReporter.tableCell(text)
    }

    /// Text inside HTML (`<summary>`).
    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}

private extension String {
    var replacingPipes: String {
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }
}
