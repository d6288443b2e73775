import Foundation

/// Where the CLI writes: reports to standard output, summaries and problems to standard error.
enum Console {
    // Set once from the command's options before anything is printed.
    nonisolated(unsafe) static var color = ColorChoice.auto
    nonisolated(unsafe) static var quiet = false

    static func output(_ text: String) {
        write(text, to: .standardOutput)
    }

    static func error(_ line: String) {
        write(line + "\n", to: .standardError)
    }

    /// The text's UTF-8 bytes as they are stored: `Data(text.utf8)` asks the runtime whether the
    /// view is `ContiguousBytes`, a search of every conformance in the binary on each start.
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { handle.write(Data(buffer: $0)) }
    }

    /// A progress line on standard error ("checked 120/500 files"), only when it is a terminal and
    /// there are enough files to wait for; overwritten in place and cleared by `endProgress`.
    static func progress(total: Int) -> (@Sendable (Int) -> Void)? {
        guard total >= 20, !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        return { done in
            if done == total || done % 10 == 0 {
                write("\rchecked \(done)/\(total) files", to: .standardError)
            }
        }
    }

    static func endProgress(total: Int) {
        guard total >= 20, !quiet, isatty(STDERR_FILENO) != 0 else { return }
        write("\r\u{1B}[K", to: .standardError)
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
