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
        let prepared = prepare(file: file, bytes: bytes)
        let report = check(prepared)
        // A large template's values are freed off the caller's path.
        if bytes.count >= Self.backgroundFreeSize { BackgroundRelease.free(consume prepared) }
        return report
    }

    /// `validate`, also giving the rule context it built (nil when the template could not be read):
    /// the template, loaded and resolved with `settings`, with what the rules found out kept. A caller
    /// that goes on to plan the same bytes with the same settings can use it as HEAD's context
    /// instead of loading and resolving the template again.
    public func validateKeepingContext(file: String, bytes: [UInt8]) -> (report: FileReport, context: RuleContext?) {
        let prepared = prepare(file: file, bytes: bytes)
        return (check(prepared), prepared.context)
    }

    /// The template loaded and resolved: the part of `validate` that comes before the checks.
    public func prepare(file: String, bytes: [UInt8]) -> PreparedTemplate {
        let loaded = LoadedTemplate(bytes: bytes, limits: limits)
        return PreparedTemplate(file: file, loaded: loaded,
                                context: loaded.template.map { RuleContext(template: $0, settings: settings) })
    }

    /// The rules and the schema checks of a prepared template, run on every core, and the report.
    public func check(_ prepared: PreparedTemplate) -> FileReport {
        report(prepared, checked: ParallelJobs.run(checks(of: prepared)))
    }

    /// The rules and the schema checks as independent jobs, for a caller that runs them together
    /// with other work (`report` puts their results together). Each rule is a job; the schema
    /// checks are split into jobs by resource, last, so that they fill in behind the longer rules.
    public func checks(of prepared: PreparedTemplate) -> [@Sendable () -> [Finding]] {
        guard let context = prepared.context else { return [] }
        let active = rules.filter { !configuration.isDisabled(type(of: $0).descriptor.id) }
        let sharing = active.filter { Self.sharesIntrinsicSites.contains(type(of: $0).descriptor.id) }
        let others = active.filter { !Self.sharesIntrinsicSites.contains(type(of: $0).descriptor.id) }
        var jobs: [@Sendable () -> [Finding]] = (Array(sharing.prefix(1)) + others + sharing.dropFirst())
            .map { rule in { rule.check(context) } }
        if checksSchemas {
            let resources = context.template.resources
            let chunk = max(64, resources.count / 8)
            for start in stride(from: 0, to: resources.count, by: chunk) {
                let range = start..<min(start + chunk, resources.count)
                jobs.append {
                    let schemas = SchemaValidator()
                    var findings: [Finding] = []
                    for resource in resources[range] {
                        guard let type = resource.type else { continue }
                        findings += schemas.validate(resourceType: type, properties: context.properties[resource.logicalId],
                                                     resource: resource, when: context.guardOf(resource),
                                                     oracle: context.conditionSet, tree: context.template.tree)
                    }
                    return findings
                }
            }
        }
        return jobs
    }

    /// From this many bytes on, `validate` frees a template's values on a background thread.
    public static let backgroundFreeSize = 1 << 18

    static let sharesIntrinsicSites: Set<String> = ["reference.undefined", "reference.attribute", "reference.cycle",
        "intrinsic.sub-syntax", "intrinsic.arguments", "reference.conditional-target"]

    /// The report of a prepared template from the results of its `checks`, in their order.
    public func report(_ prepared: PreparedTemplate, checked: [[Finding]]) -> FileReport {
        var findings = prepared.loaded.findings
        for part in checked { findings += part }
        findings = FindingOverlap.removingFindingsUnderUnknownTags(findings)
        findings = FindingOverlap.removingRedundantSchemaFindings(findings)
        findings = Suppressions.apply(findings, template: prepared.loaded.template, configuration: configuration)
        return FileReport(file: prepared.file, source: prepared.loaded.source, findings: findings)
    }
}

/// A template loaded and resolved, ready for the checks: what `Validator.prepare` makes.
public struct PreparedTemplate: Sendable {
    /// The path as the user gave it.
    public let file: String
    public let loaded: LoadedTemplate
    /// The rule context, nil when the template could not be read.
    public let context: RuleContext?
}
