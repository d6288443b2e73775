import Foundation
import Testing

/// Runs the built `cfn-lambda` binary as a user would and checks output and exit codes.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable sits in the products directory beside the test binary.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                             ?? CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // On macOS the test binary is inside a .xctest bundle.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS" || directory.lastPathComponent == "Contents" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("cfn-lambda")
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = childEnvironment(env)
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let (stdout, stderr) = readBoth(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a child's standard output and error at the same time: read one after the other, a child
/// that fills the second pipe (64 KiB) while the first is read waits forever.
func readBoth(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
    final class Box: @unchecked Sendable { var data = Data() }
    let box = Box()
    let group = DispatchGroup()
    let handle = err.fileHandleForReading
    DispatchQueue.global().async(group: group) { box.data = handle.readDataToEndOfFile() }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    return (stdout, box.data)
}

/// The environment of a cfn-lambda a test starts. Under AddressSanitizer (CI's second run) the
/// child's exit-time leak report is turned off: it would land in the standard error the tests
/// read, and memory the process holds when it exits is the system's to reclaim. Memory errors
/// are still reported.
func childEnvironment(_ environment: [String: String]) -> [String: String] {
    var environment = environment
    if environment["LSAN_OPTIONS"] != nil || environment["ASAN_OPTIONS"] != nil {
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
    }
    return environment
}

/// A temporary directory with files, removed afterwards.
final class Scratch {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cfn-lambda-tests-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

let good = """
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
          Handler: index.handler
          Role: arn:aws:iam::123456789012:role/r
          Code: {ZipFile: x}

    """

@Suite struct CLITests {
    @Test func cleanTemplateExitsZero() throws {
        let scratch = try Scratch(["good.yaml": good])
        let result = try CLI.run(["validate", scratch.path("good.yaml")])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "1 file: 0 errors, 0 warnings, 0 infos\n")
    }

    @Test func errorFindingExitsOneWithCompilerStyleLines() throws {
        let scratch = try Scratch(["bad.yaml": "Resources:\n  Fn: {Type: T, Type: U}\n"])
        let result = try CLI.run(["validate", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "bad.yaml:2:17: error: duplicate key 'Type' (first at line 2) [yaml.duplicate-key]\n")
        #expect(result.stderr == "1 file: 1 error, 0 warnings, 0 infos\n")
    }

    @Test func jsonIsPrintedEvenForASyntaxError() throws {
        let scratch = try Scratch(["broken.yaml": "Resources: [\n"])
        let result = try CLI.run(["validate", "--format", "json", "broken.yaml"], in: scratch.url)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"] ?? "") \($0["line"] ?? ""):\($0["column"] ?? "")" } == ["yaml.syntax 2:1"])
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLI.run(["validate"]).status == 64)
        #expect(try CLI.run(["validate", "--format", "xml", "x.yaml"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }

    @Test func unreadableFileExits66AndOthersAreStillChecked() throws {
        let scratch = try Scratch(["bad.yaml": "Resources:\n  Fn: {Type: T, Type: U}\n"])
        let result = try CLI.run(["validate", "missing.yaml", "bad.yaml"], in: scratch.url)
        #expect(result.status == 66)
        #expect(result.stderr.contains("cfn-lambda: missing.yaml: no such file or directory"))
        #expect(result.stdout.contains("bad.yaml:2:17: error"))
    }

    @Test func directoriesAreSearchedForTemplates() throws {
        let scratch = try Scratch([
            "stacks/a.yaml": good,
            "stacks/nested/b.json": #"{"Resources": {"A": {"Type": "T", "Type": "U"}}}"#,
            "stacks/package.json": #"{"name": "not-a-template", "name": "dup"}"#,
            "stacks/notes.txt": "Resources: [",
        ])
        let result = try CLI.run(["validate", "stacks"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "stacks/nested/b.json:1:35: error: duplicate key 'Type' (first at line 1) [yaml.duplicate-key]\n")
        #expect(result.stderr == "2 files: 1 error, 0 warnings, 0 infos\n")
    }

    @Test func colourOnlyOnATerminal() throws {
        let scratch = try Scratch(["bad.yaml": "Resources:\n  Fn: {Type: T, Type: U}\n"])
        // A pipe is not a terminal: no escape codes, whatever NO_COLOR says.
        let result = try CLI.run(["validate", "bad.yaml"], environment: ["NO_COLOR": ""], in: scratch.url)
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("cfn-lambda 0."))
        let help = try CLI.run(["validate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("cfn-lambda validate --format json stack.yaml"))
        #expect(help.stdout.contains("66"))
    }

    @Test func bundledTemplatesValidateClean() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try CLI.run(["validate", "templates"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "8 files: 0 errors, 0 warnings, 0 infos\n")
    }
}
