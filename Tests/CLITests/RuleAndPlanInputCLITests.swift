import Foundation
import Testing

/// `cfn-lambda rules ID` explains one rule; `plan` reads BASE from standard input or a stream.
@Suite struct RuleAndPlanInputCLITests {
    @Test func oneRuleIsExplained() throws {
        let result = try CLI.run(["rules", "lambda.timeout"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("## `lambda.timeout`\n\n- Severity: error\n- Summary: Timeout outside 1–900 seconds\n\nA function's Timeout is 1 to 900 seconds"))
        let json = try CLI.run(["rules", "-f", "json", "lambda.timeout"])
        let rules = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["rules"] as? [[String: String]]
        #expect(rules?.map { $0["id"] } == ["lambda.timeout"])
    }

    @Test func anUnknownRuleIsAUsageErrorWithASuggestion() throws {
        let result = try CLI.run(["rules", "lambda.timout"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: no such rule 'lambda.timout' (did you mean 'lambda.timeout'?); `cfn-lambda rules` lists them.\n"))
    }

    @Test func planReadsBaseFromStandardInput() throws {
        let scratch = try Scratch(["head.yaml": good.replacingOccurrences(of: "python3.12", with: "python3.13")])
        let result = try CLI.run(["plan", "--stdin-name", "main:head.yaml", "-", "head.yaml"], in: scratch.url, input: good)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Plan: main:head.yaml → head.yaml\n\n  ~ Fn (AWS::Lambda::Function) will be updated in place\n"))
        // Without a name, standard input is <stdin>; BASE may come from process substitution too.
        let unnamed = try CLI.run(["plan", "-", "head.yaml"], in: scratch.url, input: good)
        #expect(unnamed.stdout.hasPrefix("Plan: <stdin> → head.yaml\n"))
    }

    /// A CI step that parses the plan JSON gets the reason, not an empty file, when a template cannot be read.
    @Test func planJSONSaysWhichInputCannotBeRead() throws {
        let scratch = try Scratch(["base.yaml": good])
        let json = try CLI.run(["plan", "-f", "json", "base.yaml", "missing.yaml"], in: scratch.url)
        #expect(json.status == 66)
        #expect(json.stdout.hasSuffix(#""changes":[],"transitions":[],"storage":null,"assets":[],"enis":null,"findings":[],"#
                                      + #""summary":{"create":0,"update":0,"replace":0,"delete":0},"#
                                      + #""unreadable":[{"file":"missing.yaml","message":"no such file or directory"}]}"# + "\n"))
        #expect(json.stderr == "cfn-lambda: missing.yaml: no such file or directory\n")
        let markdown = try CLI.run(["plan", "-f", "markdown", "base.yaml", "missing.yaml"], in: scratch.url)
        #expect(markdown.status == 66)
        #expect(markdown.stdout.hasSuffix("No plan: a template cannot be read or processed (see the findings).\n\nNot read:\n- `missing.yaml`: no such file or directory\n"))
        let text = try CLI.run(["plan", "base.yaml", "missing.yaml"], in: scratch.url)
        #expect(text.status == 66 && text.stdout.isEmpty)
    }

    /// HEAD from standard input, and one-character file names: Foundation's path splitting crashed on them.
    @Test func planReadsHeadFromStandardInputAndOneCharacterNames() throws {
        let head = good.replacingOccurrences(of: "python3.12", with: "python3.13")
        let scratch = try Scratch(["b": good, "a": head])
        let fromStdin = try CLI.run(["plan", "b", "-"], in: scratch.url, input: head)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout.hasPrefix("Plan: b → <stdin>\n\n  ~ Fn (AWS::Lambda::Function) will be updated in place\n"))
        let named = try CLI.run(["plan", "b", "a"], in: scratch.url)
        #expect(named.status == 0)
        #expect(named.stdout.hasPrefix("Plan: b → a\n\n  ~ Fn (AWS::Lambda::Function) will be updated in place\n"))
    }
}

/// A `--parameters` name the template does not declare is a warning with the closest name.
@Suite struct UndeclaredParameterCLITests {
    static let template = "Parameters:\n  Stage: {Type: String, Default: dev}\n" + good

    @Test func aTypoIsNamedWithTheClosestParameter() throws {
        let scratch = try Scratch(["t.yaml": Self.template, "params.json": #"{"Stage": "prod", "Extra": "x"}"#])
        let result = try CLI.run(["validate", "--parameters", "Stag=prod", "t.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr == "cfn-lambda: warning: --parameters Stag: no template declares it (did you mean 'Stage'?)\n1 file: 0 errors, 0 warnings, 0 infos\n")
        let file = try CLI.run(["validate", "--parameters", "params.json", "t.yaml"], in: scratch.url)
        #expect(file.stderr.hasPrefix("cfn-lambda: warning: --parameters Extra: no template declares it\n"))
        let plan = try CLI.run(["plan", "--parameters", "Stage=prod", "--parameters", "Stag=prod", "t.yaml"], in: scratch.url)
        #expect(plan.stderr.contains("cfn-lambda: warning: --parameters Stag: no template declares it (did you mean 'Stage'?)\n"))
        let declared = try CLI.run(["validate", "--parameters", "Stage=prod", "t.yaml"], in: scratch.url)
        #expect(declared.stderr == "1 file: 0 errors, 0 warnings, 0 infos\n")
    }
}
