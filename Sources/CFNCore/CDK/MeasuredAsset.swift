/// The sizes of a CDK asset as the CLI measured it on disk.
public struct MeasuredAsset: Sendable, Hashable {
    /// How it is uploaded: a folder is zipped, a file sent as it is.
    public var packaging: CDKAssetManifest.Packaging
    /// The object uploaded to S3: a file's size, or the zip the CDK CLI will make of a folder.
    public var zippedBytes: Int64?
    /// The code once Lambda unzips it: the entries of a zip's central directory, or a folder's files.
    public var unzippedBytes: Int64?
    /// `zippedBytes` is an estimate: the folder is zipped only when the CDK CLI publishes it.
    public var zippedEstimated: Bool
    /// The files in the zip (its central directory's entries) or in the folder; nil when not known.
    public var entries: Int64?

    public init(packaging: CDKAssetManifest.Packaging, zippedBytes: Int64?, unzippedBytes: Int64?, zippedEstimated: Bool = false,
                entries: Int64? = nil) {
        self.packaging = packaging
        self.zippedBytes = zippedBytes
        self.unzippedBytes = unzippedBytes
        self.zippedEstimated = zippedEstimated
        self.entries = entries
    }

    /// Why Lambda will refuse this asset as a function's code or a layer's content, which must be a
    /// non-empty zip ("Uploaded file must be a non-empty zip"); nil when it will not.
    var refusal: String? {
        switch packaging {
        case .file where unzippedBytes == nil:
            "is not a zip archive (no central directory this plan can read): Lambda refuses code it cannot unzip, and its unzipped size is not known"
        case .file where entries == 0: "is a zip archive with no files: Lambda refuses an empty zip"
        case .zipDirectory where entries == 0: "is an empty folder: the CDK CLI will upload an empty zip, which Lambda refuses"
        default: nil
        }
    }

    var artifactSize: ArtifactSize {
        ArtifactSize(zipped: zippedBytes.flatMap { $0 >= 0 ? $0 : nil }, unzipped: unzippedBytes.flatMap { $0 >= 0 ? $0 : nil })
    }
}
