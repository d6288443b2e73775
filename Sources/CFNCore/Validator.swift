import CFNLoader
import Foundation

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
        return PreparedTemplate(file: file, loaded: loaded, context: loaded.template.map { RuleContext(template: $0, settings: settings) })
    }

    /// The rules and the schema checks of a prepared template, run on every core, and the report.
    public func check(_ prepared: PreparedTemplate) -> FileReport {
        report(prepared, checked: ParallelJobs.run(checks(of: prepared)))
    }

    /// The rules and the schema checks as independent jobs, for a caller that runs them together
    /// with other work (`report` puts their results together). Each template-wide rule is a job;
    /// the function rules and the functions' schema checks are one job per group of functions; the
    /// other resources' schema checks come last, in parts, to fill in behind the longer jobs.
    ///
    /// Jobs start in this order as threads come free, so the order decides what waits for what. The
    /// first rule that reads the intrinsic calls finds them (a walk of every evaluated place) while
    /// the other thread runs the other template-wide rules and then function groups; the other rules
    /// that read the calls come a third of the way into the groups, when the calls are found, instead
    /// of finding them again at once; the one that reads the references the cycle rule collects, two
    /// thirds of the way. (Rules that start early are still right: a shared value that is not there
    /// yet is computed again.)
    public func checks(of prepared: PreparedTemplate) -> [@Sendable () -> [Finding]] {
        guard let context = prepared.context else { return [] }
        func id(_ rule: any TemplateRule) -> String { type(of: rule).descriptor.id }
        func job(_ rule: any TemplateRule) -> @Sendable () -> [Finding] { { rule.check(context) } }
        let active = rules.filter { !configuration.isDisabled(id($0)) }
        let byFunction = active.filter { type(of: $0).judgesEachFunctionAlone }
        let whole = active.filter { !type(of: $0).judgesEachFunctionAlone }
        let sharing = whole.filter { Self.sharesIntrinsicSites.contains(id($0)) }
        let others = whole.filter { !Self.sharesIntrinsicSites.contains(id($0)) }.map(job)
        let findsSites = sharing.prefix(1).map(job)
        let readers = sharing.dropFirst()
        let readsReferences = readers.filter { Self.readsCollectedReferences.contains(id($0)) }.map(job)
        // The cycle rule, the longest of them, first.
        let readsSites = (readers.filter { id($0) == DependencyCycleRule.descriptor.id }
            + readers.filter { id($0) != DependencyCycleRule.descriptor.id && !Self.readsCollectedReferences.contains(id($0)) }).map(job)
        // The function rules, all of them on one group of functions at a time (see `FunctionRule`),
        // and the schema checks of the same functions while their values are still in the cache.
        var groups: [@Sendable () -> [Finding]] = []
        let functions = context.lambda.functions
        let schemas = checksSchemas
        if !byFunction.isEmpty || schemas {
            for group in Self.functionGroups(count: functions.count, repeatsLogicalIds: context.template.repeatsLogicalIds) {
                groups.append {
                    let part = group.count == functions.count ? context : RuleContext(context, functions: functions[group])
                    var findings = byFunction.flatMap { $0.check(part) }
                    if schemas { findings += Self.schemaFindings(of: functions[group].lazy.map(\.resource), context) }
                    return findings
                }
            }
        }
        let (third, twoThirds) = (groups.count / 3, 2 * groups.count / 3)
        var jobs = findsSites + others + groups[..<third] + readsSites + groups[third..<twoThirds] + readsReferences + groups[twoThirds...]
        // The schema checks of the other resources, last, so that they fill in behind the longer jobs.
        if schemas {
            let others = context.template.resources.filter { $0.type != LambdaFunction.type }
            let chunk = max(64, others.count / 8)
            for start in stride(from: 0, to: others.count, by: chunk) {
                let part = others[start..<min(start + chunk, others.count)]
                jobs.append { Self.schemaFindings(of: part, context) }
            }
        }
        return jobs
    }

    /// The registry schema findings of some of the context's resources.
    static func schemaFindings(of resources: some Sequence<Resource>, _ context: RuleContext) -> [Finding] {
        let schemas = SchemaValidator()
        var findings: [Finding] = []
        for resource in resources {
            guard let type = resource.type else { continue }
            let (guardCondition, properties) = context.guardAndProperties(of: resource)
            findings += schemas.validate(resourceType: type, properties: properties, resource: resource, when: guardCondition,
                                         oracle: context.conditionSet, tree: context.template.tree)
        }
        return findings
    }

    /// The groups of functions the function rules run on: small enough that a group's values stay
    /// in the CPU's cache while every rule reads them, at least 16 functions so that a group's own
    /// context costs little next to its checks. Functions that share a logical ID (a template that
    /// writes one twice) are judged together in one group, so that rules that report a problem once
    /// for the ID still do.
    static func functionGroups(count: Int, repeatsLogicalIds: Bool) -> [Range<Int>] {
        guard count > 0 else { return [] }
        guard !repeatsLogicalIds else { return [0..<count] }
        let size = min(functionGroupSize, max(16, (count + 7) / 8))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// The most functions in one group of `functionGroups`.
    static let functionGroupSize = 64

    /// From this many bytes on, `validate` frees a template's values on a background thread.
    public static let backgroundFreeSize = 1 << 18

    /// The rules that read the resource references `reference.cycle` collects (and would collect
    /// them again if they ran at the same time).
    static let readsCollectedReferences: Set<String> = ["reference.conditional-target"]

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
