import CFNCore
import CFNLoader
import Testing

/// Parses a configuration file's text and lists its findings as `rule severity line:column message`.
func configurationFindings(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    let source = SourceText(bytes: bytes)
    return Configuration.parse(file: ".cfn-lambda.yaml", bytes: bytes).1
        .sorted(by: Finding.sourceOrder)
        .map { "\($0.rule) \($0.severity) \(source.lineColumn(at: $0.range.start)) \($0.message)" }
}

func configuration(_ text: String) -> Configuration {
    Configuration.parse(file: ".cfn-lambda.yaml", bytes: Array(text.utf8)).0
}

@Suite struct ConfigurationTests {
    @Test func fullFileParses() {
        let text = """
            # shared settings
            rules:
              disable: [yaml.duplicate-key, resource.unknown-attribute]
              severity: {template.unknown-section: warning, yaml.unknown-tag: info, template.empty: error}
            defaults:
              region: eu-west-1
              accountId: "123456789012"
              stackName: orders
              parameters: {Stage: prod, Memory: 512, Empty: ""}
            ignore:
              - template.missing-resources

            """
        #expect(configurationFindings(text).isEmpty)
        #expect(configuration(text) == Configuration(
            disabledRules: ["yaml.duplicate-key", "resource.unknown-attribute", "template.missing-resources"],
            severityOverrides: ["template.unknown-section": .warning, "yaml.unknown-tag": .info, "template.empty": .error],
            defaults: ValidationSettings(parameters: ["Stage": "prod", "Memory": "512", "Empty": ""],
                                         region: "eu-west-1", accountId: "123456789012", stackName: "orders")))
    }

    @Test func emptyAndNullAreEmptyConfigurations() {
        for text in ["", "# nothing yet\n", "~\n", "rules:\ndefaults:\nignore:\n",
                     "rules:\n  disable:\n  # - yaml.duplicate-key\n  severity:\ndefaults:\n  region:\n  parameters:\n"] {
            #expect(configurationFindings(text).isEmpty, "\(text)")
            #expect(configuration(text) == .empty, "\(text)")
        }
    }

    @Test func plainAccountIdIsText() {
        #expect(configuration("defaults: {accountId: 012345678901}\n").defaults.accountId == "012345678901")
    }

    @Test func topLevelMustBeAMappingOfKnownKeys() {
        #expect(configurationFindings("- yaml.syntax\n") == [
            "config.invalid error 1:1 the configuration must be a mapping with rules, defaults, ignore or exclude, not a list",
        ])
        #expect(configurationFindings("strict\n") == [
            "config.invalid error 1:1 the configuration must be a mapping with rules, defaults, ignore or exclude, not a scalar",
        ])
        #expect(configurationFindings("rule:\n  disable: []\nignore: [yaml.syntax]\nDefaults: {}\nextends: base\n") == [
            "config.invalid error 1:1 unknown key 'rule' in the configuration (did you mean 'rules'?); expected rules, defaults, ignore or exclude",
            "config.invalid error 4:1 unknown key 'Defaults' in the configuration (did you mean 'defaults'?); expected rules, defaults, ignore or exclude",
            "config.invalid error 5:1 unknown key 'extends' in the configuration; expected rules, defaults, ignore or exclude",
        ])
        // The valid part still applies.
        #expect(configuration("rule:\n  disable: []\nignore: [yaml.syntax]\n").disabledRules == ["yaml.syntax"])
    }

    @Test func rulesSection() {
        let text = """
            rules:
              disabled: [yaml.syntax]
              disable:
                - yaml.duplicate-keys
                - {id: yaml.syntax}
                -
                - template.empty
              severity:
                template.unknown-section: fatal
                yaml.unknown-tag: Warning
                no.such-rule: info
                yaml.syntax: [error]
                resource.unknown-attribute: info

            """
        #expect(configurationFindings(text) == [
            "config.invalid error 2:3 unknown key 'disabled' in rules (did you mean 'disable'?); expected disable or severity",
            "config.unknown-rule warning 4:7 rules.disable names unknown rule 'yaml.duplicate-keys' (did you mean 'yaml.duplicate-key'?)",
            "config.invalid error 5:7 entries of rules.disable must be rule ids, not a mapping",
            "config.invalid error 6:6 entries of rules.disable must be rule ids, not empty",
            "config.invalid error 9:31 severity of 'template.unknown-section' is 'fatal'; expected error, warning or info",
            "config.invalid error 10:23 severity of 'yaml.unknown-tag' is 'Warning'; expected error, warning or info",
            "config.unknown-rule warning 11:5 rules.severity names unknown rule 'no.such-rule'",
            "config.invalid error 12:18 severity of 'yaml.syntax' is a list; expected error, warning or info",
        ])
        #expect(configuration(text) == Configuration(disabledRules: ["template.empty"],
                                                     severityOverrides: ["resource.unknown-attribute": .info]))
    }

    @Test func shapesOfRulesAndIgnore() {
        #expect(configurationFindings("rules: [yaml.syntax]\nignore: yaml.syntax\n") == [
            "config.invalid error 1:8 rules must be a mapping with disable or severity, not a list",
            "config.invalid error 2:9 ignore must be a list of rule ids, not a scalar",
        ])
        #expect(configurationFindings("rules:\n  disable: {yaml.syntax: true}\n  severity: [yaml.syntax]\n") == [
            "config.invalid error 2:12 rules.disable must be a list of rule ids, not a mapping",
            "config.invalid error 3:13 rules.severity must be a mapping, not a list",
        ])
        #expect(configurationFindings("ignore: [!Ref Rule, yaml.syntax, yaml.sintax]\n") == [
            "config.invalid error 1:10 entries of ignore must be rule ids, not an intrinsic function",
            "config.unknown-rule warning 1:34 ignore names unknown rule 'yaml.sintax' (did you mean 'yaml.syntax'?)",
        ])
    }

    @Test func defaultsSection() {
        let text = """
            defaults:
              region: [eu-west-1]
              acountId: "123456789012"
              accountId: 1234
              stackName: {Ref: Name}
              parameters:
                Stage: prod
                Subnets: [a, b]
                Tags: {a: b}

            """
        #expect(configurationFindings(text) == [
            "config.invalid error 2:11 defaults.region must be a string, not a list",
            "config.invalid error 3:3 unknown key 'acountId' in defaults (did you mean 'accountId'?); expected region, accountId, stackName or parameters",
            "config.invalid error 4:14 defaults.accountId '1234' is not 12 digits",
            "config.invalid error 5:14 defaults.stackName must be a string, not an intrinsic function",
            "config.invalid error 8:14 parameter 'Subnets' must be a string, not a list; write a list as 'a,b'",
            "config.invalid error 9:11 parameter 'Tags' must be a string, not a mapping; write a list as 'a,b'",
        ])
        #expect(configuration(text).defaults == ValidationSettings(parameters: ["Stage": "prod"]))
        #expect(configurationFindings("defaults: eu-west-1\n") == [
            "config.invalid error 1:11 defaults must be a mapping with region, accountId, stackName or parameters, not a scalar",
        ])
        #expect(configurationFindings("defaults:\n  parameters: Stage=prod\n") == [
            "config.invalid error 2:15 defaults.parameters must be a mapping, not a scalar",
        ])
    }

    @Test func findingsCarryPathsInTheFile() {
        let findings = Configuration.parse(file: "c.yaml", bytes: Array("rules:\n  severity: {yaml.syntax: high}\nignore: [x, 1]\n".utf8)).1
        #expect(findings.map(\.pathString) == ["rules/severity/yaml.syntax", "ignore/0", "ignore/1"])
        #expect(findings.allSatisfy { $0.resource == nil && $0.resourceType == nil })
    }

    @Test func yamlProblemsAreLoaderFindings() {
        #expect(configurationFindings("rules:\n  disable: [yaml.syntax\nignore: []\n") == [
            "yaml.syntax error 3:7 syntax error: did not find expected ',' or ']' (while parsing a flow sequence, from line 2)",
        ])
        #expect(configuration("rules:\n  disable: [yaml.syntax\n") == .empty)
        // Both entries of a duplicated key still apply.
        let duplicated = "ignore: [yaml.syntax]\nignore: [template.empty]\n"
        #expect(configurationFindings(duplicated) == ["yaml.duplicate-key error 2:1 duplicate key 'ignore' (first at line 1)"])
        #expect(configuration(duplicated).disabledRules == ["yaml.syntax", "template.empty"])
    }

    @Test func configurationRulesAreInTheCatalog() {
        #expect(RuleCatalog.descriptor("config.invalid") == ConfigurationRules.invalid)
        #expect(RuleCatalog.descriptor("config.unknown-rule")?.severity == .warning)
        #expect(RuleCatalog.descriptor("suppression.invalid") == SuppressionRules.invalid)
        #expect(RuleCatalog.descriptor("suppression.unknown-rule")?.severity == .warning)
        #expect(Set(RuleCatalog.all.map(\.id)).count == RuleCatalog.all.count)
    }

    // MARK: Precedence

    @Test func cliIgnoresAddToTheFile() {
        let file = configuration("rules: {disable: [yaml.syntax], severity: {template.empty: warning}}\n")
        let merged = file.merged(with: ["resource.unknown-attribute", "yaml.syntax"])
        #expect(merged.disabledRules == ["yaml.syntax", "resource.unknown-attribute"])
        #expect(merged.severityOverrides == ["template.empty": .warning])
        #expect(file.disabledRules == ["yaml.syntax"])
        #expect(merged.isDisabled("resource.unknown-attribute"))
        #expect(!merged.isDisabled("template.empty"))
    }

    @Test func cliValuesWinOverFileDefaults() {
        let file = configuration("""
            defaults:
              region: eu-west-1
              accountId: "123456789012"
              stackName: orders
              parameters: {Stage: prod, Memory: "512"}

            """)
        let cli = ValidationSettings(parameters: ["Stage": "dev", "Extra": "x"], region: "us-east-1", today: "2025-01-31")
        #expect(file.settings(overriddenBy: cli) == ValidationSettings(
            parameters: ["Stage": "dev", "Memory": "512", "Extra": "x"],
            region: "us-east-1", accountId: "123456789012", stackName: "orders", today: "2025-01-31"))
        // Nothing on the command line: the file's values; nothing in either: nil, so the template's defaults apply.
        #expect(file.settings(overriddenBy: ValidationSettings()) == file.defaults)
        #expect(Configuration.empty.settings(overriddenBy: ValidationSettings()) == ValidationSettings())
    }

    // MARK: Locating the file

    @Test func locateWalksUpToTheRoot() {
        var asked: [String] = []
        let none = Configuration.locate(startingAt: "/work/project/stacks/") { asked.append($0); return false }
        #expect(none == nil)
        #expect(asked == ["/work/project/stacks/.cfn-lambda.yaml", "/work/project/.cfn-lambda.yaml",
                          "/work/.cfn-lambda.yaml", "/.cfn-lambda.yaml"])

        let files: Set<String> = ["/work/project/.cfn-lambda.yaml", "/.cfn-lambda.yaml"]
        #expect(Configuration.locate(startingAt: "/work/project/stacks", fileExists: files.contains) == "/work/project/.cfn-lambda.yaml")
        #expect(Configuration.locate(startingAt: "/work/project", fileExists: files.contains) == "/work/project/.cfn-lambda.yaml")
        #expect(Configuration.locate(startingAt: "/work", fileExists: files.contains) == "/.cfn-lambda.yaml")
        #expect(Configuration.locate(startingAt: "/", fileExists: files.contains) == "/.cfn-lambda.yaml")
        #expect(Configuration.locate(startingAt: "//work//project/./stacks", fileExists: files.contains) == "/work/project/.cfn-lambda.yaml")
    }

    @Test func locateRelativePaths() {
        var asked: [String] = []
        _ = Configuration.locate(startingAt: "stacks/prod") { asked.append($0); return false }
        #expect(asked == ["stacks/prod/.cfn-lambda.yaml", "stacks/.cfn-lambda.yaml", ".cfn-lambda.yaml"])

        asked = []
        _ = Configuration.locate(startingAt: ".") { asked.append($0); return false }
        #expect(asked == [".cfn-lambda.yaml"])

        // The parent of `..` is not known from the text: the walk stops there.
        asked = []
        _ = Configuration.locate(startingAt: "../stacks") { asked.append($0); return false }
        #expect(asked == ["../stacks/.cfn-lambda.yaml", "../.cfn-lambda.yaml"])

        #expect(Configuration.locate(startingAt: "stacks/prod", fileExists: { $0 == ".cfn-lambda.yaml" }) == ".cfn-lambda.yaml")
    }
}
