import Foundation
import Testing

/// Help examples are copied into terminals: at the 80 columns help is laid out for when standard
/// output is not a terminal, none is wrapped in the middle of a command.
@Suite struct HelpExamplesCLITests {
    @Test(arguments: ["validate", "plan", "snapshot", "drift", "storage", "expand", "rules"])
    func examplesAreWholeLines(_ command: String) throws {
        let help = try CLI.run([command, "--help"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Examples:"), "\(command) has examples")
        var previous = ""
        for line in lines[(start + 1)...] {
            if line.isEmpty { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            let startsACommand = ["cfn-lambda ", "aws ", "git ", "AWS_PROFILE=", "# "].contains { text.hasPrefix($0) }
            #expect(startsACommand || previous.hasSuffix("\\"), "\(command): '\(line)' continues a wrapped example")
            previous = line
        }
    }
}
