import Foundation
import Testing

/// Every `console` example in the README runs as shown: the command's standard output followed by
/// its standard error must be the lines under it.
@Suite struct ReadmeExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let expected: String
        var testDescription: String { "cfn-lambda " + arguments.joined(separator: " ") }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let examples: [Example] = {
        guard let readme = try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var inConsole = false
        var current: (arguments: [String], lines: [String])?
        func flush() {
            if let example = current {
                examples.append(Example(arguments: example.arguments, expected: example.lines.map { $0 + "\n" }.joined()))
            }
            current = nil
        }
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                flush()
                inConsole = line == "```console"
            } else if inConsole, line.hasPrefix("$ cfn-lambda ") {
                flush()
                current = (line.dropFirst("$ cfn-lambda ".count).split(separator: " ").map(String.init), [])
            } else if inConsole {
                current?.lines.append(line)
            }
        }
        return examples
    }()

    @Test func readmeHasExamples() {
        #expect(Self.examples.count >= 2)
    }

    @Test(arguments: examples)
    func exampleRunsAsShown(_ example: Example) throws {
        let result = try CLI.run(example.arguments, in: Self.root)
        #expect(result.stdout + result.stderr == example.expected)
    }
}
