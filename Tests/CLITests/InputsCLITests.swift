import Foundation
import Testing

/// Inputs as people pass them: standard input, process substitution and FIFOs, folders with
/// dependencies and generated output, nothing to check, and inputs that cannot be read, in every format.
@Suite struct InputsCLITests {
    static let bad = """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: {ZipFile: x}, Timeout: 0}

        """
    static let timeout = "lambda.timeout"

    @Test func standardInputIsReadUnderItsGivenName() throws {
        let result = try CLI.run(["validate", "--stdin-name", "stacks/api.yaml", "-"], input: Self.bad)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("stacks/api.yaml:4:132: error: "))
        #expect(result.stdout.hasSuffix("[\(Self.timeout)]\n"))
        let unnamed = try CLI.run(["validate", "-"], input: Self.bad)
        #expect(unnamed.stdout.hasPrefix("<stdin>:4:132: error: "))
    }

    @Test func aFIFOIsReadAsAStream() throws {
        let scratch = try Scratch(["other.yaml": good])
        let fifo = scratch.path("stack.yaml")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(Self.bad.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let result = try CLI.run(["validate", fifo])
        #expect(result.status == 1)
        #expect(result.stdout.contains("stack.yaml:4:132: error: ") && result.stdout.contains(Self.timeout))
    }

    @Test func aFolderSearchSkipsDependenciesHiddenFoldersAndExcludes() throws {
        let scratch = try Scratch([
            "stack.yaml": good,
            "node_modules/lib/template.yaml": Self.bad,
            ".aws-sam/build/template.yaml": Self.bad,
            "cdk.out/Stack.template.json": Self.bad,
            "tests/fixtures/broken.yaml": Self.bad,
        ])
        let walked = try CLI.run(["validate", "."], in: scratch.url)
        #expect(walked.status == 1)
        #expect(walked.stdout.split(separator: "\n").map { $0.split(separator: ":").first ?? "" }.sorted()
                == ["./cdk.out/Stack.template.json", "./tests/fixtures/broken.yaml"])
        let excluded = try CLI.run(["validate", "--exclude", "cdk.out", "--exclude", "tests/*", "."], in: scratch.url)
        #expect(excluded.status == 0)
        #expect(excluded.stderr == "1 file: 0 errors, 0 warnings, 0 infos\n")
    }

    @Test func theConfigurationExcludesToo() throws {
        let scratch = try Scratch([
            ".cfn-lambda.yaml": "exclude: [cdk.out, '*.test.yaml']\n",
            "stack.yaml": good,
            "cdk.out/Stack.template.json": Self.bad,
            "api.test.yaml": Self.bad,
        ])
        let result = try CLI.run(["validate", "."], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr == "1 file: 0 errors, 0 warnings, 0 infos\n")
        // A named file is checked even when a glob matches it: excludes shape folder searches.
        let named = try CLI.run(["validate", "api.test.yaml"], in: scratch.url)
        #expect(named.status == 1)
    }

    /// A pre-commit hook passes every changed YAML file: with --only-templates the ones that are
    /// not templates are skipped, and a commit with none passes.
    @Test func onlyTemplatesSkipsOtherNamedFiles() throws {
        let scratch = try Scratch(["stack.yaml": Self.bad, "workflow.yml": "on: push\njobs: {}\n"])
        let both = try CLI.run(["validate", "--only-templates", "stack.yaml", "workflow.yml"], in: scratch.url)
        #expect(both.status == 1)
        #expect(both.stderr.hasSuffix("1 file: 1 error, 0 warnings, 0 infos\n"))
        let none = try CLI.run(["validate", "--only-templates", "workflow.yml"], in: scratch.url)
        #expect(none.status == 0)
        #expect(none.stdout == "")
        #expect(try CLI.run(["validate", "workflow.yml"], in: scratch.url).status == 1)
    }

    @Test func nothingToCheckExits66() throws {
        let scratch = try Scratch(["package.json": #"{"name": "x"}"#, "docs/readme.md": "# x"])
        let result = try CLI.run(["validate", scratch.url.path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("cfn-lambda: no template found in \(scratch.url.path): a folder is searched for"))
        let missing = try CLI.run(["validate", "missing.yaml"], in: scratch.url)
        #expect(missing.status == 66)
        #expect(missing.stderr.hasSuffix("cfn-lambda: missing.yaml: no such file or directory\n0 files: 0 errors, 0 warnings, 0 infos\ncfn-lambda: no input could be read\n"))
    }

    @Test func unreadableInputsAreInEveryFormat() throws {
        let scratch = try Scratch(["good.yaml": good])
        func run(_ format: String) throws -> String {
            let result = try CLI.run(["validate", "-f", format, "good.yaml", "missing.yaml"], in: scratch.url)
            #expect(result.status == 66, "\(format)")
            return result.stdout
        }
        let json = try JSONSerialization.jsonObject(with: Data(try run("json").utf8)) as? [String: Any]
        #expect(json?["unreadable"] as? [[String: String]] == [["file": "missing.yaml", "message": "no such file or directory"]])
        let sarif = try JSONSerialization.jsonObject(with: Data(try run("sarif").utf8)) as? [String: Any]
        let invocation = ((sarif?["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first
        #expect(invocation?["executionSuccessful"] as? Bool == false)
        let notification = (invocation?["toolExecutionNotifications"] as? [[String: Any]])?.first
        #expect((notification?["message"] as? [String: String])?["text"] == "missing.yaml: no such file or directory")
        #expect(notification?["level"] as? String == "error")
        #expect(try run("github") == "::error file=missing.yaml,title=input.unreadable::missing.yaml: no such file or directory\n")
        #expect(try run("markdown") == """
            ### cfn-lambda validate

            **1 file: 0 errors, 0 warnings, 0 infos**

            #### Not read

            - `missing.yaml`: no such file or directory

            """)
        #expect(try run("text") == "")
    }

    @Test func markdownListsFindingsForAReviewComment() throws {
        let scratch = try Scratch(["bad.yaml": Self.bad])
        let result = try CLI.run(["validate", "-f", "markdown", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(7) == ["### cfn-lambda validate", "", "**1 file: 1 error, 0 warnings, 0 infos**", "",
                                    "#### Findings", "", "| | location | message | rule |"])
        #expect(lines.contains { $0.hasPrefix("| error | `bad.yaml:4:132` | ") && $0.hasSuffix(" | `lambda.timeout` |") })
    }

    @Test func quietPrintsFindingsOnly() throws {
        let scratch = try Scratch(["bad.yaml": Self.bad])
        let result = try CLI.run(["validate", "--quiet", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("bad.yaml:4:132: error: "))
    }

    @Test func colorIsChosenOrLeftToTheTerminal() throws {
        let scratch = try Scratch(["bad.yaml": Self.bad])
        let always = try CLI.run(["validate", "--color", "always", "bad.yaml"], environment: ["NO_COLOR": ""], in: scratch.url)
        #expect(always.stdout.contains("\u{1B}["))
        // Not a terminal: no colour unless asked; never when asked for never.
        #expect(!(try CLI.run(["validate", "bad.yaml"], in: scratch.url)).stdout.contains("\u{1B}["))
        #expect(!(try CLI.run(["validate", "--color", "never", "bad.yaml"], in: scratch.url)).stdout.contains("\u{1B}["))
    }
}
