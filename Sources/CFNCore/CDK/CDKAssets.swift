/// What one template's `cdk.out` folder says about its code: the asset manifest beside the
/// template, and a way to measure an asset on disk (the CLI's; the library reads no files).
///
/// A function's `Code` (a layer version's `Content`) is an asset when its `S3Key` is the
/// `objectKey` of a manifest's file asset; without a manifest, or when the key is not a literal
/// (CDK v1 passed it as a parameter), the resource's `aws:asset:path` metadata names the asset when
/// its `aws:asset:property` is that property — the metadata CDK writes for the SAM CLI.
public struct CDKAssets: Sendable {
    public var manifest: CDKAssetManifest?
    /// The asset manifest a cloud assembly (a folder with `manifest.json`) should have beside the
    /// template, as named for messages, when there is none.
    public var missingManifest: String?
    /// The sizes of an asset at a path as the manifest or the metadata writes it (relative to the
    /// template's folder), packaged as the manifest says (nil: as found on disk); nil when there is
    /// nothing at that path, or it cannot be read.
    public var measure: @Sendable (_ path: String, _ packaging: CDKAssetManifest.Packaging?) -> MeasuredAsset?

    public init(manifest: CDKAssetManifest? = nil,
                measure: @escaping @Sendable (_ path: String, _ packaging: CDKAssetManifest.Packaging?) -> MeasuredAsset? = { _, _ in nil }) {
        self.manifest = manifest
        self.measure = measure
    }

    /// The asset a resource's code is, with its measured sizes; nil when it is none.
    func use(bucket: String?, key: String?, metadataPath: String?) -> CDKAssetUse? {
        if let key, let asset = manifest?.asset(key: key, bucket: bucket) {
            guard let path = asset.path else {
                return CDKAssetUse(path: "asset \(asset.id)", packaging: asset.packaging, source: .manifest, measured: nil,
                                   bucketNames: asset.destinations.map(\.bucketName), madeAtDeploy: true)
            }
            return CDKAssetUse(path: path, packaging: asset.packaging, source: .manifest, measured: measure(path, asset.packaging),
                               bucketNames: asset.destinations.map(\.bucketName))
        }
        guard let metadataPath else { return nil }
        return CDKAssetUse(path: metadataPath, packaging: nil, source: .metadata, measured: measure(metadataPath, nil))
    }

    /// `aws:asset:path` of a resource whose `aws:asset:property` is `property`.
    static func metadataPath(of resource: Resource, property: String, in context: ResolvedTemplate) -> String? {
        let tree = context.tree
        guard let metadata = resource[.metadata], tree.kind(metadata) == .mapping,
              let written = tree.value(forKey: "aws:asset:property", in: metadata), tree.scalar(written, equals: property),
              let path = tree.value(forKey: "aws:asset:path", in: metadata) else { return nil }
        return tree.string(path).flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A resource's code found to be a CDK asset.
struct CDKAssetUse: Hashable {
    var path: String
    /// Nil when only the metadata names the asset: then it is packaged as the CLI finds it.
    var packaging: CDKAssetManifest.Packaging?
    var source: CodeAsset.Source
    /// Nil when the asset is missing or cannot be read.
    var measured: MeasuredAsset?
    /// The manifest's `bucketName`s of the asset; nil when only the metadata names it.
    var bucketNames: [String]?
    /// The manifest has an `executable` make the file at deploy time: nothing to measure.
    var madeAtDeploy = false
}
