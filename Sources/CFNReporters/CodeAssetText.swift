import CFNCore

/// A CDK asset in words, for the text and Markdown plans.
enum CodeAssetText {
    /// `asset.3f…/ (folder, zipped at deploy) for Api: 1.2 KiB zipped (estimated), 3.4 KiB unzipped`
    static func line(_ asset: CodeAsset) -> String {
        let kind = asset.packaging == .zipDirectory ? "folder, zipped at deploy" : "file"
        return "\(asset.path) (\(kind)) for \(asset.logicalIds.joined(separator: ", ")): \(sizes(asset))"
    }

    /// `1.2 KiB zipped (estimated), 3.4 KiB unzipped`, or why there are none.
    static func sizes(_ asset: CodeAsset) -> String {
        var parts: [String] = []
        if let zipped = asset.zippedBytes { parts.append("\(PlanBytes.size(zipped)) zipped" + (asset.zippedEstimated ? " (estimated)" : "")) }
        if let unzipped = asset.unzippedBytes { parts.append("\(PlanBytes.size(unzipped)) unzipped") }
        return parts.isEmpty ? "not measured" : parts.joined(separator: ", ")
    }
}
