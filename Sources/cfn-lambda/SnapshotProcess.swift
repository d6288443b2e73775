import CFNCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one process in a process group of its own, so that a timeout stops it and everything it
/// started. (Foundation's `Process` cannot make a group, and on Linux reports the end of a killed
/// process only once its children have closed its output.)
enum SnapshotProcess {
    /// Runs `executable` with `arguments`; stops its group (SIGTERM, then SIGKILL after 2 s) when
    /// it has not ended within `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Int) -> AWSCallResult {
        let started: Started
        switch spawn(executable, arguments, environment: environment) {
        case .success(let value): started = value
        case .failure(let reason): return AWSCallResult(termination: .notStarted(reason: reason.text))
        }
        let stdout = DescriptorReader(started.stdout)
        let stderr = DescriptorReader(started.stderr)
        let waiter = ExitWaiter(started.pid)
        guard let status = waiter.status(within: timeout) else {
            kill(-started.pid, SIGTERM)
            if waiter.status(within: 2) == nil {
                kill(-started.pid, SIGKILL)
                _ = waiter.status(within: 2)
            }
            return AWSCallResult(termination: .timedOut(seconds: timeout))
        }
        let termination = AWSCallResult.Termination.exited(status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F)
        // A child the process left behind may hold the pipes open: wait for them as long as for the call.
        return AWSCallResult(termination: termination, stdout: stdout.bytes(within: timeout), stderr: stderr.bytes(within: timeout))
    }

    struct Started {
        let pid: pid_t
        let stdout: Int32
        let stderr: Int32
    }

    struct SpawnError: Error {
        let text: String
    }

    /// Held while pipes are made and processes started, so that no process started in parallel
    /// inherits another call's pipe before it is marked close-on-exec.
    private static let spawnLock = NSLock()

    /// Starts the process with standard input from /dev/null and its output into two pipes.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]) -> Result<Started, SpawnError> {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        guard let output = closeOnExecPipe() else { return .failure(SpawnError(text: "pipe: \(String(cString: strerror(errno)))")) }
        guard let errors = closeOnExecPipe() else {
            close(output[0])
            close(output[1])
            return .failure(SpawnError(text: "pipe: \(String(cString: strerror(errno)))"))
        }
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        // A new process group led by the child, with default SIGPIPE handling and no blocked signals.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            close(output[0])
            close(errors[0])
            return .failure(SpawnError(text: "\(executable): \(String(cString: strerror(spawned)))"))
        }
        return .success(Started(pid: pid, stdout: output[0], stderr: errors[0]))
    }

    /// A pipe whose ends are closed in every process started; called with `spawnLock` held.
    private static func closeOnExecPipe() -> [Int32]? {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return nil }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return descriptors
    }
}

/// Reads a descriptor to its end on a thread of its own, so that the process never blocks on a
/// full pipe; closes it at the end.
private final class DescriptorReader: @unchecked Sendable {
    private var data: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ descriptor: Int32) {
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    data += buffer[0..<count]
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            done.signal()
        }.start()
    }

    /// Everything read once the pipe is closed; nothing if it is still open after `seconds`.
    func bytes(within seconds: Int) -> [UInt8] {
        guard done.wait(timeout: .now() + .seconds(seconds)) == .success else { return [] }
        return data
    }
}

/// Waits for a process to end on a thread of its own.
private final class ExitWaiter: @unchecked Sendable {
    private var status: Int32 = 0
    private var ended = false
    private let done = DispatchSemaphore(value: 0)

    init(_ pid: pid_t) {
        Thread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            self.status = status
            done.signal()
        }.start()
    }

    /// The raw wait status, or nil when the process has not ended within `seconds`.
    func status(within seconds: Int) -> Int32? {
        if !ended {
            guard done.wait(timeout: .now() + .seconds(seconds)) == .success else { return nil }
            ended = true
        }
        return status
    }
}
