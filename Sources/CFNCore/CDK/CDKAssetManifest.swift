import CFNLoader

/// The file assets of a CDK asset manifest (`cdk.out/<Stack>.assets.json`, the cloud assembly
/// schema's `AssetManifest`): `files.<id>.source.{path, packaging}` and the S3 objects
/// (`destinations.<name>.{bucketName, objectKey}`) the CDK CLI uploads them to. Docker images are
/// not code Lambda stores, and are left out.
public struct CDKAssetManifest: Sendable, Hashable {
    /// `source.packaging`: `file` (the default) uploads the file as it is, `zip` zips a folder.
    public enum Packaging: String, Sendable, Hashable {
        case file
        case zipDirectory = "zip"
    }

    public struct FileAsset: Sendable, Hashable {
        public var id: String
        /// Relative to the manifest's folder; nil when an `executable` makes the file at deploy time.
        public var path: String?
        public var packaging: Packaging
        public var destinations: [Destination]

        public init(id: String, path: String?, packaging: Packaging, destinations: [Destination]) {
            self.id = id
            self.path = path
            self.packaging = packaging
            self.destinations = destinations
        }
    }

    /// Where the CDK CLI uploads an asset: `bucketName` with its `${AWS::AccountId}`-style
    /// placeholders as written, and `objectKey`.
    public struct Destination: Sendable, Hashable {
        public var bucketName: String
        public var objectKey: String

        public init(bucketName: String, objectKey: String) {
            self.bucketName = bucketName
            self.objectKey = objectKey
        }
    }

    /// Sorted by id.
    public let files: [FileAsset]
    /// Indexes into `files` by destination `objectKey`: a lookup per resource stays constant-time.
    private let byKey: [String: [Int]]

    public init(files: [FileAsset]) {
        self.files = files.sorted { $0.id < $1.id }
        var byKey: [String: [Int]] = [:]
        for (index, asset) in self.files.enumerated() {
            for key in Set(asset.destinations.map(\.objectKey)) { byKey[key, default: []].append(index) }
        }
        self.byKey = byKey
    }

    /// The asset uploaded to `key` (CDK's keys are content hashes, `<hash>.zip`). When the bucket is
    /// known it must fit the destination's `bucketName`, whose placeholders stand for any text.
    public func asset(key: String, bucket: String?) -> FileAsset? {
        for index in byKey[key] ?? [] {
            let asset = files[index]
            if asset.destinations.contains(where: { destination in
                destination.objectKey == key && (bucket.map { Self.bucket($0, fits: destination.bucketName) } ?? true)
            }) { return asset }
        }
        return nil
    }

    /// Whether `bucket` is `pattern` with each `${…}` replaced by some text.
    static func bucket(_ bucket: String, fits pattern: String) -> Bool {
        var literals: [Substring] = []
        var rest = Substring(pattern)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            literals.append(rest[..<open.lowerBound])
            rest = rest[rest.index(after: close)...]
        }
        literals.append(rest)
        guard literals.count > 1 else { return bucket == pattern }
        var remaining = Substring(bucket)
        guard let first = literals.first, remaining.hasPrefix(first), let last = literals.last else { return false }
        remaining = remaining.dropFirst(first.count)
        for literal in literals.dropFirst().dropLast() where !literal.isEmpty {
            guard let found = remaining.range(of: literal) else { return false }
            remaining = remaining[found.upperBound...]
        }
        return remaining.hasSuffix(last)
    }

    /// The manifest's file assets, and findings located in it for what cannot be read (such an
    /// asset is left out, and the code it holds is of unknown size).
    public static func parse(_ bytes: [UInt8]) -> (manifest: CDKAssetManifest?, findings: [Finding]) {
        let invalid = CDKAssetRules.manifestInvalid
        let (loaded, loaderFindings) = StorageInputFile.load(bytes, invalid: invalid)
        guard let file = loaded else { return (nil, loaderFindings) }
        var findings = loaderFindings
        let tree = file.tree
        func problem(_ message: String, _ node: NodeID) {
            findings.append(Finding(invalid, message, at: file.range(node)))
        }
        guard tree.kind(file.root) == .mapping else {
            problem("an asset manifest is a JSON object with `version`, `files` and `dockerImages`", file.root)
            return (nil, findings)
        }
        guard let filesNode = tree.value(forKey: "files", in: file.root) else { return (CDKAssetManifest(files: []), findings) }
        guard tree.kind(filesNode) == .mapping else {
            problem("`files` must be an object from asset IDs to assets", filesNode)
            return (CDKAssetManifest(files: []), findings)
        }
        var assets: [FileAsset] = []
        for entry in tree.entries(filesNode) {
            let id = tree.string(entry.key) ?? ""
            guard tree.kind(entry.value) == .mapping, let source = tree.value(forKey: "source", in: entry.value),
                  tree.kind(source) == .mapping else {
                problem("file asset '\(id)' has no `source` object", entry.value)
                continue
            }
            let path = tree.value(forKey: "path", in: source).flatMap(tree.string)
            var packaging = Packaging.file
            if let node = tree.value(forKey: "packaging", in: source) {
                guard let written = tree.string(node).flatMap(Packaging.init(rawValue:)) else {
                    problem("`packaging` of file asset '\(id)' must be \"file\" or \"zip\"", node)
                    continue
                }
                packaging = written
            }
            var destinations: [Destination] = []
            if let node = tree.value(forKey: "destinations", in: entry.value), tree.kind(node) == .mapping {
                for destination in tree.entries(node) where tree.kind(destination.value) == .mapping {
                    guard let bucket = tree.value(forKey: "bucketName", in: destination.value).flatMap(tree.string),
                          let key = tree.value(forKey: "objectKey", in: destination.value).flatMap(tree.string) else {
                        problem("destination '\(tree.string(destination.key) ?? "")' of file asset '\(id)' needs `bucketName` and `objectKey`",
                                destination.value)
                        continue
                    }
                    destinations.append(Destination(bucketName: bucket, objectKey: key))
                }
            }
            assets.append(FileAsset(id: id, path: path, packaging: packaging, destinations: destinations))
        }
        return (CDKAssetManifest(files: assets), findings)
    }
}
