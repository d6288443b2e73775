import CFNCore
import Foundation

/// `--base-ref REV`: whether the files at a local code path (`CodeUri: src/`, `Code: ./src`) differ
/// between REV and the working tree, as git sees them. Only tracked files count, so untracked and
/// ignored ones (node_modules, build output) never make a change. Git runs at most three times per
/// plan, whatever the number of paths: the repository's root, the files that differ from REV
/// (`git diff --name-only REV`, which compares the working tree, staged or not) and, only when a
/// path has none of those, the files git tracks (`git ls-files`); each path is then found by binary
/// search in the sorted lists.
final class LocalCodeGit: @unchecked Sendable {
    let revision: String
    /// Where git runs: HEAD's folder, where the template's relative paths start.
    let directory: String
    private let lock = NSLock()
    private var root: Result<(toplevel: String, prefix: String), Failure>?
    private var changed: [[UInt8]]?
    private var tracked: [[UInt8]]?

    private struct Failure: Error {
        let reason: String
    }

    init(revision: String, head: String) {
        self.revision = revision
        let folder = PathText.directory(of: head)
        directory = folder.isEmpty ? "." : folder
    }

    var comparison: LocalCodeComparison {
        LocalCodeComparison(revision: revision) { [self] path in state(of: path) }
    }

    func state(of path: String) -> LocalCodeComparison.State {
        lock.lock()
        defer { lock.unlock() }
        let place: (toplevel: String, prefix: String)
        switch root ?? readRoot() {
        case .success(let found): place = found
        case .failure(let failure): return .notCompared(failure.reason)
        }
        guard let relative = Self.repositoryPath(path, toplevel: place.toplevel, prefix: place.prefix) else {
            return .notCompared("\(path) is outside the git repository")
        }
        let key = Array(relative.utf8)
        guard let changed = changed ?? list(["diff", "--name-only", "--no-relative", "--no-renames", "-z", revision, "--"]) else {
            return .notCompared("git diff \(revision) failed")
        }
        self.changed = changed
        if Self.contains(changed, under: key) { return .changed(since: revision) }
        guard let tracked = tracked ?? list(["ls-files", "-z", "--full-name", "--", ":/"]) else {
            return .notCompared("git ls-files failed")
        }
        self.tracked = tracked
        return Self.contains(tracked, under: key) ? .unchanged : .notCompared("no file under \(path) is tracked by git")
    }

    private func readRoot() -> Result<(toplevel: String, prefix: String), Failure> {
        let found: Result<(toplevel: String, prefix: String), Failure>
        if let result = PlanGitBase.git(["rev-parse", "--show-toplevel", "--show-prefix"], in: directory), result.status == 0 {
            let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            found = lines.count >= 2 ? .success((String(lines[0]), String(lines[1]))) : .failure(Failure(reason: "git rev-parse failed"))
        } else {
            found = .failure(Failure(reason: "\(directory) is not in a git repository"))
        }
        root = found
        return found
    }

    /// A git command's NUL-separated paths, sorted by their bytes; nil when it fails.
    private func list(_ arguments: [String]) -> [[UInt8]]? {
        guard let result = PlanGitBase.git(arguments, in: directory), result.status == 0 else { return nil }
        return result.output.split(separator: 0).map(Array.init).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// A path as the template writes it (relative to HEAD's folder, whose path from the repository's
    /// root is `prefix`, or absolute) from the root, without `.` and `..`; "" for the root itself;
    /// nil outside the repository.
    static func repositoryPath(_ path: String, toplevel: String, prefix: String) -> String? {
        var full: Substring
        if path.hasPrefix("/") {
            guard path == toplevel || path.hasPrefix(toplevel.hasSuffix("/") ? toplevel : toplevel + "/") else { return nil }
            full = path.dropFirst(toplevel.count)
        } else {
            full = Substring(prefix + path)
        }
        var parts: [Substring] = []
        while !full.isEmpty {
            let end = full.firstIndex(of: "/") ?? full.endIndex
            let part = full[..<end]
            full = end == full.endIndex ? "" : full[full.index(after: end)...]
            switch part {
            case "", ".": continue
            case "..":
                guard parts.popLast() != nil else { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether the sorted paths hold `key` itself or a path below it (every path for the root, "").
    static func contains(_ sorted: [[UInt8]], under key: [UInt8]) -> Bool {
        guard !key.isEmpty else { return !sorted.isEmpty }
        let folder = key + [UInt8(ascii: "/")]
        if let exact = lowerBound(sorted, key), sorted[exact] == key { return true }
        if let below = lowerBound(sorted, folder), sorted[below].starts(with: folder) { return true }
        return false
    }

    /// The index of the first path not before `key`; nil when there is none.
    private static func lowerBound(_ sorted: [[UInt8]], _ key: [UInt8]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? low : nil
    }
}
