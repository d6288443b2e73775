import CFNLoader

/// Validates templates. Pure: it takes bytes and returns reports; it never reads files or prints.
public struct Validator: Sendable {
    public var limits: LoaderLimits
    public var settings: ValidationSettings
    /// Rules to drop and severities to change; the template's own `cfn-lambda` Metadata applies as well.
    public var configuration: Configuration
    public var rules: [any TemplateRule]
    /// Whether resource properties are checked against the CloudFormation registry schemas.
    public var checksSchemas: Bool

    public init(limits: LoaderLimits = .default, settings: ValidationSettings = ValidationSettings(),
                configuration: Configuration = .empty, rules: [any TemplateRule] = RuleRegistry.all,
                checksSchemas: Bool = true) {
        self.limits = limits
        self.settings = settings
        self.configuration = configuration
        self.rules = rules
        self.checksSchemas = checksSchemas
    }

    public func validate(file: String, bytes: [UInt8]) -> FileReport {
        validateKeepingContext(file: file, bytes: bytes).report
    }

    /// `validate`, also giving the rule context it built (nil when the template could not be read):
    /// the template, loaded and resolved with `settings`, with what the rules found out kept. A caller
    /// that goes on to plan the same bytes with the same settings can use it as HEAD's context
    /// instead of loading and resolving the template again.
    public func validateKeepingContext(file: String, bytes: [UInt8]) -> (report: FileReport, context: RuleContext?) {
        let loaded = LoadedTemplate(bytes: bytes, limits: limits)
        var findings = loaded.findings
        var context: RuleContext?
        if let template = loaded.template {
            let active = rules.filter { !configuration.isDisabled(type(of: $0).descriptor.id) }
            let built = RuleContext(template: template, settings: settings)
            context = built
            for rule in active {
                findings += rule.check(built)
            }
            if checksSchemas {
                let schemas = SchemaValidator()
                for resource in template.resources {
                    guard let type = resource.type else { continue }
                    findings += schemas.validate(resourceType: type, properties: built.properties[resource.logicalId],
                                                 resource: resource, when: built.guardOf(resource),
                                                 oracle: built.conditionSet, tree: template.tree)
                }
            }
        }
        findings = FindingOverlap.removingFindingsUnderUnknownTags(findings)
        findings = FindingOverlap.removingRedundantSchemaFindings(findings)
        findings = Suppressions.apply(findings, template: loaded.template, configuration: configuration)
        return (FileReport(file: file, source: loaded.source, findings: findings), context)
    }
}
