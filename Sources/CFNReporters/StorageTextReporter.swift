import CFNCore

/// The storage report for a terminal: the totals against the quota, each function's and layer's
/// versions with what keeps them, the delete commands for the reclaimable ones, and the notes.
public struct StorageTextReporter: Sendable {
    public init() {}

    public func render(_ report: StorageReport) -> String {
        let summary = report.summary
        var lines = ["Code storage of stack \(report.stack)\(report.region.map { " (\($0))" } ?? ""): "
                     + "\(Self.total(summary.totalBytes, lowerBound: summary.isLowerBound)) in Lambda-managed storage, "
                     + "\(PlanBytes.size(summary.reclaimableBytes)) reclaimable"
                     + (summary.unknownModeBytes > 0 ? " (and \(PlanBytes.size(summary.unknownModeBytes)) more if the code of unknown storage mode is COPY)" : "")]
        lines.append("  " + Self.quotaLine(summary))
        lines.append("  " + Self.rateLine(summary))
        for function in report.functions {
            lines.append("")
            let versions = function.versions.map { "\($0) published \($0 == 1 ? "version" : "versions")" } ?? "versions not known"
            lines.append("Function \(function.resource) (\(function.name)): \(Self.total(function.totalBytes, lowerBound: function.isLowerBound)), "
                         + "\(versions), \(PlanBytes.size(function.reclaimableBytes)) reclaimable")
            lines += Self.rows(report.items.filter { $0.kind != .layerVersion && $0.resource == function.resource })
        }
        let layers = report.items.filter { $0.kind == .layerVersion }
        for name in Self.unique(layers.map(\.name)) {
            let versions = layers.filter { $0.name == name }
            lines.append("")
            lines.append("Layer \(name) (\(versions.first?.resource ?? name)): "
                         + "\(Self.total(versions.compactMap(\.storedBytes).reduce(0, +), lowerBound: versions.contains { $0.storedBytes == nil }))")
            lines += Self.rows(versions)
        }
        let reclaimable = report.reclaimable
        lines.append("")
        if reclaimable.isEmpty {
            lines.append("Nothing is reclaimable: every version is kept by something.")
        } else {
            lines.append("Reclaimable (nothing of the stack refers to them); cfn-lambda never runs these:")
            lines += reclaimable.map { "  " + $0.deleteCommand(region: report.region) }
            if reclaimable.contains(where: { $0.kind == .layerVersion }) {
                lines.append("  A deleted layer version stays stored while a function outside the stack still uses it.")
            }
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines.append("Not known:")
            lines += report.notes.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func rows(_ items: [StorageItem]) -> [String] {
        let labels = items.map { $0.kind == .function ? "$LATEST" : "version \($0.version)" }
        let sizes = items.map { $0.codeSizeBytes.map(PlanBytes.size) ?? "size not known" }
        let labelWidth = labels.map(\.count).max() ?? 0
        let sizeWidth = sizes.map(\.count).max() ?? 0
        return items.indices.map { index in
            let item = items[index]
            let kept = item.reclaimable ? "reclaimable" : "kept by " + item.keptBy.joined(separator: ", ")
            return "  " + pad(labels[index], labelWidth) + "  " + pad(sizes[index], sizeWidth) + "  " + pad(item.storage.label, 9) + "  " + kept
        }
    }

    static func quotaLine(_ summary: StorageReportSummary) -> String {
        guard let usage = summary.usageBytes else {
            return "quota \(PlanBytes.size(summary.quotaBytes)); account usage not known (this stack alone: \(percent(summary.totalBytes, of: summary.quotaBytes)) of the quota)"
        }
        return "quota \(PlanBytes.size(summary.quotaBytes)); account usage \(PlanBytes.size(usage)) (\(percent(usage, of: summary.quotaBytes)) of the quota), "
            + "this stack \(percent(summary.totalBytes, of: summary.quotaBytes))"
    }

    static func rateLine(_ summary: StorageReportSummary) -> String {
        guard let remaining = summary.deploymentsRemaining else {
            return "a deployment adds no known storage at the recent rate (no function publishes versions)"
        }
        let count = summary.deploymentsRemainingIsUpperBound ? "at most \(remaining)" : "\(remaining)"
        return "at \(PlanBytes.size(summary.bytesPerDeployment)) per deployment (a new version of each function and layer that keeps versions), "
            + "\(count) \(remaining == 1 ? "deployment remains" : "deployments remain") before the quota"
    }

    /// `at least 1.0 MiB` for a lower bound, `not known` when nothing is known.
    static func total(_ bytes: Int64, lowerBound: Bool) -> String {
        guard lowerBound else { return PlanBytes.size(bytes) }
        return bytes == 0 ? "size not known" : "at least \(PlanBytes.size(bytes))"
    }

    /// A share with two decimals, never rounded to 0 or 100 when it is not: `<0.01%`.
    static func percent(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0, part >= 0 else { return "?" }
        let hundredths = Double(part) / Double(whole) * 10_000
        if part > 0 && hundredths < 1 { return "<0.01%" }
        if part < whole && hundredths >= 9_999.5 { return ">99.99%" }
        // Sizes come from a file: a share too large for a whole number is said as such.
        if hundredths >= 1e12 { return ">10000000000%" }
        let rounded = Int64(hundredths.rounded())
        return "\(rounded / 100).\(String(rounded % 100).leftPadded(to: 2))%"
    }

    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
