import Foundation

/// Lets another thread follow a load as it goes: the template's top-level entries and the
/// resources under `Resources`, each once it is complete, with a copy of the nodes loaded so far.
///
/// The loader never waits for the follower and never shares its own storage: at a publication it
/// copies what it added since the last one (a few tens of KiB at a time), and the follower appends
/// those copies to a tree of its own (`next(into:)`). A node that is complete does not change after,
/// and node IDs are positions, so the follower's tree is always a prefix of the loaded tree: the
/// same nodes with the same IDs, ranges and text. What the follower makes of a partial template
/// must still be checked against the whole one when the load ends (see `CFNCore.EarlyChecks`).
///
/// Every load given a progress finishes it, also one that stops on an error, so `next(into:)`
/// never waits forever.
public final class LoadProgress: @unchecked Sendable {
    /// A complete key and value: a top-level section, or one resource of the `Resources` mapping
    /// (a plain mapping value of the top-level key `Resources`, in the order written).
    public enum Entry: Sendable, Hashable {
        case section(key: NodeID, value: NodeID)
        case resource(key: NodeID, value: NodeID)
    }

    /// At least this many bytes of the file are read between two publications (and at most one
    /// resource's worth more), so that copying and waking the follower cost little next to loading.
    let publicationBytes: Int

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var staged = NodeTree()
    private var entries: [Entry] = []
    private var finished = false
    private var cancelled = false
    private var followed = false
    private var stopped = false
    private var publicationCount = 0

    public init() {
        publicationBytes = 1 << 16
    }

    /// With publications every `publicationBytes` bytes (1: at every entry) instead of 64 KiB: for
    /// tests and fuzzing, which make the follower meet every point of the load.
    public init(publicationBytes: Int) {
        self.publicationBytes = max(1, publicationBytes)
    }

    /// Starts following: until then the loader copies nothing. False when the load ended before
    /// anyone followed (there is nothing to do beside it) or the progress was cancelled; true
    /// again for a progress already followed.
    public func follow() -> Bool {
        condition.withLock {
            if cancelled { return false }
            if followed { return true }
            if finished { return false }
            followed = true
            return true
        }
    }

    /// Waits until the loader publishes more, appends the nodes it added to `replica` and returns
    /// the entries completed since the last call; nil once the load has ended and everything was
    /// handed over. `replica` must be the tree given to every earlier call (it starts empty).
    public func next(into replica: inout NodeTree) -> [Entry]? {
        condition.lock()
        while entries.isEmpty, staged.records.isEmpty, !finished {
            condition.wait()
        }
        let (batch, completed, done) = (staged, entries, finished)
        staged = NodeTree()
        entries = []
        condition.unlock()
        if done, completed.isEmpty, batch.records.isEmpty { return nil }
        replica.records.append(contentsOf: batch.records)
        replica.children.append(contentsOf: batch.children)
        replica.text.append(contentsOf: batch.text)
        return completed
    }

    /// Asks the follower to stop at its next resource (`isStopped`): the load has ended, and what
    /// the follower has not done yet is better done the usual way, on every core.
    public func stopFollowing() {
        condition.withLock { stopped = true }
    }

    /// Whether the follower was asked to stop.
    public var isStopped: Bool {
        condition.withLock { stopped }
    }

    /// The follower needs nothing more: the loader stops copying for it.
    public func cancel() {
        condition.lock()
        cancelled = true
        staged = NodeTree()
        entries = []
        condition.unlock()
    }

    // MARK: The loader's side

    enum Publication {
        case published
        /// Nobody follows yet: the loader keeps what it has for a later publication.
        case notFollowed
        case cancelled
    }

    /// Copies the tree's nodes, children and text from the given counts on, and hands them over
    /// with the entries completed since the last publication.
    func publish(_ tree: NodeTree, from start: (records: Int, children: Int, text: Int), entries completed: [Entry]) -> Publication {
        condition.lock()
        defer { condition.unlock() }
        if cancelled { return .cancelled }
        guard followed else { return .notFollowed }
        staged.records.append(contentsOf: tree.records[start.records...])
        staged.children.append(contentsOf: tree.children[start.children...])
        staged.text.append(contentsOf: tree.text[start.text...])
        entries += completed
        publicationCount += 1
        condition.signal()
        return .published
    }

    /// How many times the loader handed nodes over. A slow follower may take several publications
    /// in one `next(into:)`, so this, not the number of batches, tells how often the loader copied.
    var publications: Int {
        condition.withLock { publicationCount }
    }

    /// The load has ended (whether or not it made a tree).
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }
}
