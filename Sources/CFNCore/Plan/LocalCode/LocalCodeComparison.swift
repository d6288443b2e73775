/// How the plan learns whether the files at a local code path (`CodeUri: src/` before `sam package`,
/// `Code: ./src` before `aws cloudformation package`) differ between BASE and HEAD. The template text
/// is the same when only the files change, but the packagers then upload a new object under a new
/// key (its MD5), so CloudFormation updates the function's code and SAM publishes a new version.
/// The library reads no files: the CLI compares (with git, for `--base-ref`).
public struct LocalCodeComparison: Sendable {
    public enum State: Sendable, Hashable {
        /// The files are the same in BASE and HEAD.
        case unchanged
        /// The files differ; `since` names BASE (a git revision).
        case changed(since: String)
        /// Not known; why, in words ("no file under src/ is tracked by git").
        case notCompared(String)
    }

    /// What BASE is, in words, when the paths can be compared at all (a git revision); nil when
    /// BASE and HEAD are two files and the files at their paths cannot be told apart.
    public var revision: String?
    /// The state of a path as the template writes it (relative to HEAD's folder, or absolute).
    public var compare: @Sendable (String) -> State

    /// Nothing is compared: BASE and HEAD are two files, and a local path names the same files in both.
    public init() {
        revision = nil
        compare = { _ in .notCompared("BASE and HEAD are files, not git revisions") }
    }

    public init(revision: String, compare: @escaping @Sendable (String) -> State) {
        self.revision = revision
        self.compare = compare
    }
}
