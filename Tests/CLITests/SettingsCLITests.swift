import Foundation
import Testing

/// --parameters, --ignore, --today, --config and the configuration file, through the binary.
@Suite struct SettingsCLITests {
    let template = """
        Parameters:
          Stage: {Type: String, AllowedValues: [dev, prod], Default: dev}
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub 'orders-${Stage}'
              Role: arn:aws:iam::123456789012:role/orders

        """

    @Test func givenParameterValuesAreChecked() throws {
        let scratch = try Scratch(["t.yaml": template])
        let result = try CLI.run(["validate", "--parameters", "Stage=qa", "t.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "t.yaml:2:3: error: given value 'qa' of parameter Stage is not one of the AllowedValues: dev, prod [parameter.value]\n")
        #expect(try CLI.run(["validate", "--parameters", "Stage=prod", "t.yaml"], in: scratch.url).status == 0)
    }

    @Test func parametersFilesInBothForms() throws {
        let scratch = try Scratch([
            "t.yaml": template,
            "cfn.json": #"[{"ParameterKey": "Stage", "ParameterValue": "qa"}]"#,
            "plain.json": #"{"Stage": "prod"}"#,
            "bad.json": #"[{"ParameterValue": "x"}]"#,
        ])
        #expect(try CLI.run(["validate", "--parameters", "cfn.json", "t.yaml"], in: scratch.url).status == 1)
        #expect(try CLI.run(["validate", "--parameters", "plain.json", "t.yaml"], in: scratch.url).status == 0)
        let bad = try CLI.run(["validate", "--parameters", "bad.json", "t.yaml"], in: scratch.url)
        #expect(bad.status == 1)
        #expect(bad.stdout == "bad.json:1:2: error: entry has no ParameterKey [parameters.invalid]\n")
        let missing = try CLI.run(["validate", "--parameters", "nope.json", "t.yaml"], in: scratch.url)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nope.json: no such parameters file"))
    }

    @Test func ignoreDropsARuleAndRejectsUnknownIds() throws {
        let scratch = try Scratch(["t.yaml": template])
        #expect(try CLI.run(["validate", "--parameters", "Stage=qa", "--ignore", "parameter.value", "t.yaml"], in: scratch.url).status == 0)
        let unknown = try CLI.run(["validate", "--ignore", "no.such-rule", "t.yaml"], in: scratch.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--ignore no.such-rule: no such rule"))
    }

    @Test func todayMustBeADate() throws {
        let scratch = try Scratch(["t.yaml": template])
        #expect(try CLI.run(["validate", "--today", "2026-02-30x", "t.yaml"], in: scratch.url).status == 64)
        #expect(try CLI.run(["validate", "--today", "2026-02-03", "t.yaml"], in: scratch.url).status == 0)
    }

    @Test func configurationFileIsFoundAboveTheWorkingDirectory() throws {
        let scratch = try Scratch([
            ".cfn-lambda.yaml": "rules:\n  severity: {parameter.value: warning}\ndefaults:\n  parameters: {Stage: qa}\n",
            "stacks/t.yaml": template,
        ])
        let result = try CLI.run(["validate", "t.yaml"], in: scratch.url.appendingPathComponent("stacks"))
        #expect(result.status == 0)
        #expect(result.stdout == "t.yaml:2:3: warning: given value 'qa' of parameter Stage is not one of the AllowedValues: dev, prod [parameter.value]\n")
        // The command line wins over the file's defaults; --config names another file.
        let explicit = try CLI.run(["validate", "--config", "../none.yaml", "t.yaml"], in: scratch.url.appendingPathComponent("stacks"))
        #expect(explicit.status == 66)
        let override = try CLI.run(["validate", "--parameters", "Stage=prod", "t.yaml"], in: scratch.url.appendingPathComponent("stacks"))
        #expect(override.stdout == "")
    }

    @Test func configurationProblemsAreReportedInTheConfigFile() throws {
        let scratch = try Scratch([".cfn-lambda.yaml": "rules:\n  disable: [no.such-rule]\n", "t.yaml": template])
        let result = try CLI.run(["validate", "t.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(".cfn-lambda.yaml:2:13: warning: "))
        #expect(result.stdout.hasSuffix("[config.unknown-rule]\n"))
    }
}
