/// Applies what the user asked to leave out or to weigh differently to one file's findings.
///
/// A finding is dropped when its rule is disabled by the configuration (`rules.disable`, `ignore`,
/// `--ignore` merged in), ignored by the template's top-level `Metadata.cfn-lambda.ignore`, or
/// ignored by `Metadata.cfn-lambda.ignore` of the resource the finding is about. Findings that
/// remain get the configuration's severity override for their rule, if any.
///
/// Malformed `cfn-lambda` blocks and unknown rule ids in them are findings too
/// (`suppression.invalid`, `suppression.unknown-rule`), subject to the same suppressions.
public enum Suppressions {
    /// The findings that remain, in their order, followed by the remaining suppression findings.
    /// `template` is nil when the file could not be read as a template: then only the configuration
    /// applies (so `yaml.syntax` can be disabled there, but not in the template).
    public static func apply(_ findings: [Finding], template: Template?, configuration: Configuration) -> [Finding] {
        let metadata = template.map { SuppressionMetadata(template: $0) }
        return filter(findings + (metadata?.findings ?? []), metadata: metadata, configuration: configuration)
    }

    /// `apply` without the suppression findings: for findings made after a template's own report
    /// (a plan's predictions, drift), whose suppression findings that report already holds.
    public static func filter(_ findings: [Finding], template: Template?, configuration: Configuration) -> [Finding] {
        filter(findings, metadata: template.map { SuppressionMetadata(template: $0) }, configuration: configuration)
    }

    private static func filter(_ all: [Finding], metadata: SuppressionMetadata?, configuration: Configuration) -> [Finding] {
        let fileIgnores = metadata?.fileIgnores ?? []
        let resourceIgnores = metadata?.resourceIgnores ?? [:]
        if fileIgnores.isEmpty, resourceIgnores.isEmpty, configuration.disabledRules.isEmpty,
           configuration.severityOverrides.isEmpty {
            return all
        }
        return all.compactMap { finding in
            if configuration.isDisabled(finding.rule) || fileIgnores.contains(finding.rule) { return nil }
            if let resource = finding.resource, resourceIgnores[resource]?.contains(finding.rule) == true { return nil }
            guard let severity = configuration.severityOverrides[finding.rule] else { return finding }
            var changed = finding
            changed.severity = severity
            return changed
        }
    }
}
