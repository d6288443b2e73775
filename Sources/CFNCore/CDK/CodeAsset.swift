/// A CDK asset that HEAD's functions and layer versions use, with the sizes the plan measured.
public struct CodeAsset: Sendable, Hashable {
    /// How the plan found the asset: by its S3 key in the asset manifest, or by the resource's
    /// `aws:asset:path` metadata.
    public enum Source: String, Sendable, Hashable {
        case manifest, metadata
    }

    /// The asset's path as the manifest or the metadata writes it (relative to the template's folder).
    public var path: String
    /// `zip`: a folder the CDK CLI zips at deploy time; `file`: uploaded as it is.
    public var packaging: CDKAssetManifest.Packaging
    public var source: Source
    /// The functions and layer versions of HEAD whose code it is, sorted.
    public var logicalIds: [String]
    /// Nil when not known (the asset is missing, or is not a zip).
    public var zippedBytes: Int64?
    public var unzippedBytes: Int64?
    /// The zipped size is estimated (a folder is zipped only at deploy time).
    public var zippedEstimated: Bool

    public init(path: String, packaging: CDKAssetManifest.Packaging, source: Source, logicalIds: [String],
                zippedBytes: Int64?, unzippedBytes: Int64?, zippedEstimated: Bool) {
        self.path = path
        self.packaging = packaging
        self.source = source
        self.logicalIds = logicalIds
        self.zippedBytes = zippedBytes
        self.unzippedBytes = unzippedBytes
        self.zippedEstimated = zippedEstimated
    }
}
