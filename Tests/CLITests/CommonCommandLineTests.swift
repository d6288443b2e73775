import ArgumentParser
@testable import cfn_lambda
import Foundation
import Testing

/// The hand-written reader of the common `validate` and `plan` command lines must give exactly
/// the command ArgumentParser gives, and leave everything else to it.
struct CommonCommandLineTests {
    /// Every stored value of a command and of its option groups, as text. Not the groups' titles:
    /// ArgumentParser reads them from the declarations for help, and leaves them empty in the values it parses.
    static func contents(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text.split(separator: "\n").filter { !$0.hasPrefix("    - title: ") }.joined(separator: "\n")
    }

    /// ArgumentParser's command for `arguments`, or nil when it refuses them.
    static func argumentParser(_ arguments: [String]) -> ParsableCommand? {
        try? CfnLambda.parseAsRoot(arguments)
    }

    /// Read by hand, and the same as ArgumentParser's.
    static func expectSame(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let common = CommonCommandLine.parse(arguments) else {
            Issue.record("not read by hand: \(arguments)", sourceLocation: sourceLocation)
            return
        }
        guard let parsed = argumentParser(arguments) else {
            Issue.record("read by hand, refused by ArgumentParser: \(arguments)", sourceLocation: sourceLocation)
            return
        }
        #expect(type(of: common) == type(of: parsed), "\(arguments)", sourceLocation: sourceLocation)
        #expect(contents(common) == contents(parsed), "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ["validate", "fn.yaml"],
        ["validate", "a.yaml", "b.json", "templates/"],
        ["validate", "-"],
        ["validate", "--stdin-name", "stack.yaml", "-"],
        ["validate", "--stdin-name=stack.yaml", "-"],
        ["validate", "--stdin-name=-", "-"],
        ["validate", "-f", "json", "fn.yaml"],
        ["validate", "--format", "sarif", "fn.yaml"],
        ["validate", "--format=github", "fn.yaml"],
        ["validate", "fn.yaml", "--format", "markdown"],
        ["validate", "--format", "json", "--format", "text", "fn.yaml"],
        ["validate", "--fail-on", "warning", "fn.yaml"],
        ["validate", "--fail-on=info", "-q", "fn.yaml"],
        ["validate", "--quiet", "--quiet", "fn.yaml"],
        ["validate", "--color", "never", "fn.yaml"],
        ["validate", "--color=always", "fn.yaml"],
        ["validate", "--parameters", "Stage=prod", "--parameters", "Env=dev", "fn.yaml"],
        ["validate", "--parameters=Stage=prod", "fn.yaml"],
        ["validate", "--parameters", "params.json", "fn.yaml"],
        ["validate", "--region", "eu-west-1", "--account-id", "123456789012", "--stack-name", "s", "fn.yaml"],
        ["validate", "--region", "eu-west-1", "--region", "us-east-1", "fn.yaml"],
        ["validate", "--region", "", "fn.yaml"],
        ["validate", "--today", "2026-01-31", "--config", "c.yaml", "fn.yaml"],
        ["validate", "--ignore", "reference.cycle", "--ignore=lambda.runtime-deprecated", "fn.yaml"],
        ["validate", "--exclude", "cdk.out", "--exclude", "tests/*", "."],
        ["validate", "--only-templates", "a.yaml", "b.json"],
        ["validate", "--", "--help"],
        ["validate", "--", "-f", "json"],
        ["validate", "a.yaml", "--", "-", "--", "b.yaml"],
        ["validate", "fn.yaml", ""],
        ["validate", "help"],
        ["validate", "validate"],
        ["validate", "K=V"],
        ["plan", "head.yaml"],
        ["plan", "base.yaml", "head.yaml"],
        ["plan", "-", "head.yaml"],
        ["plan", "--stdin-name", "main:t.yaml", "-", "t.yaml"],
        ["plan", "-f", "markdown", "--base-ref", "origin/main", "orders.yaml"],
        ["plan", "--format=json", "--detailed-exitcode", "base.yaml", "head.yaml"],
        ["plan", "--state", "s.json", "--artifact-sizes", "sizes.json", "t.yaml"],
        ["plan", "--artifact-sizes=sizes.json", "--account-settings", "a.json", "--quota-basis", "unzipped", "t.yaml"],
        ["plan", "--eni-quota", "250", "--eni-quota=300", "t.yaml"],
        ["plan", "--eni-quota", "+7", "t.yaml"],
        ["plan", "--parameters", "Env=prod", "--base-parameters", "Env=dev", "--base-parameters", "X=1", "t.yaml", "t.yaml"],
        ["plan", "--region", "eu-west-1", "--ignore", "reference.cycle", "-q", "--color", "never", "t.yaml"],
        ["plan", "--", "-", "head.yaml"],
    ])
    func readByHandAsArgumentParserReadsIt(_ arguments: [String]) {
        Self.expectSame(arguments)
    }

    @Test(arguments: [
        // Not validate or plan.
        [], ["--version"], ["--help"], ["help", "validate"], ["rules"], ["expand", "t.yaml"], ["Validate", "t.yaml"],
        ["--generate-completion-script", "bash"], ["---completion", "validate", "--", "positional@0", "0", "0"],
        // Help, version, completion, dump: ArgumentParser's own.
        ["validate", "--help"], ["validate", "-h"], ["validate", "-help"], ["validate", "t.yaml", "--help"],
        ["validate", "--version"], ["validate", "--experimental-dump-help"], ["plan", "--help"],
        ["validate", "--generate-completion-script", "zsh"],
        // Usage errors ArgumentParser reports.
        ["validate"], ["plan"], ["plan", "a.yaml", "b.yaml", "c.yaml"],
        ["validate", "--format", "xml", "t.yaml"], ["validate", "--format=", "t.yaml"], ["validate", "--format"],
        ["validate", "--format", "JSON", "t.yaml"], ["validate", "-f", "-", "t.yaml"],
        ["validate", "--region", "--format", "json", "t.yaml"], ["validate", "--region", "-", "t.yaml"],
        ["validate", "--quiet=true", "t.yaml"], ["validate", "--unknown", "t.yaml"], ["validate", "-x", "t.yaml"],
        ["validate", "--today", "2026-13-01", "t.yaml"], ["validate", "--account-id", "12", "t.yaml"],
        ["validate", "--ignore", "no.such-rule", "t.yaml"], ["validate", "--fail-on", "fatal", "t.yaml"],
        ["validate", "--parameters=", "t.yaml"], ["validate", "--region=", "t.yaml"], ["validate", "---x", "t.yaml"],
        ["validate", "--=x", "t.yaml"], ["validate", "--"],
        ["plan", "--eni-quota", "0", "t.yaml"], ["plan", "--eni-quota", "many", "t.yaml"], ["plan", "--eni-quota", "-1", "t.yaml"],
        ["plan", "--state", "s.json", "a.yaml", "b.yaml"], ["plan", "--base-ref", "main", "a.yaml", "b.yaml"],
        ["plan", "--detailed-exitcode=yes", "t.yaml"], ["plan", "--exclude", "x", "t.yaml"], ["plan", "--only-templates", "t.yaml"],
        // Forms read only by ArgumentParser: combined short flags, a short option's attached value.
        ["validate", "-qf", "json", "t.yaml"], ["validate", "-fjson", "t.yaml"], ["validate", "-f=json", "t.yaml"],
        ["validate", "-1", "t.yaml"],
    ])
    func leftToArgumentParser(_ arguments: [String]) {
        #expect(CommonCommandLine.parse(arguments) == nil)
    }

    /// Each left-to-ArgumentParser usage error is one ArgumentParser reports, not one the reader missed.
    @Test(arguments: [
        ["validate"], ["validate", "--format", "xml", "t.yaml"], ["validate", "--region", "--format", "json", "t.yaml"],
        ["validate", "--quiet=true", "t.yaml"], ["validate", "--today", "2026-13-01", "t.yaml"],
        ["validate", "--ignore", "no.such-rule", "t.yaml"], ["plan", "--eni-quota", "0", "t.yaml"],
        ["plan", "--exclude", "x", "t.yaml"], ["validate", "-f", "-", "t.yaml"], ["validate", "--region=", "t.yaml"],
    ])
    func theErrorsLeftAreArgumentParsersErrors(_ arguments: [String]) {
        #expect(Self.argumentParser(arguments) == nil)
    }

    /// Command lines made from pieces of every kind (half of them templates, so that many are
    /// usable): whenever the reader takes one, ArgumentParser reads the same command from it. Few
    /// enough that the test stays short: a debug build of ArgumentParser takes some 40 ms a parse.
    @Test func generatedCommandLinesAgree() {
        let templates = ["t.yaml", "b.yaml", "-", ""]
        let pieces = [
            "--", "help", "K=V", "-f", "--format", "json", "markdown", "xml", "--format=sarif", "-q", "--quiet", "--color",
            "never", "--fail-on", "warning", "--parameters", "--parameters=A=1", "--region", "--account-id", "123456789012",
            "--stack-name", "--today", "2026-01-31", "--config", "--ignore", "reference.cycle", "--exclude", "--stdin-name",
            "--only-templates", "--detailed-exitcode", "--base-ref", "--state", "--base-parameters", "--artifact-sizes",
            "--account-settings", "--quota-basis", "zipped", "--eni-quota", "3", "-x", "--help", "--region=", "--stdin-name=-",
        ]
        // A fixed linear congruential sequence, so that a failure can be replayed.
        var state: UInt64 = 18
        func next(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % count
        }
        var read = 0
        for round in 0..<240 {
            var arguments = [round.isMultiple(of: 2) ? "validate" : "plan"]
            for _ in 0...next(6) {
                let kind = next(2) == 0 ? templates : pieces
                arguments.append(kind[next(kind.count)])
            }
            guard CommonCommandLine.parse(arguments) != nil else { continue }
            read += 1
            Self.expectSame(arguments)
        }
        // Enough of them are read by hand for the comparison to mean something.
        #expect(read > 60, "\(read) read by hand")
    }

    /// Every option ArgumentParser knows for validate and plan is read by hand, as a flag or as an
    /// option with a value as ArgumentParser declares it: a new option left out would send every
    /// command line that uses it to ArgumentParser, correct but slow.
    @Test(arguments: ["validate", "plan"])
    func everyOptionIsReadByHand(_ command: String) throws {
        let dump = try CLI.run([command, "--experimental-dump-help"])
        let help = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let arguments = try #require((help["command"] as? [String: Any])?["arguments"] as? [[String: Any]])
        var names: [String] = []
        for argument in arguments {
            let kind = try #require(argument["kind"] as? String)
            for name in argument["names"] as? [[String: String]] ?? [] {
                let spelling = (name["kind"] == "short" ? "-" : "--") + (name["name"] ?? "")
                guard !["--help", "-h", "--version"].contains(spelling) else { continue }
                names.append(spelling)
                let option = command == "validate" ? Validate.commonOption(spelling).map(Self.kind)
                    : PlanCommand.commonOption(spelling).map(Self.kind)
                #expect(option == kind, "\(command) \(spelling)")
            }
        }
        #expect(names.count > 10)
    }

    static func kind<Command>(_ option: CommonOption<Command>) -> String {
        switch option {
        case .flag: "flag"
        case .value: "option"
        }
    }

    /// A usage error the reader leaves to ArgumentParser is reported as before, by the binary.
    @Test func theBinaryReportsUsageErrorsAsArgumentParserDoes() throws {
        let result = try CLI.run(["validate", "--format", "xml", "t.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr == """
            Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'sarif', 'github' or 'markdown'.
            Help:  --format <format>  Output format.
            Usage: cfn-lambda validate [<options>] [<paths> ...]
              See 'cfn-lambda validate --help' for more information.

            """)
        #expect(result.stdout.isEmpty)
    }
}
