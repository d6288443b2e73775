/// What running one `aws` CLI call produced.
public struct AWSCallResult: Hashable, Sendable {
    public enum Termination: Hashable, Sendable {
        /// The process ended with this status (0 is success).
        case exited(Int32)
        /// No answer within this many seconds: the process was stopped.
        case timedOut(seconds: Int)
        /// The process could not be started at all.
        case notStarted(reason: String)
    }

    public var termination: Termination
    public var stdout: [UInt8]
    public var stderr: [UInt8]

    public init(termination: Termination, stdout: [UInt8] = [], stderr: [UInt8] = []) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
    }

    /// A call that printed `json` and exited 0.
    public static func success(_ json: String) -> AWSCallResult {
        AWSCallResult(termination: .exited(0), stdout: Array(json.utf8))
    }

    /// A call that printed `message` on standard error and exited with `status` (the CLI uses 255).
    public static func failure(_ message: String, status: Int32 = 255) -> AWSCallResult {
        AWSCallResult(termination: .exited(status), stderr: Array(message.utf8))
    }
}
