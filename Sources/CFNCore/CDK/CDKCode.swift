/// What `StoredCode` needs to know about one resource's CDK asset: the template's assets and the
/// resource's `aws:asset:path` metadata.
struct CDKCode {
    var assets = CDKAssets()
    var metadataPath: String?

    /// The size of code that names no `--artifact-sizes` entry by its S3 location, and the CDK asset
    /// it is. An entry whose key is the asset's and whose bucket fits the manifest's `bucketName`
    /// wins over the measured asset: the bucket, which names the account and Region, is often not
    /// known when planning.
    func size(bucket: String?, key: String?, artifacts: ArtifactSizes) -> (ArtifactSize?, CDKAssetUse?) {
        guard let use = assets.use(bucket: bucket, key: key, metadataPath: metadataPath) else { return (nil, nil) }
        if bucket == nil, let key, let patterns = use.bucketNames {
            let given = artifacts.unversioned(key: key).filter { entry in
                patterns.contains { CDKAssetManifest.bucket(entry.location.bucket, fits: $0) }
            }
            if given.count == 1, let size = given.first?.size { return (size, nil) }
        }
        return (use.measured?.artifactSize, use)
    }
}
