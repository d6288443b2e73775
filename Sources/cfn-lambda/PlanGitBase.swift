import Foundation

/// `--base-ref REV`: BASE is HEAD's file as it is in a git revision, read with
/// `git show REV:<path of HEAD from the repository root>`.
enum PlanGitBase {
    enum Outcome: Equatable {
        /// The file in that revision; `name` is `REV:path`.
        case template(name: String, bytes: [UInt8])
        /// HEAD's path is not in that revision: HEAD is a new file, so BASE is empty.
        case newFile(name: String)
    }

    struct Failure: Error, Equatable {
        let message: String
    }

    static func read(revision: String, head: String) -> Result<Outcome, Failure> {
        let directory = PathText.directory(of: head)
        let file = PathText.lastComponent(of: head)
        let runIn = directory.isEmpty ? "." : directory
        guard let prefix = git(["rev-parse", "--show-prefix"], in: runIn) else {
            return .failure(Failure(message: "git could not be run (is it installed?)"))
        }
        guard prefix.status == 0 else {
            return .failure(Failure(message: "--base-ref: \(head) is not in a git repository"))
        }
        guard let commit = git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: runIn), commit.status == 0 else {
            return .failure(Failure(message: "--base-ref: unknown revision '\(revision)'"))
        }
        let path = String(decoding: prefix.output, as: UTF8.self).trimmingCharacters(in: .newlines) + file
        let object = "\(revision):\(path)"
        guard let type = git(["cat-file", "-t", object], in: runIn), type.status == 0 else {
            return .success(.newFile(name: object))
        }
        guard String(decoding: type.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "blob" else {
            return .failure(Failure(message: "--base-ref: \(object) is not a file"))
        }
        guard let shown = git(["show", object], in: runIn), shown.status == 0 else {
            return .failure(Failure(message: "--base-ref: git show \(object) failed"))
        }
        return .success(.template(name: object, bytes: shown.output))
    }

    /// Runs git in a directory; nil when git cannot be started. Its standard error is discarded:
    /// the exit status says what went wrong.
    static func git(_ arguments: [String], in directory: String) -> (status: Int32, output: [UInt8])? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // env exits 127 when it cannot find git.
        if process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, [UInt8](data))
    }
}
