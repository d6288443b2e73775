/// What a snapshot produced: the state file, or why there is none.
public struct SnapshotOutcome: Sendable {
    /// The state file's bytes; nil when a call about the stack itself failed.
    public let file: [UInt8]?
    /// Every call that returned no response, in the order of the calls and by key; when `file` is nil, the
    /// failed stack-level calls.
    public let problems: [SnapshotProblem]

    /// The problems that are failures (not the expected absence of a layer version or policy).
    public var failures: [SnapshotProblem] { problems.filter { !$0.isExpected } }

    /// The failures that leave a function of the stack unknown (its `get-function`).
    public var unreadFunctions: [SnapshotProblem] { failures.filter { $0.member.isRequired } }

    /// The failures' explanations, each once, in order: three calls denied for the same missing
    /// credentials say so once.
    public var failureExplanations: [String] { failureNotes.map(\.explanation) }

    /// The same, each with whether the state can do without the response (a warning: versions,
    /// aliases, policies, account settings) or not (a function or the stack is unknown).
    public var failureNotes: [(explanation: String, isWarning: Bool)] {
        var seen: Set<String> = []
        return failures.filter { seen.insert($0.explanation).inserted }.map { ($0.explanation, !$0.member.isRequired) }
    }
}
