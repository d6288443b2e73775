/// Rules for problems in a `.cfn-lambda.yaml` configuration file. Their findings are located in
/// the configuration file, not in a template.
public enum ConfigurationRules {
    public static let invalid = RuleDescriptor(
        id: "config.invalid", severity: .error, summary: "The configuration file has a wrong shape or value",
        explanation: "A .cfn-lambda.yaml file is a mapping with the keys rules (disable: a list of rule ids; severity: a mapping of rule ids to error, warning or info), defaults (region, accountId, stackName and parameters) and ignore (a list of rule ids). Unknown keys, values of the wrong kind and severities other than error, warning and info are reported; the rest of the file still applies.")
    public static let unknownRule = RuleDescriptor(
        id: "config.unknown-rule", severity: .warning, summary: "The configuration names a rule that does not exist",
        explanation: "A rule id in rules.disable, rules.severity or ignore is not one this version of cfn-lambda knows, so the entry has no effect. Rule ids are listed in the README; a misspelt id leaves its findings in place.")

    public static let all: [RuleDescriptor] = [invalid, unknownRule]
}
