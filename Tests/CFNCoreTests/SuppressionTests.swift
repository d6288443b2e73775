import CFNCore
import CFNLoader
import Testing

/// Validates text with a configuration and lists findings as `rule severity line:column [resource] message`.
func suppressed(_ text: String, _ configuration: Configuration = .empty) -> [String] {
    let report = Validator(configuration: configuration, checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8))
    return report.findings.map { finding in
        let resource = finding.resource.map { " [\($0)]" } ?? ""
        return "\(finding.rule) \(finding.severity) \(report.source.lineColumn(at: finding.range.start))\(resource) \(finding.message)"
    }
}

/// Two resources with the same unknown attribute, a duplicate key in one, and an unknown section.
let noisy = """
    Resources:
      A:
        Type: AWS::SNS::Topic
        Propertes: {}
      B:
        Type: AWS::SNS::Topic
        Propertes: {}
        Properties: {TopicName: x, TopicName: y}
    Extra: 1

    """

let noisyFindings = [
    "resource.unknown-attribute error 4:5 [A] 'Propertes' is not a resource attribute",
    "resource.unknown-attribute error 7:5 [B] 'Propertes' is not a resource attribute (a property belongs under Properties)",
    "yaml.duplicate-key error 8:32 [B] duplicate key 'TopicName' (first at line 8)",
    "template.unknown-section error 9:1 unknown top-level section 'Extra'",
]

@Suite struct SuppressionTests {
    @Test func withoutSuppressionsEverythingStays() {
        #expect(suppressed(noisy) == noisyFindings)
        // An empty block suppresses nothing and is no finding.
        #expect(suppressed("Metadata: {cfn-lambda: {ignore: []}, other: 1}\n" + noisy) == noisyFindings.map { shifted($0, by: 1) })
        #expect(suppressed("Metadata:\n  cfn-lambda:\n" + noisy) == noisyFindings.map { shifted($0, by: 2) })
        #expect(suppressed("Metadata:\n  cfn-lambda:\n    ignore:\n" + noisy) == noisyFindings.map { shifted($0, by: 3) })
    }

