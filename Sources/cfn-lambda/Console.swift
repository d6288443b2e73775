import Foundation

/// Where the CLI writes: reports to standard output, summaries and problems to standard error.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
    static var useColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}
