import CFNLoader
import Foundation

/// Validates templates. Pure: it takes bytes and returns reports; it never reads files or prints.
public struct Validator: Sendable {
    /// How bytes become a resolved template (load, transforms, resolution).
    public var pipeline: TemplatePipeline
    public var settings: ValidationSettings
    /// Rules to drop and severities to change; the template's own `cfn-lambda` Metadata applies as well.
    public var configuration: Configuration
    public var rules: [any TemplateRule]
    /// Whether resource properties are checked against the CloudFormation registry schemas.
    public var checksSchemas: Bool

    public init(limits: LoaderLimits = .default, settings: ValidationSettings = ValidationSettings(),
                configuration: Configuration = .empty, rules: [any TemplateRule] = RuleRegistry.all,
                checksSchemas: Bool = true, transforms: [any TemplateTransform]? = nil) {
        // By default the transforms CloudFormation applies that cfn-lambda knows: SAM's.
        pipeline = TemplatePipeline(limits: limits, transforms: transforms ?? TemplatePipeline.knownTransforms)
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

    /// The template loaded, transformed and resolved: the part of `validate` that comes before the checks.
    public func prepare(file: String, bytes: [UInt8]) -> PreparedTemplate {
        let loaded = pipeline.load(bytes, settings: settings)
        return PreparedTemplate(file: file, loaded: loaded, resolved: loaded.template.map { pipeline.resolve($0, settings: settings) })
    }

    /// The rules and the schema checks of a prepared template, run on every core (a small template's
    /// on this thread), and the report.
    public func check(_ prepared: PreparedTemplate) -> FileReport {
        let jobs = checks(of: prepared)
        let small = (prepared.resolved?.template.resources.count ?? 0) < Self.parallelChecksCount
        return report(prepared, checked: small ? jobs.map { $0() } : ParallelJobs.run(jobs))
    }

    /// From this many resources on, the checks run on every core. Below, starting the threads costs
    /// more processor time than they save: a pre-commit hook or CI step checks one small template at a time.
    static let parallelChecksCount = 8

    /// The rules that are not disabled by the configuration.
    var activeRules: [any TemplateRule] {
        rules.filter { !configuration.isDisabled(type(of: $0).descriptor.id) }
    }

    /// The rules and the schema checks as independent jobs, for a caller that runs them together
    /// with other work (`report` puts their results together). Jobs start in this order as threads
    /// come free, so the order follows what each rule says it reads (`TemplateRule.schedule`): the
    /// whole-template rules first, of which the first that reads the intrinsic calls finds them;
    /// the groups of functions (the function rules and those functions' schema checks); the other
    /// rules that read the calls a third of the way into the groups, when the calls are found; the
    /// ones that read the references another rule collects, two thirds of the way; the other
    /// resources' schema checks last, to fill in behind the longer jobs. (A rule that starts early
    /// is still right: a shared value that is not there yet is computed again.)
    public func checks(of prepared: PreparedTemplate) -> [@Sendable () -> [Finding]] {
        guard let resolved = prepared.resolved else { return [] }
        let context = RuleContext(resolved)
        func job(_ rule: any TemplateRule) -> @Sendable () -> [Finding] { { rule.check(context) } }
        let active = activeRules
        func scheduled(_ schedule: RuleSchedule) -> [any TemplateRule] { active.filter { type(of: $0).schedule == schedule } }
        let readingSites = scheduled(.readsIntrinsicSites)
        let findsSites = readingSites.prefix(1).map(job)
        let whole = scheduled(.wholeTemplate).map(job)
        let readsSites = readingSites.dropFirst().map(job)
        let readsReferences = scheduled(.readsCollectedReferences).map(job)
        let byFunction = scheduled(.eachFunction)
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
        var jobs = findsSites + whole + groups[..<third] + readsSites + groups[third..<twoThirds] + readsReferences + groups[twoThirds...]
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

    /// The registry schema findings of some of the template's resources.
    static func schemaFindings(of resources: some Sequence<Resource>, _ resolved: ResolvedTemplate) -> [Finding] {
        let schemas = SchemaValidator()
        var findings: [Finding] = []
        for resource in resources {
            guard let type = resource.type else { continue }
            let (guardCondition, properties) = resolved.guardAndProperties(of: resource)
            findings += schemas.validate(resourceType: type, properties: properties, resource: resource, when: guardCondition,
                                         oracle: resolved.conditionSet, tree: resolved.template.tree)
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

    /// The report of a prepared template from the results of its `checks`, in their order.
    public func report(_ prepared: PreparedTemplate, checked: [[Finding]]) -> FileReport {
        var findings = prepared.loaded.findings
        for part in checked { findings += part }
        findings = FindingOverlap.removingFindingsUnderUnknownTags(findings)
        findings = FindingOverlap.removingRedundantSchemaFindings(findings)
        // Named after their SAM resource first, so that its Metadata suppressions apply to them.
        findings = Self.namingSources(findings, prepared.loaded)
        findings = Suppressions.apply(findings, template: prepared.loaded.template, configuration: configuration)
        return FileReport(file: prepared.file, source: prepared.loaded.source, findings: findings)
    }
}

extension Validator {
    /// Findings on a resource a transform generated name the resource it came from: the finding's
    /// resource becomes the SAM function (a resource of the processed template), and the message
    /// says which generated resource it is on.
    /// A source value the transform placed twice (a policy template parameter) is reported once.
    /// One value that reaches several resources (a `Globals` property) gives a finding on each: each
    /// says which resource it is on, so that the lines differ.
    static func namingSources(_ findings: [Finding], _ loaded: LoadedTemplate) -> [Finding] {
        guard let template = loaded.template, !template.sources.isEmpty else { return findings }
        var resourcesAt: [FindingSpot: Set<String>] = [:]
        for finding in findings {
            if let resource = finding.resource { resourcesAt[FindingSpot(finding), default: []].insert(resource) }
        }
        var seen = Set<Finding>()
        return findings.compactMap { finding in
            var named = finding
            if let generated = finding.resource, let origin = template.sources[generated]?.origin(of: generated) {
                // A loop (`Fn::ForEach::Name`) is no resource: the finding stays on what it made,
                // whose Metadata suppressions then apply.
                if template.hasResource(named: origin) { named.resource = origin }
                named.message += " (on \(generated), generated from \(origin))"
            } else if let resource = finding.resource, (resourcesAt[FindingSpot(finding)]?.count ?? 0) > 1 {
                named.message += " (on \(resource))"
            }
            return seen.insert(named).inserted ? named : nil
        }
    }
}

/// A template loaded and resolved, ready for the checks: what `Validator.prepare` makes.
public struct PreparedTemplate: Sendable {
    /// The path as the user gave it.
    public let file: String
    public let loaded: LoadedTemplate
    /// The resolved template, nil when the template could not be read.
    public let resolved: ResolvedTemplate?
}
