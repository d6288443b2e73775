import CFNCore
import Dispatch
import Foundation

/// Runs `aws` CLI calls as processes: `width` at once, each stopped after `timeout` seconds, and
/// retried with exponential backoff and jitter while AWS throttles.
struct SnapshotProcessRunner: Sendable {
    let executable: URL
    /// Seconds one attempt may take before its process is stopped.
    let timeout: Int
    /// Seconds before the first retry; each further retry waits twice as long (at most 20 s), jittered.
    let retryDelay: Double
    var maxAttempts = 5
    var width = 8

    func run(_ calls: [AWSCall]) -> [AWSCallResult] {
        ParallelJobs.map(calls, width: width) { call in self.runWithRetries(call) }
    }

    func runWithRetries(_ call: AWSCall) -> AWSCallResult {
        var attempt = 1
        while true {
            let result = runOnce(call.arguments)
            guard attempt < maxAttempts, let error = AWSCallError.of(result), error.isThrottling else { return result }
            let ceiling = min(20, retryDelay * Double(1 << (attempt - 1)))
            Thread.sleep(forTimeInterval: ceiling > 0 ? Double.random(in: ceiling / 2...ceiling) : 0)
            attempt += 1
        }
    }

    /// One attempt: the process's status and output, or a timeout after which it was stopped.
    func runOnce(_ arguments: [String], environment extra: [String: String] = [:]) -> AWSCallResult {
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_PAGER"] = ""  // aws CLI v2 would page into `less`.
        environment.merge(extra) { $1 }
        return SnapshotProcess.run(executable.path, arguments, environment: environment, timeout: timeout)
    }

    /// The `aws` executable on PATH, or nil.
    static func locateAWS(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("aws")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
