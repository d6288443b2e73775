import Foundation

/// Where the CLI writes: reports to standard output, summaries and problems to standard error.
enum Console {
    // Set once from the command's options before anything is printed.
    nonisolated(unsafe) static var color = ColorChoice.auto
    nonisolated(unsafe) static var quiet = false

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A progress line on standard error ("checked 120/500 files"), only when it is a terminal and
    /// there are enough files to wait for; overwritten in place and cleared by `endProgress`.
    static func progress(total: Int) -> (@Sendable (Int) -> Void)? {
        guard total >= 20, !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        return { done in
            if done == total || done % 10 == 0 {
                FileHandle.standardError.write(Data("\rchecked \(done)/\(total) files".utf8))
            }
        }
    }

    static func endProgress(total: Int) {
        guard total >= 20, !quiet, isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// A summary line on standard error, unless `--quiet`.
    static func summary(_ line: String) {
        if !quiet { error(line) }
    }

    /// `--color`: by default colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
    static var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
