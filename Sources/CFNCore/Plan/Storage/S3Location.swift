/// An S3 object, optionally pinned to a version: `s3://bucket/key` or `s3://bucket/key?versionId=V`.
public struct S3Location: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bucket: String
    public var key: String
    public var versionId: String?

    public init(bucket: String, key: String, versionId: String? = nil) {
        self.bucket = bucket
        self.key = key
        self.versionId = versionId
    }

    /// Reads `s3://bucket/key` or `s3://bucket/key?versionId=V` (as `aws cloudformation package`
    /// writes them); nil when the text is not such a URL. The key is taken as written (S3 keys may
    /// hold `?`; only a trailing `?versionId=` names a version).
    public init?(url: String) {
        guard url.hasPrefix("s3://") else { return nil }
        var rest = Substring(url.dropFirst("s3://".count))
        var version: String?
        if let query = rest.ranges(of: "?versionId=").last {
            version = String(rest[query.upperBound...])
            rest = rest[..<query.lowerBound]
            guard version?.isEmpty == false else { return nil }
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = rest[..<slash]
        let key = rest[rest.index(after: slash)...]
        guard !bucket.isEmpty, !key.isEmpty else { return nil }
        self.init(bucket: String(bucket), key: String(key), versionId: version)
    }

    public var description: String {
        "s3://\(bucket)/\(key)" + (versionId.map { "?versionId=\($0)" } ?? "")
    }

    /// The same object without its version.
    public var unversioned: S3Location { S3Location(bucket: bucket, key: key) }

    public static func < (lhs: S3Location, rhs: S3Location) -> Bool { lhs.description < rhs.description }
}
