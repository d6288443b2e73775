/// Rules for the suppressions a template declares in `Metadata: {cfn-lambda: {ignore: [...]}}`,
/// at the top level or on a resource.
public enum SuppressionRules {
    public static let unknownRule = RuleDescriptor(
        id: "suppression.unknown-rule", severity: .warning, summary: "A suppression names a rule that does not exist",
        explanation: "An entry of cfn-lambda's ignore list in Metadata is not a rule id this version of cfn-lambda knows, so it suppresses nothing. A misspelt id leaves its findings in place.")
    public static let invalid = RuleDescriptor(
        id: "suppression.invalid", severity: .warning, summary: "A cfn-lambda Metadata block with a wrong shape",
        explanation: "Metadata's cfn-lambda entry, in the template or in a resource, is a mapping whose only key is ignore, a list of rule ids: `Metadata: {cfn-lambda: {ignore: [yaml.duplicate-key]}}`. Any other shape suppresses nothing, except the well-formed entries of the list.")

    public static let all: [RuleDescriptor] = [unknownRule, invalid]
}
