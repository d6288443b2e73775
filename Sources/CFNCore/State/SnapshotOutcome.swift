/// What a snapshot produced: the state file, or why there is none.
public struct SnapshotOutcome: Sendable {
    /// The state file's bytes; nil when a call about the stack itself failed.
    public let file: [UInt8]?
    /// Every call that returned no response, in the order of the calls and by key; when `file` is nil, the
    /// failed stack-level calls.
    public let problems: [SnapshotProblem]

    /// The problems that are failures (not the expected absence of a layer version or policy).
    public var failures: [SnapshotProblem] { problems.filter { !$0.isExpected } }

    /// The failures' explanations, each once, in order: three calls denied for the same missing
    /// credentials say so once.
    public var failureExplanations: [String] {
        var seen: Set<String> = []
        return failures.map(\.explanation).filter { seen.insert($0).inserted }
    }
}
