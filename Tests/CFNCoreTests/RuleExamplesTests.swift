import CFNCore
import CFNLoader
import Testing

/// Runs every rule's own examples: a triggering example must give a finding of that rule at each
/// `↓` and nowhere else; a non-triggering example must give none.
@Suite struct RuleExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let rule: String
        let text: String
        let triggering: Bool
        let settings: ValidationSettings
        let ruleIndex: Int
        var testDescription: String { "\(rule) \(triggering ? "triggering" : "non-triggering"): \(text.prefix(60))" }
    }

    static let examples: [Example] = RuleRegistry.all.enumerated().flatMap { index, rule in
        let type = type(of: rule)
        let examples = type.examples
        return examples.triggering.map { Example(rule: type.descriptor.id, text: $0, triggering: true, settings: examples.settings, ruleIndex: index) }
            + examples.nonTriggering.map { Example(rule: type.descriptor.id, text: $0, triggering: false, settings: examples.settings, ruleIndex: index) }
    }

    /// The text without markers, and the byte offsets the markers stood at.
    static func stripMarkers(_ text: String) -> (String, [UInt32]) {
        var clean = ""
        var offsets: [UInt32] = []
        for character in text {
            if character == RuleExamples.marker {
                offsets.append(UInt32(clean.utf8.count))
            } else {
                clean.append(character)
            }
        }
        return (clean, offsets)
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        let (text, markers) = Self.stripMarkers(example.text)
        let bytes = Array(text.utf8)
        let validator = Validator(settings: example.settings, rules: [RuleRegistry.all[example.ruleIndex]], checksSchemas: false)
        let report = validator.validate(file: "example.yaml", bytes: bytes)
        let source = SourceText(bytes: bytes)
        let found = report.findings.filter { $0.rule == example.rule }.map { "\(source.lineColumn(at: $0.range.start))" }
        let expected = markers.map { "\(source.lineColumn(at: $0))" }
        if example.triggering {
            #expect(!markers.isEmpty, "a triggering example needs a ↓ marker")
            #expect(found == expected, "\(report.findings.map(\.message))")
        } else {
            #expect(found.isEmpty, "\(report.findings.map(\.message))")
        }
    }

    @Test func everyRuleHasExamplesOfBothKinds() {
        for rule in RuleRegistry.all {
            let type = type(of: rule)
            #expect(!type.examples.triggering.isEmpty, "\(type.descriptor.id)")
            #expect(!type.examples.nonTriggering.isEmpty, "\(type.descriptor.id)")
        }
    }
}
