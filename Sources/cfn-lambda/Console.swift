import Foundation

/// Where the CLI writes: reports to standard output, summaries and problems to standard error.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A progress line on standard error ("checked 120/500 files"), only when it is a terminal and
    /// there are enough files to wait for; overwritten in place and cleared by `endProgress`.
    static func progress(total: Int) -> (@Sendable (Int) -> Void)? {
        guard total >= 20, isatty(STDERR_FILENO) != 0 else { return nil }
        return { done in
            if done == total || done % 10 == 0 {
                FileHandle.standardError.write(Data("\rchecked \(done)/\(total) files".utf8))
            }
        }
    }

    static func endProgress(total: Int) {
        guard total >= 20, isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
    static var useColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
