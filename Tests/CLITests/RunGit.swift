import Foundation
import Testing

/// Runs git in a directory for a test's repository (a fixed author, no signing, branch `main`),
/// failing the test when it fails.
func runGit(_ arguments: [String], in directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.name=cfn-lambda tests", "-c", "user.email=tests@example.com",
                         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments)")
}
