import CFNCore

/// The storage report as one JSON object, versioned like the other outputs (`formatVersion`):
///
/// `{"formatVersion", "tool", "stack", "region", "items": [{"resource", "kind", "arn", "version",
/// "name", "codeSizeBytes", "storage", "keptBy": [...], "reclaimable", "deleteCommand"}],
/// "functions": [{"resource", "name", "totalBytes", "reclaimableBytes", "versions", "isLowerBound"}],
/// "summary": {"totalBytes", "reclaimableBytes", "isLowerBound", "unknownModeBytes", "quotaBytes", "usageBytes",
/// "bytesPerDeployment", "deploymentsRemaining", "deploymentsRemainingIsUpperBound"}, "notes": [...]}`
///
/// Sizes are bytes; a size not known is null and makes the totals lower bounds (`isLowerBound`).
/// `deleteCommand` is null unless the item is reclaimable.
public struct StorageJSONReporter: Sendable {
    public init() {}

    public func render(_ report: StorageReport) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.versionHeader()
        json.key("stack"); json.string(report.stack)
        json.key("region"); json.string(report.region)
        json.key("items")
        json.beginArray()
        for item in report.items {
            json.beginObject()
            json.key("resource"); json.string(item.resource)
            json.key("kind"); json.string(item.kind.rawValue)
            json.key("arn"); json.string(item.arn)
            json.key("version"); json.string(item.version)
            json.key("name"); json.string(item.name)
            json.key("codeSizeBytes"); json.number(item.codeSizeBytes)
            json.key("storage"); json.string(item.storage.label)
            json.key("keptBy"); json.strings(item.keptBy)
            json.key("reclaimable"); json.bool(item.reclaimable)
            json.key("deleteCommand"); json.string(item.reclaimable ? item.deleteCommand(region: report.region) : nil)
            json.endObject()
        }
        json.endArray()
        json.key("functions")
        json.beginArray()
        for function in report.functions {
            json.beginObject()
            json.key("resource"); json.string(function.resource)
            json.key("name"); json.string(function.name)
            json.key("totalBytes"); json.number(function.totalBytes)
            json.key("reclaimableBytes"); json.number(function.reclaimableBytes)
            json.key("versions"); json.number(function.versions)
            json.key("isLowerBound"); json.bool(function.isLowerBound)
            json.endObject()
        }
        json.endArray()
        let summary = report.summary
        json.key("summary")
        json.beginObject()
        json.key("totalBytes"); json.number(summary.totalBytes)
        json.key("reclaimableBytes"); json.number(summary.reclaimableBytes)
        json.key("isLowerBound"); json.bool(summary.isLowerBound)
        json.key("unknownModeBytes"); json.number(summary.unknownModeBytes)
        json.key("quotaBytes"); json.number(summary.quotaBytes)
        json.key("usageBytes"); json.number(summary.usageBytes)
        json.key("bytesPerDeployment"); json.number(summary.bytesPerDeployment)
        json.key("deploymentsRemaining"); json.number(summary.deploymentsRemaining)
        json.key("deploymentsRemainingIsUpperBound"); json.bool(summary.deploymentsRemainingIsUpperBound)
        json.endObject()
        json.key("notes"); json.strings(report.notes)
        json.endObject()
        return json.output + "\n"
    }
}

extension JSONWriter {
    /// An array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}
