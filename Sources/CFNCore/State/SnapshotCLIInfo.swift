/// The `aws` CLI that took a snapshot: its version, and whether its Lambda model knows
/// `Code.ResolvedS3Object`, the field by which Lambda reports self-managed code. A CLI whose model
/// predates the field drops it, and then a function without it may be COPY or REFERENCE.
public struct SnapshotCLIInfo: Hashable, Sendable {
    /// What `aws --version` printed (its first line); nil when it printed nothing.
    public var version: String?
    /// Nil when the CLI's help could not tell.
    public var reportsResolvedS3Object: Bool?

    public init(version: String? = nil, reportsResolvedS3Object: Bool? = nil) {
        self.version = version
        self.reportsResolvedS3Object = reportsResolvedS3Object
    }

    /// From the answers to `aws --version` and `aws lambda get-function help` (local commands: no
    /// call to AWS). The help describes the output's fields; it is trusted only when it mentions
    /// `RepositoryType`, a field every version has.
    public init(version: AWSCallResult, help: AWSCallResult) {
        let versionText = String(decoding: version.stdout.isEmpty ? version.stderr : version.stdout, as: UTF8.self)
        let firstLine = versionText.split(whereSeparator: \.isNewline).first.map(String.init)
        self.version = version.termination == .exited(0) ? firstLine : nil
        let helpText = String(decoding: help.stdout, as: UTF8.self)
        if help.termination == .exited(0), helpText.contains("RepositoryType") {
            reportsResolvedS3Object = helpText.contains("ResolvedS3Object")
        } else {
            reportsResolvedS3Object = nil
        }
    }
}
