/// Where the plan finds the size of each function's and layer version's code.
public struct CodeSizes: Sendable {
    /// Objects in S3, from `--artifact-sizes`.
    public var artifacts: ArtifactSizes
    /// The size in bytes of a local file or folder a HEAD `Code`/`Content` names (as written, relative
    /// to the template's folder, before `aws cloudformation package`), or nil when it cannot be
    /// measured. The CLI measures on disk; the library never reads files.
    public var measureHead: @Sendable (String) -> Int64?
    /// The same for BASE's paths (which may be another revision of the files); nil by default.
    public var measureBase: @Sendable (String) -> Int64?

    public init(artifacts: ArtifactSizes = ArtifactSizes(), measureHead: @escaping @Sendable (String) -> Int64? = { _ in nil },
                measureBase: @escaping @Sendable (String) -> Int64? = { _ in nil }) {
        self.artifacts = artifacts
        self.measureHead = measureHead
        self.measureBase = measureBase
    }
}
