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

    public init(packaging: CDKAssetManifest.Packaging, zippedBytes: Int64?, unzippedBytes: Int64?, zippedEstimated: Bool = false) {
        self.packaging = packaging
        self.zippedBytes = zippedBytes
        self.unzippedBytes = unzippedBytes
        self.zippedEstimated = zippedEstimated
    }

    var artifactSize: ArtifactSize {
        ArtifactSize(zipped: zippedBytes.flatMap { $0 >= 0 ? $0 : nil }, unzipped: unzippedBytes.flatMap { $0 >= 0 ? $0 : nil })
    }
}
