import CFNCore

/// The storage report as Markdown (an issue or a pull-request comment): the totals, a table of
/// every version, and the delete commands of the reclaimable ones in a code block.
public struct StorageMarkdownReporter: Sendable {
    public init() {}

    public func render(_ report: StorageReport) -> String {
        let summary = report.summary
        var blocks = ["### cfn-lambda storage"]
        blocks.append("Stack \(PlanMarkdownReporter.code(report.stack))\(report.region.map { " (\($0))" } ?? ""): "
                      + "**\(StorageTextReporter.total(summary.totalBytes, lowerBound: summary.isLowerBound))** in Lambda-managed storage, "
                      + "**\(PlanBytes.size(summary.reclaimableBytes))** reclaimable.")
        blocks.append([
            "| | |", "|---|---|",
            "| quota | \(PlanBytes.size(summary.quotaBytes)) |",
            "| account usage | \(summary.usageBytes.map { "\(PlanBytes.size($0)) (\(StorageTextReporter.percent($0, of: summary.quotaBytes)))" } ?? "not known") |",
            "| this stack | \(StorageTextReporter.total(summary.totalBytes, lowerBound: summary.isLowerBound)) "
                + "(\(StorageTextReporter.percent(summary.totalBytes, of: summary.quotaBytes))) |",
            "| per deployment | \(PlanBytes.size(summary.bytesPerDeployment)) |",
            "| deployments left | \(summary.deploymentsRemaining.map { summary.deploymentsRemainingIsUpperBound ? "at most \($0)" : "\($0)" } ?? "not known") |",
        ].joined(separator: "\n"))
        var table = ["| resource | version | size | storage | kept by |", "|---|---|---|---|---|"]
        for item in report.items {
            let kept = item.reclaimable ? "**reclaimable**" : item.keptBy.map(PlanMarkdownReporter.cellCode).joined(separator: ", ")
            table.append("| \(PlanMarkdownReporter.cellCode(item.resource)) | \(PlanMarkdownReporter.cellCode(item.kind == .layerVersion ? "layer \(item.version)" : item.version)) | "
                         + "\(item.codeSizeBytes.map(PlanBytes.size) ?? "not known") | \(item.storage.label) | \(kept) |")
        }
        blocks.append(table.joined(separator: "\n"))
        let reclaimable = report.reclaimable
        if reclaimable.isEmpty {
            blocks.append("Nothing is reclaimable: every version is kept by something.")
        } else {
            blocks.append("Reclaimable (nothing of the stack refers to them); cfn-lambda never runs these:")
            blocks.append("```sh\n" + reclaimable.map { $0.deleteCommand(region: report.region) }.joined(separator: "\n") + "\n```")
        }
        if !report.notes.isEmpty {
            blocks.append("Not known:\n\n" + report.notes.map { "- \($0)" }.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
