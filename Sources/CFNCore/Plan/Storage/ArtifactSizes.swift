import CFNLoader

/// The sizes of code artifacts in S3, from `--artifact-sizes FILE`: a JSON object from
/// `s3://bucket/key` or `s3://bucket/key?versionId=V` to a byte count or
/// `{"zipped": N, "unzipped": M}`.
public struct ArtifactSizes: Sendable, Hashable {
    public private(set) var entries: [S3Location: ArtifactSize]
    /// The entries' locations by key, for code whose bucket is not known when planning.
    private var byKey: [String: [S3Location]] = [:]

    public init(_ entries: [S3Location: ArtifactSize] = [:]) {
        self.entries = entries
        for location in entries.keys { byKey[location.key, default: []].append(location) }
    }

    /// The entries, without a version, for objects with this key in any bucket.
    func unversioned(key: String) -> [(location: S3Location, size: ArtifactSize)] {
        (byKey[key] ?? []).compactMap { location in
            location.versionId == nil ? entries[location].map { (location, $0) } : nil
        }
    }

    /// The size of the object a Code names: the entry for the version it pins, when the file has
    /// one, else the entry without a version. A Code that pins no version only matches the entry
    /// without one.
    public func size(of location: S3Location) -> ArtifactSize? {
        if entries.isEmpty { return nil }
        if location.versionId != nil, let size = entries[location] { return size }
        return entries[location.unversioned]
    }

    /// The sizes, and findings (located in the file) for every entry that cannot be read; such an
    /// entry is left out.
    public static func parse(_ bytes: [UInt8]) -> (sizes: ArtifactSizes, findings: [Finding]) {
        let invalid = StorageRules.artifactSizesInvalid
        let (loaded, loaderFindings) = StorageInputFile.load(bytes, invalid: invalid)
        guard let file = loaded else { return (ArtifactSizes(), loaderFindings) }
        var findings = loaderFindings
        func problem(_ message: String, _ node: NodeID) {
            findings.append(Finding(invalid, message, at: file.range(node)))
        }
        let tree = file.tree
        guard tree.kind(file.root) == .mapping else {
            problem("an artifact sizes file is a JSON object from S3 URLs (s3://bucket/key, optionally with ?versionId=V) to sizes in bytes", file.root)
            return (ArtifactSizes(), findings)
        }
        var entries: [S3Location: ArtifactSize] = [:]
        for entry in tree.entries(file.root) {
            let text = tree.string(entry.key) ?? ""
            guard let location = S3Location(url: text) else {
                problem("'\(text)' is not an S3 URL; write s3://bucket/key or s3://bucket/key?versionId=V", entry.key)
                continue
            }
            guard entries[location] == nil else { continue }  // a duplicate key: the loader reports it
            if let count = file.byteCount(entry.value) {
                entries[location] = .bytes(count)
                continue
            }
            guard tree.kind(entry.value) == .mapping else {
                problem("the size of '\(text)' must be a byte count or {\"zipped\": N, \"unzipped\": M}", entry.value)
                continue
            }
            var size = ArtifactSize()
            var readable = true
            for field in tree.entries(entry.value) {
                let name = tree.string(field.key) ?? ""
                guard name == "zipped" || name == "unzipped" else {
                    problem("unknown key '\(name)' in the size of '\(text)'; expected zipped and unzipped", field.key)
                    readable = false
                    continue
                }
                guard let count = file.byteCount(field.value) else {
                    problem("\(name) of '\(text)' must be a byte count (a whole number, at least 0)", field.value)
                    readable = false
                    continue
                }
                if name == "zipped" { size.zipped = count } else { size.unzipped = count }
            }
            if readable, size.zipped == nil, size.unzipped == nil {
                problem("the size of '\(text)' gives neither zipped nor unzipped", entry.value)
                readable = false
            }
            if readable { entries[location] = size }
        }
        return (ArtifactSizes(entries), findings)
    }
}
