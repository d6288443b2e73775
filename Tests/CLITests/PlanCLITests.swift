import Foundation
import Testing

/// `cfn-lambda plan` through the built binary: exit codes, BASE from git, a new stack, formats.
@Suite struct PlanCLITests {
    static let base = """
        Parameters:
          Stage: {Type: String, AllowedValues: [dev, prod], Default: dev}
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub 'orders-${Stage}'
              Runtime: python3.12
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/orders
              MemorySize: 512
              Code: {S3Bucket: orders-code, S3Key: fn.zip}

        """

    static let head = base.replacingOccurrences(of: "MemorySize: 512", with: "MemorySize: 1024")

    static let update = """
          ~ Fn (AWS::Lambda::Function) will be updated in place
              MemorySize: 512 → 1024 (edited)

        """

    func scratch(_ extra: [String: String] = [:]) throws -> Scratch {
        try Scratch(["base.yaml": Self.base, "head.yaml": Self.head].merging(extra) { $1 })
    }

    // MARK: Exit codes

    @Test func changesExitZeroAndTwoWithDetailedExitcode() throws {
        let scratch = try scratch()
        let result = try CLI.run(["plan", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Plan: base.yaml → head.yaml\n\n" + Self.update + "\n0 to create, 1 to update, 0 to replace, 0 to delete; 0 unchanged.\n"))
        #expect(result.stderr == "")
        #expect(try CLI.run(["plan", "--detailed-exitcode", "base.yaml", "head.yaml"], in: scratch.url).status == 2)
        let same = try CLI.run(["plan", "--detailed-exitcode", "base.yaml", "base.yaml"], in: scratch.url)
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("Plan: base.yaml → base.yaml\n\nNo changes.\n\n0 to create, 0 to update, 0 to replace, 0 to delete; 1 unchanged.\n"))
    }

    @Test func anErrorFindingInHeadExitsOneEvenWithDetailedExitcode() throws {
        let scratch = try scratch(["bad.yaml": Self.head.replacingOccurrences(of: "Handler: app.handler", with: "Handler: app.handler\n      Handler: b.handler")])
        let result = try CLI.run(["plan", "--detailed-exitcode", "base.yaml", "bad.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains(Self.update))
        #expect(result.stdout.hasSuffix("\nbad.yaml:10:7: error: duplicate key 'Handler' (first at line 9) [yaml.duplicate-key]\n"))
    }

    @Test func anUnreadableTemplateGivesNoPlanAndExitsOne() throws {
        let scratch = try scratch(["broken.yaml": "Resources: [\n"])
        let result = try CLI.run(["plan", "broken.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == """
            Plan: broken.yaml → head.yaml

            No plan: a template cannot be read or processed (see the findings).

            broken.yaml:2:1: error: syntax error: did not find expected node content (while parsing a flow node, from line 2) [yaml.syntax]

            """)
    }

    @Test func usageErrorsExit64() throws {
        let scratch = try scratch()
        for arguments in [["plan"], ["plan", "a.yaml", "b.yaml", "c.yaml"], ["plan", "--base-ref", "HEAD", "base.yaml", "head.yaml"],
                          ["plan", "--base-ref", "--all", "head.yaml"], ["plan", "--format", "sarif", "head.yaml"],
                          ["plan", "--eni-quota", "0", "head.yaml"], ["plan", "--quota-basis", "gzip", "head.yaml"]] {
            let result = try CLI.run(arguments, in: scratch.url)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stdout == "", "\(arguments)")
        }
    }

    @Test func unreadableInputsExit66() throws {
        let scratch = try scratch()
        let missingHead = try CLI.run(["plan", "base.yaml", "missing.yaml"], in: scratch.url)
        #expect(missingHead.status == 66)
        #expect(missingHead.stdout == "")
        #expect(missingHead.stderr == "cfn-lambda: missing.yaml: no such file or directory\n")
        let missingBase = try CLI.run(["plan", "gone.yaml", "head.yaml"], in: scratch.url)
        #expect(missingBase.status == 66)
        #expect(missingBase.stderr == "cfn-lambda: gone.yaml: no such file or directory\n")
        // An option's file that cannot be read: the plan is still made and printed.
        let sizes = try CLI.run(["plan", "--artifact-sizes", "sizes.json", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(sizes.status == 66)
        #expect(sizes.stderr == "cfn-lambda: sizes.json: no such artifact sizes file, or it cannot be read\n")
        #expect(sizes.stdout.contains(Self.update))
        let settings = try CLI.run(["plan", "--account-settings", ".", "head.yaml"], in: scratch.url)
        #expect(settings.status == 66)
        #expect(settings.stderr == "cfn-lambda: .: no such account settings file, or it cannot be read\n")
        let directory = try CLI.run(["plan", "base.yaml", "."], in: scratch.url)
        #expect(directory.status == 66)
        #expect(directory.stderr == "cfn-lambda: .: is a directory, not a template\n")
    }

    @Test func readableOptionFilesAreAccepted() throws {
        let scratch = try scratch(["sizes.json": #"{"s3://orders-code/fn.zip": 1024}"#,
                                   "account.json": #"{"AccountLimit": {"TotalCodeSize": 322122547200}, "AccountUsage": {"TotalCodeSize": 0}}"#])
        let result = try CLI.run(["plan", "--artifact-sizes", "sizes.json", "--account-settings", "account.json", "--quota-basis", "zipped",
                                  "--eni-quota", "250", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains(Self.update))
    }

    // MARK: BASE and HEAD

    @Test func withoutBaseHeadIsANewStack() throws {
        let scratch = try scratch()
        let result = try CLI.run(["plan", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            Plan: new stack from head.yaml

              + Fn (AWS::Lambda::Function) will be created

            1 to create, 0 to update, 0 to replace, 0 to delete; 0 unchanged.

            """))
    }

    @Test func baseParametersDefaultToTheParameters() throws {
        let scratch = try scratch()
        let same = try CLI.run(["plan", "--parameters", "Stage=prod", "base.yaml", "base.yaml"], in: scratch.url)
        #expect(same.stdout.contains("\nNo changes.\n"))
        let other = try CLI.run(["plan", "--parameters", "Stage=prod", "--base-parameters", "Stage=dev", "base.yaml", "base.yaml"], in: scratch.url)
        #expect(other.status == 0)
        #expect(other.stdout.contains("""
            -/+ Fn (AWS::Lambda::Function) will be replaced
                  FunctionName: "orders-dev" → "orders-prod" (parameter value, forces replacement)

            """))
    }

    // MARK: --base-ref

    /// Runs git in a directory, failing the test when it fails.
    func git(_ arguments: [String], in directory: URL) throws {
        try runGit(arguments, in: directory)
    }

    /// A repository whose only commit has stacks/orders.yaml as BASE; the working tree has HEAD.
    func repository() throws -> Scratch {
        let scratch = try Scratch(["stacks/orders.yaml": Self.base])
        try git(["init", "-q"], in: scratch.url)
        try git(["add", "stacks/orders.yaml"], in: scratch.url)
        try git(["commit", "-q", "-m", "base"], in: scratch.url)
        try Data(Self.head.utf8).write(to: scratch.url.appendingPathComponent("stacks/orders.yaml"))
        try Data(Self.head.utf8).write(to: scratch.url.appendingPathComponent("stacks/new.yaml"))
        return scratch
    }

    @Test func baseRefReadsBaseFromGit() throws {
        let repository = try repository()
        let fromRoot = try CLI.run(["plan", "--base-ref", "HEAD", "stacks/orders.yaml"], in: repository.url)
        #expect(fromRoot.status == 0)
        #expect(fromRoot.stderr == "")
        #expect(fromRoot.stdout.hasPrefix("Plan: HEAD:stacks/orders.yaml → stacks/orders.yaml\n\n" + Self.update))
        // From a subdirectory, the path is still the file's path from the repository root.
        let fromStacks = try CLI.run(["plan", "--base-ref", "main", "orders.yaml"], in: repository.url.appendingPathComponent("stacks"))
        #expect(fromStacks.status == 0)
        #expect(fromStacks.stdout.hasPrefix("Plan: main:stacks/orders.yaml → orders.yaml\n\n" + Self.update))
    }

    @Test func baseRefOfANewFilePlansANewStack() throws {
        let repository = try repository()
        let result = try CLI.run(["plan", "--base-ref", "HEAD", "--detailed-exitcode", "stacks/new.yaml"], in: repository.url)
        #expect(result.status == 2)
        #expect(result.stderr == "cfn-lambda: HEAD:stacks/new.yaml does not exist: stacks/new.yaml is a new file, planned as a new stack\n")
        #expect(result.stdout.hasPrefix("Plan: new stack from stacks/new.yaml\n\n  + Fn (AWS::Lambda::Function) will be created\n"))
    }

    @Test func baseRefErrorsExit66() throws {
        let repository = try repository()
        let unknown = try CLI.run(["plan", "--base-ref", "no-such-branch", "stacks/orders.yaml"], in: repository.url)
        #expect(unknown.status == 66)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr == "cfn-lambda: --base-ref: unknown revision 'no-such-branch'\n")
        let scratch = try scratch()
        let outside = try CLI.run(["plan", "--base-ref", "HEAD", "head.yaml"],
                                  environment: ["GIT_CEILING_DIRECTORIES": scratch.url.deletingLastPathComponent().path], in: scratch.url)
        #expect(outside.status == 66)
        #expect(outside.stdout == "")
        #expect(outside.stderr == "cfn-lambda: --base-ref: head.yaml is not in a git repository\n")
    }

    @Test func helpHasExamplesAndExitCodes() throws {
        let help = try CLI.run(["plan", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: cfn-lambda plan [<options>] [BASE] HEAD"))
        #expect(help.stdout.contains("  cfn-lambda plan --base-ref origin/main stacks/orders.yaml\n"))
        #expect(help.stdout.contains("2 with --detailed-exitcode"))
    }

    // MARK: Formats

    @Test func jsonHasTheContractsKeysAndASummaryOnStandardError() throws {
        let scratch = try scratch()
        let result = try CLI.run(["plan", "--format", "json", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr == "0 to create, 1 to update, 0 to replace, 0 to delete; 0 errors, 0 warnings, 0 infos\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["formatVersion", "tool", "changes", "transitions", "storage", "assets", "enis", "findings", "summary"])
        #expect(object["formatVersion"] as? Int == 2)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["logicalId"] as? String } == ["Fn"])
        #expect(changes.first?["action"] as? String == "update")
        let details = try #require(changes.first?["details"] as? [[String: Any]])
        #expect(details.map { $0["path"] as? String } == ["MemorySize"])
        #expect(details.first?["before"] as? Int == 512)
        #expect(details.first?["after"] as? Int == 1024)
        let storage = try #require(object["storage"] as? [String: Any])
        #expect(Set(storage.keys) == ["quotaBytes", "usageBeforeBytes", "deltaBytes", "usageAfterBytes", "exceedsQuota", "unknownSizes",
                                     "usagePeakBytes", "estimatedSizes", "usageBeforeNote"])
        let enis = try #require(object["enis"] as? [String: Any])
        #expect(Set(enis.keys) == ["create", "reclaim", "unknown"])
        #expect(object["summary"] as? [String: Int] == ["create": 0, "update": 1, "replace": 0, "delete": 0])

        let newStack = try CLI.run(["plan", "--format", "json", "head.yaml"], in: scratch.url)
        let created = try #require(try JSONSerialization.jsonObject(with: Data(newStack.stdout.utf8)) as? [String: Any])
        #expect(created["summary"] as? [String: Int] == ["create": 1, "update": 0, "replace": 0, "delete": 0])
    }

    @Test func markdownIsAPullRequestComment() throws {
        let scratch = try scratch()
        let result = try CLI.run(["plan", "--format", "markdown", "base.yaml", "head.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            ### cfn-lambda plan

            `base.yaml` → `head.yaml`

            **0 to create, 1 to update, 0 to replace, 0 to delete** · 0 unchanged · 0 errors, 0 warnings, 0 infos

            | | resource | type | action | storage | causes |
            |---|---|---|---|---|---|
            | `~` | `Fn` | `AWS::Lambda::Function` | update |  | `MemorySize` |

            """))
    }

    @Test func bundledPlanTemplatesShowTheirChanges() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try CLI.run(["plan", "--region", "eu-west-1", "--format", "json",
                                  "templates/plan/orders-base.yaml", "templates/plan/orders-head.yaml"], in: root)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        let actions = Dictionary(uniqueKeysWithValues: changes.compactMap { change in
            (change["logicalId"] as? String).map { ($0, change["action"] as? String ?? "") }
        })
        #expect(actions == ["CodeBucket": "none", "CodeBucketPolicy": "create", "OrdersApiFunction": "update", "OrdersApiRole": "update",
                            "OrdersWorkerFunction": "update", "OrdersWorkerRole": "none", "SharedDepsLayer": "replace",
                            "SharedDepsLayerPermission": "replace"])
        let api = try #require(changes.first { $0["logicalId"] as? String == "OrdersApiFunction" })
        #expect(api["causes"] as? [String] == ["Code/S3ObjectStorageMode", "Layers", "VpcConfig"])
        // Replacing the shared layer removes its permission on the old version: said, as an info.
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"] ?? "") \($0["severity"] ?? "")" } == ["plan.layer-shared-replaced info"])
    }
}