    @Test func templateMetadataIgnoresRulesInTheWholeFile() {
        let text = "Metadata:\n  cfn-lambda:\n    ignore: [resource.unknown-attribute, template.unknown-section]\n" + noisy
        #expect(suppressed(text) == ["yaml.duplicate-key error 11:32 [B] duplicate key 'TopicName' (first at line 11)"])
        // Loader findings too.
        #expect(suppressed("Metadata: {cfn-lambda: {ignore: [yaml.duplicate-key]}}\n" + noisy)
            == noisyFindings.map { shifted($0, by: 1) }.filter { !$0.hasPrefix("yaml.") })
    }

    @Test func resourceMetadataIgnoresRulesForThatResourceOnly() {
        let text = """
            Resources:
              A:
                Type: AWS::SNS::Topic
                Propertes: {}
                Metadata:
                  cfn-lambda:
                    ignore:
                      - resource.unknown-attribute
                      - template.unknown-section
              B:
                Type: AWS::SNS::Topic
                Propertes: {}
                Properties: {TopicName: x, TopicName: y}
                Metadata: {cfn-lambda: {ignore: [yaml.duplicate-key]}}
            Extra: 1

            """
        // A's ignore of template.unknown-section does not reach the top-level finding, which has no resource.
        #expect(suppressed(text) == [
            "resource.unknown-attribute error 12:5 [B] 'Propertes' is not a resource attribute (a property belongs under Properties)",
            "template.unknown-section error 15:1 unknown top-level section 'Extra'",
        ])
    }

    @Test func unknownRuleIdsInMetadataAreWarnings() {
        let text = """
            Metadata:
              cfn-lambda:
                ignore: [yaml.duplicate-keys, template.unknown-section]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Metadata:
                  cfn-lambda:
                    ignore:
                      - lambda.no-such-rule
                Properties: {Role: 'arn:aws:iam::123456789012:role/orders'}

            """
        #expect(suppressed(text) == [
            "suppression.unknown-rule warning 3:14 cfn-lambda ignore names unknown rule 'yaml.duplicate-keys' (did you mean 'yaml.duplicate-key'?)",
            "suppression.unknown-rule warning 10:13 [Fn] cfn-lambda ignore names unknown rule 'lambda.no-such-rule'",
        ])
        let findings = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8)).findings
        #expect(findings.map(\.pathString) == ["Metadata/cfn-lambda/ignore/0", "Resources/Fn/Metadata/cfn-lambda/ignore/0"])
        #expect(findings.map(\.resourceType) == [nil, "AWS::Lambda::Function"])
    }

    @Test func malformedBlocksAreWarningsAndWellFormedEntriesStillApply() {
        let text = """
            Metadata:
              cfn-lambda: yaml.duplicate-key
            Resources:
              A:
                Type: AWS::SNS::Topic
                Propertes: {}
                Metadata: {cfn-lambda: {ignore: resource.unknown-attribute}}
              B:
                Type: AWS::SNS::Topic
                Propertes: {}
                Metadata:
                  cfn-lambda:
                    ignores: [template.unknown-section]
                    ignore: [{rule: x}, resource.unknown-attribute, !Ref Rule]
              C:
                Type: AWS::SNS::Topic
                Metadata: {cfn-lambda: [resource.unknown-attribute]}

            """
        #expect(suppressed(text) == [
            "suppression.invalid warning 2:15 cfn-lambda metadata must be a mapping with ignore, not a scalar",
            "resource.unknown-attribute error 6:5 [A] 'Propertes' is not a resource attribute",
            "suppression.invalid warning 7:37 [A] cfn-lambda ignore must be a list of rule ids, not a scalar",
            "suppression.invalid warning 13:9 [B] unknown key 'ignores' in cfn-lambda metadata (did you mean 'ignore'?); expected ignore",
            "suppression.invalid warning 14:18 [B] entries of cfn-lambda ignore must be rule ids, not a mapping",
            "suppression.invalid warning 14:57 [B] entries of cfn-lambda ignore must be rule ids, not an intrinsic function",
            "suppression.invalid warning 17:28 [C] cfn-lambda metadata must be a mapping with ignore, not a list",
        ])
        let paths = Validator(checksSchemas: false).validate(file: "t.yaml", bytes: Array(text.utf8)).findings.map(\.pathString)
        #expect(paths == ["Metadata/cfn-lambda", "Resources/A/Propertes", "Resources/A/Metadata/cfn-lambda/ignore",
                          "Resources/B/Metadata/cfn-lambda/ignores", "Resources/B/Metadata/cfn-lambda/ignore/0",
                          "Resources/B/Metadata/cfn-lambda/ignore/2", "Resources/C/Metadata/cfn-lambda"])
    }

    @Test func suppressionFindingsCanBeSuppressed() {
        let text = """
            Metadata: {cfn-lambda: {ignore: [suppression.unknown-rule, lambda.future-rule]}}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Metadata: {cfn-lambda: {ignore: [lambda.other-rule], extra: 1}}
                Properties: {Role: 'arn:aws:iam::123456789012:role/orders'}

            """
        #expect(suppressed(text) == [
            "suppression.invalid warning 5:58 [Fn] unknown key 'extra' in cfn-lambda metadata; expected ignore",
        ])
        #expect(suppressed(text, Configuration(disabledRules: ["suppression.invalid"])).isEmpty)
    }

    // MARK: Configuration and command line

    @Test func configurationDisablesAndCLIIgnoresDrop() {
        let file = Configuration.parse(file: ".cfn-lambda.yaml", bytes: Array("""
            rules: {disable: [resource.unknown-attribute]}
            ignore: [template.unknown-section]

            """.utf8)).0
        #expect(suppressed(noisy, file) == ["yaml.duplicate-key error 8:32 [B] duplicate key 'TopicName' (first at line 8)"])
        #expect(suppressed(noisy, file.merged(with: ["yaml.duplicate-key"])).isEmpty)
        #expect(suppressed(noisy, Configuration.empty.merged(with: ["yaml.duplicate-key", "template.unknown-section"])) == [
            "resource.unknown-attribute error 4:5 [A] 'Propertes' is not a resource attribute",
            "resource.unknown-attribute error 7:5 [B] 'Propertes' is not a resource attribute (a property belongs under Properties)",
        ])
    }

    @Test func severityOverridesChangeRemainingFindings() {
        let configuration = Configuration(disabledRules: ["yaml.duplicate-key"],
                                          severityOverrides: ["resource.unknown-attribute": .info, "template.unknown-section": .warning,
                                                              "yaml.duplicate-key": .info])
        #expect(suppressed(noisy, configuration) == [
            "resource.unknown-attribute info 4:5 [A] 'Propertes' is not a resource attribute",
            "resource.unknown-attribute info 7:5 [B] 'Propertes' is not a resource attribute (a property belongs under Properties)",
            "template.unknown-section warning 9:1 unknown top-level section 'Extra'",
        ])
        // Suppression findings are overridden like any other.
        #expect(suppressed("Metadata: {cfn-lambda: {ignore: [nope]}}\n" + noisy,
                           Configuration(disabledRules: ["resource.unknown-attribute", "yaml.duplicate-key", "template.unknown-section"],
                                         severityOverrides: ["suppression.unknown-rule": .error])) == [
            "suppression.unknown-rule error 1:34 cfn-lambda ignore names unknown rule 'nope'",
        ])
    }

    @Test func syntaxErrorsOnlyByConfiguration() {
        // The metadata is there, but a file that is not YAML has no template to read it from.
        let text = "Metadata: {cfn-lambda: {ignore: [yaml.syntax]}}\nResources:\n  A: {Type: T\n"
        #expect(suppressed(text) == [
            "yaml.syntax error 4:1 syntax error: did not find expected ',' or '}' (while parsing a flow mapping, from line 3)",
        ])
        #expect(suppressed(text, Configuration(disabledRules: ["yaml.syntax"])).isEmpty)
        #expect(suppressed(text, Configuration(severityOverrides: ["yaml.syntax": .warning])) == [
            "yaml.syntax warning 4:1 syntax error: did not find expected ',' or '}' (while parsing a flow mapping, from line 3)",
        ])
    }

    @Test func configurationFindingsThroughTheirOwnConfiguration() {
        let bytes = Array("rules:\n  disable: [config.unknown-rule, lambda.future]\n  severity: {config.invalid: warning}\nignore: yes\n".utf8)
        let (configuration, findings) = Configuration.parse(file: ".cfn-lambda.yaml", bytes: bytes)
        #expect(findings.map(\.rule) == ["config.unknown-rule", "config.invalid"])
        let applied = Suppressions.apply(findings, template: nil, configuration: configuration)
        #expect(applied.map { "\($0.rule) \($0.severity)" } == ["config.invalid warning"])
    }

    @Test func applyKeepsOrderAndAppendsSuppressionFindings() throws {
        let text = "Metadata: {cfn-lambda: {ignore: [nope]}}\nResources: {A: {Type: T}}\n"
        let loaded = LoadedTemplate(bytes: Array(text.utf8))
        let template = try #require(loaded.template)
        let given = [
            Finding(TemplateRules.unknownSection, "second", at: SourceRange(start: 50, end: 51)),
            Finding(TemplateRules.unknownAttribute, "first", at: SourceRange(start: 40, end: 41), resource: "A"),
            Finding(TemplateRules.unknownSection, "third", at: SourceRange(start: 0, end: 1)),
        ]
        let applied = Suppressions.apply(given, template: template, configuration: .empty)
        #expect(applied.map(\.message) == ["second", "first", "third", "cfn-lambda ignore names unknown rule 'nope'"])
    }
}

/// A finding line with its line numbers moved down by `lines` (a template with lines put before it).
func shifted(_ finding: String, by lines: Int) -> String {
    var words = finding.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
    let place = words[2].split(separator: ":")
    if let line = Int(place[0]) { words[2] = "\(line + lines):\(place[1])" }
    // The duplicate key's message names the first key's line as well.
    return words.joined(separator: " ").replacing("(first at line 8)", with: "(first at line \(8 + lines))")
}
