/// The contents of a `.cfn-lambda.yaml` file: rules to drop, severities to change, and default
/// values for parameters and pseudo parameters.
///
/// ```yaml
/// rules:
///   disable: [yaml.duplicate-key]            # findings of these rules are dropped
///   severity: {template.unknown-section: warning}
/// defaults:
///   region: eu-west-1
///   accountId: "123456789012"
///   stackName: orders
///   parameters: {Stage: prod}
/// ignore: [resource.unknown-attribute]     # the same as rules.disable, like --ignore
/// exclude: [cdk.out, "tests/**"]           # skipped when a folder is searched, like --exclude
/// ```
///
/// Precedence, highest first: the command line (`--ignore`, parameter and pseudo-parameter
/// options), then this file, then the template's own parameter defaults. Use `merged(with:)` for
/// ignores and `settings(overriddenBy:)` for values. A value type: parse it with `parse(file:bytes:)`,
/// find the file with `locate(startingAt:fileExists:)`; the library never touches the file system.
public struct Configuration: Sendable, Hashable {
    /// The name of the file `locate(startingAt:fileExists:)` looks for.
    public static let fileName = ".cfn-lambda.yaml"

    /// Rule ids whose findings are dropped: `rules.disable`, `ignore`, and ignores from the command line.
    public var disabledRules: Set<String>
    /// The severity findings of a rule get instead of the rule's own, by rule id.
    public var severityOverrides: [String: Severity]
    /// Parameter values and pseudo parameters from `defaults`; `today` is never set from the file.
    public var defaults: ValidationSettings
    /// Globs of paths a folder walk skips (`exclude`), added to `--exclude`.
    public var excludes: [String] = []

    public init(disabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:],
                defaults: ValidationSettings = ValidationSettings()) {
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
        self.defaults = defaults
    }

    /// No file: nothing disabled, no override, no default.
    public static let empty = Configuration()

    /// Whether findings of a rule are dropped.
    public func isDisabled(_ rule: String) -> Bool { disabledRules.contains(rule) }

    /// This configuration with the command line's `--ignore` rule ids added to the disabled ones.
    public func merged(with cliIgnores: [String]) -> Configuration {
        var merged = self
        merged.disabledRules.formUnion(cliIgnores)
        return merged
    }

    /// The settings to validate with: each value given on the command line wins over this file's
    /// default; a parameter given in neither is left out, so the template's own `Default` applies.
    /// `today` comes from the command line only.
    public func settings(overriddenBy cli: ValidationSettings) -> ValidationSettings {
        ValidationSettings(
            parameters: defaults.parameters.merging(cli.parameters) { _, fromCLI in fromCLI },
            region: cli.region ?? defaults.region,
            accountId: cli.accountId ?? defaults.accountId,
            stackName: cli.stackName ?? defaults.stackName,
            today: cli.today)
    }

    /// Reads a configuration file's bytes. `file` is the path they came from, for the caller's
    /// report: the findings are byte ranges into `bytes`, with paths of configuration keys
    /// (`["rules", "severity", "yaml.syntax"]`). They are `yaml.*` for syntax, `config.invalid` for
    /// shapes and values, and `config.unknown-rule` for rule ids that do not exist (those entries are
    /// left out). Every valid part still applies. An empty file, or a null key (`ignore:` with its
    /// entries commented out), is empty, not an error.
    ///
    /// The findings are raw: pass them through `Suppressions.apply(_:template:configuration:)` with
    /// `template: nil` and the parsed configuration to honour `disable: [config.unknown-rule]`.
    public static func parse(file: String, bytes: [UInt8]) -> (Configuration, [Finding]) {
        ConfigurationParser.parse(bytes)
    }
}
