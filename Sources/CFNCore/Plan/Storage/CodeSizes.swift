/// Where the plan finds the size of each function's and layer version's code.
public struct CodeSizes: Sendable {
    /// Objects in S3, from `--artifact-sizes`.
    public var artifacts: ArtifactSizes
    /// The sizes of a local file or folder a HEAD `Code`/`Content` names (as written, relative to
    /// the template's folder, before `aws cloudformation package`; or a SAM `CodeUri`/`ContentUri`,
    /// before `sam package` or after `sam build`) as it will be uploaded, or nil when it cannot be
    /// measured. The CLI measures on disk; the library never reads files.
    public var measureHead: @Sendable (String) -> MeasuredAsset?
    /// The same for BASE's paths (which may be another revision of the files); nil by default.
    public var measureBase: @Sendable (String) -> MeasuredAsset?
    /// What the deployed stack says (`plan --state`), by logical ID: BASE's code of a resource has
    /// this size and storage mode, whatever BASE's template and the other sources say.
    public var deployed: [String: DeployedCode]
    /// The CDK assets beside HEAD's and BASE's templates (a `cdk.out` folder); none by default.
    public var headAssets = CDKAssets()
    public var baseAssets = CDKAssets()

    public init(artifacts: ArtifactSizes = ArtifactSizes(), measureHead: @escaping @Sendable (String) -> MeasuredAsset? = { _ in nil },
                measureBase: @escaping @Sendable (String) -> MeasuredAsset? = { _ in nil }, deployed: [String: DeployedCode] = [:]) {
        self.artifacts = artifacts
        self.measureHead = measureHead
        self.measureBase = measureBase
        self.deployed = deployed
    }
}
