/// The size of one code artifact: a single byte count, or its zipped and unzipped sizes.
public struct ArtifactSize: Sendable, Hashable {
    /// A single number given for the artifact (a byte count in `--artifact-sizes`, a file or folder
    /// measured on disk): used whatever the quota basis.
    public var bytes: Int64?
    public var zipped: Int64?
    public var unzipped: Int64?

    public init(bytes: Int64? = nil, zipped: Int64? = nil, unzipped: Int64? = nil) {
        self.bytes = bytes
        self.zipped = zipped
        self.unzipped = unzipped
    }

    /// A single byte count.
    public static func bytes(_ count: Int64) -> ArtifactSize { ArtifactSize(bytes: count) }

    /// Inline `ZipFile` source: its UTF-8 bytes, which are also what it is unzipped.
    static func inline(_ count: Int64) -> ArtifactSize { ArtifactSize(bytes: count, unzipped: count) }

    /// The bytes that count against the quota: the single number, else the size on the basis
    /// (nil when not given, or negative).
    public func bytes(on basis: QuotaBasis) -> Int64? {
        (bytes ?? (basis == .zipped ? zipped : unzipped)).flatMap { $0 >= 0 ? $0 : nil }
    }
}
