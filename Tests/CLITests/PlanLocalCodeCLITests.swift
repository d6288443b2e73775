@testable import cfn_lambda
import Foundation
import Testing

/// `plan --base-ref` with code at local paths: the files git tracks under a `CodeUri`/`Code` path
/// are compared with the revision, so a code-only change is planned (review item 2).
@Suite struct PlanLocalCodeCLITests {
    static let sam = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: app.h, CodeUri: src/, AutoPublishAlias: live}

        """

    static let cloudFormation = """
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: nodejs22.x, Handler: a.h, Code: ./src, Role: arn:aws:iam::123456789012:role/r}
          V:
            Type: AWS::Lambda::Version
            Properties: {FunctionName: !Ref Fn}

        """

    /// The version SAM names for `sam` (the translator's hash of the placeholder location, as `expand` prints it).
    static let version = "FnVersioncd24aa24d9"

    static func git(_ arguments: [String], in directory: URL) throws {
        try runGit(arguments, in: directory)
    }

    /// A repository with `app/t.yaml` and `app/src/app.py` committed, and `node_modules/` ignored.
    static func repository(_ template: String) throws -> Scratch {
        let scratch = try Scratch(["app/t.yaml": template, "app/src/app.py": "def h(e, c): return 1\n", ".gitignore": "node_modules/\n"])
        try git(["init", "-q"], in: scratch.url)
        try git(["add", "."], in: scratch.url)
        try git(["commit", "-q", "-m", "base"], in: scratch.url)
        return scratch
    }

    static func write(_ text: String, to name: String, in scratch: Scratch) throws {
        let file = scratch.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    static func plan(_ arguments: [String], in scratch: Scratch) throws -> CLI.Result {
        try CLI.run(["plan", "--detailed-exitcode"] + arguments, in: scratch.url)
    }

    @Test func unchangedAndUntrackedFilesAreNoChange() throws {
        let repository = try Self.repository(Self.sam)
        let unchanged = try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository)
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout.contains("No changes.\n"))
        #expect(!unchanged.stdout.contains("plan.local-code-not-compared"))
        // Untracked and ignored files are not what git compares.
        try Self.write("x = 1\n", to: "app/src/scratch.py", in: repository)
        try Self.write("module.exports = 1\n", to: "app/src/node_modules/m/index.js", in: repository)
        let untracked = try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository)
        #expect(untracked.status == 0)
        #expect(untracked.stdout.contains("No changes.\n"))
    }

    @Test func aChangedFileUpdatesTheCodeAndPublishesAVersion() throws {
        let repository = try Self.repository(Self.sam)
        try Self.write("def h(e, c): return 2\n", to: "app/src/app.py", in: repository)
        let result = try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository)
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // The new version stores a copy of the new code: the zip estimated for the folder.
        let zipped = try #require(LocalCodeSize.folder(repository.path("app/src"))?.zippedBytes)
        #expect(Array(lines.prefix(6)) == [
            "Plan: HEAD:app/t.yaml → app/t.yaml",
            "  ~ Fn (AWS::Lambda::Function, from SAM Fn) will be updated in place",
            "      Code/S3Key: \"src/\" → (known after deploy: the S3 key sam package uploads src/ to; its files changed since HEAD) (local files changed)",
            "  ~ FnAliaslive (AWS::Lambda::Alias, from SAM Fn) will be updated in place",
            "      FunctionVersion: (known after deploy: \(Self.version)) → (known after deploy: \(Self.version) is replaced) (references \(Self.version))",
            "-/+ \(Self.version) (AWS::Lambda::Version, from SAM Fn) will be replaced under a new logical ID that packaging decides, "
                + "storage +\(zipped) bytes (estimated); the old one is kept by its DeletionPolicy; its code keeps counting",
        ])
        #expect(lines.contains("0 to create, 2 to update, 1 to replace, 0 to delete; 1 unchanged."))

        let json = try Self.plan(["-f", "json", "--base-ref", "HEAD", "app/t.yaml"], in: repository)
        #expect(json.status == 2)
        let plan = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(plan["changes"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: changes.map { ($0["logicalId"] as? String ?? "", $0) })
        let function = try #require(byId["Fn"])
        #expect(function["action"] as? String == "update")
        #expect(function["logicalIdFromPackaging"] as? Bool == false)
        let detail = try #require((function["details"] as? [[String: Any]])?.first)
        #expect(detail["path"] as? String == "Code/S3Key")
        #expect(detail["reason"] as? String == "localCode")
        #expect(detail["before"] as? String == "src/")
        let after = try #require(detail["after"] as? [String: Any])
        #expect(after["unknown"] as? String == "after deploy")
        #expect(after["reason"] as? String == "the S3 key sam package uploads src/ to; its files changed since HEAD")
        let version = try #require(byId[Self.version])
        #expect(version["action"] as? String == "replace")
        #expect(version["logicalIdFromPackaging"] as? Bool == true)
        #expect(version["retained"] as? Bool == true)
        #expect(byId["FnAliaslive"]?["action"] as? String == "update")
        #expect(byId["FnRole"]?["action"] as? String == "none")
    }

    @Test func aDeletedOrStagedFileIsAChangeToo() throws {
        let repository = try Self.repository(Self.sam)
        try Self.write("x = 1\n", to: "app/src/added.py", in: repository)
        try Self.git(["add", "app/src/added.py"], in: repository.url)
        #expect(try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository).status == 2)
        try Self.git(["rm", "-q", "--cached", "app/src/added.py"], in: repository.url)
        #expect(try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository).status == 0)
        try FileManager.default.removeItem(at: repository.url.appendingPathComponent("app/src/app.py"))
        #expect(try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository).status == 2)
    }

    @Test func aCloudFormationCodePathIsComparedToo() throws {
        let repository = try Self.repository(Self.cloudFormation)
        try Self.write("def h(e, c): return 2\n", to: "app/src/app.py", in: repository)
        // From the template's folder: paths start there.
        let result = try CLI.run(["plan", "--detailed-exitcode", "--base-ref", "HEAD", "t.yaml"], in: repository.url.appendingPathComponent("app"))
        #expect(result.status == 2)
        #expect(result.stdout.contains("""
              ~ Fn (AWS::Lambda::Function) will be updated in place
                  Code: "./src" → (known after deploy: the S3 location aws cloudformation package uploads ./src to; its files changed since HEAD) (local files changed)

            0 to create, 1 to update, 0 to replace, 0 to delete; 1 unchanged.
            """))
        // A version CloudFormation does not publish again.
        #expect(result.stdout.contains("t.yaml:7:32: warning: function Fn's code changes (Code) but version V is unchanged"))
    }

    @Test func twoFilesNameTheCodeTheyCannotCompare() throws {
        let scratch = try Scratch(["base.yaml": Self.sam, "head.yaml": Self.sam, "src/app.py": "def h(e, c): return 1\n"])
        let result = try Self.plan(["base.yaml", "head.yaml"], in: scratch)
        #expect(result.status == 0)
        #expect(result.stdout.contains("No changes.\n"))
        #expect(result.stdout.hasSuffix("""
            head.yaml:5:64: info: the files at the local code path of Fn (src/) are not compared (BASE and HEAD are files, not \
            git revisions), so this plan cannot show a change of them: when they change, sam package or aws cloudformation \
            package uploads a new object, CloudFormation updates the code and SAM's AutoPublishAlias publishes a new version; \
            cfn-lambda plan --base-ref REV compares them with a git revision [plan.local-code-not-compared]

            """))
        // A new stack has nothing to compare.
        #expect(!(try Self.plan(["head.yaml"], in: scratch)).stdout.contains("plan.local-code-not-compared"))
    }

    @Test func aPathGitDoesNotTrackIsNamed() throws {
        let template = Self.sam.replacingOccurrences(of: "CodeUri: src/", with: "CodeUri: node_modules/")
        let repository = try Self.repository(template)
        try Self.write("module.exports = 1\n", to: "app/node_modules/index.js", in: repository)
        let result = try Self.plan(["--base-ref", "HEAD", "app/t.yaml"], in: repository)
        #expect(result.status == 0)
        #expect(result.stdout.contains(
            "info: the files at the local code path of Fn (node_modules/) are not compared (no file under node_modules/ is tracked by git)"))
    }

    @Test func pathsAreFoundFromTheRepositoryRoot() {
        #expect(LocalCodeGit.repositoryPath("src/", toplevel: "/r", prefix: "app/") == "app/src")
        #expect(LocalCodeGit.repositoryPath("./src/../lib//x.py", toplevel: "/r", prefix: "app/") == "app/lib/x.py")
        #expect(LocalCodeGit.repositoryPath("..", toplevel: "/r", prefix: "app/") == "")
        #expect(LocalCodeGit.repositoryPath("../..", toplevel: "/r", prefix: "app/") == nil)
        #expect(LocalCodeGit.repositoryPath("/r/app/src", toplevel: "/r", prefix: "") == "app/src")
        #expect(LocalCodeGit.repositoryPath("/rx/src", toplevel: "/r", prefix: "") == nil)
        let sorted = ["app/src-old/a", "app/src.py", "app/src/a", "b"].map { Array($0.utf8) }
        #expect(LocalCodeGit.contains(sorted, under: Array("app/src".utf8)))
        #expect(LocalCodeGit.contains(sorted, under: Array("app/src.py".utf8)))
        #expect(!LocalCodeGit.contains(sorted, under: Array("app/sr".utf8)))
        #expect(!LocalCodeGit.contains(sorted, under: Array("app/src/b".utf8)))
        #expect(LocalCodeGit.contains(sorted, under: []))
    }
}
