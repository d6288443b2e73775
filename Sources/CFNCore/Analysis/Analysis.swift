/// The commands' analyses, from bytes to results: what the CLI calls. Each goes through the same
/// pipeline (`TemplatePipeline`) and applies the configuration the same way (`Suppressions`).
/// Pure: no files are read and nothing is printed.
public enum Analysis {
    /// Each file validated, side by side on every core, in the files' order.
    public static func validate(_ files: [InputFile], settings: AnalysisSettings,
                                progress: (@Sendable (Int) -> Void)? = nil) -> [FileReport] {
        let validator = settings.validator
        return ParallelJobs.map(files, progress: progress) { file in validator.validate(file: file.path, bytes: file.bytes) }
    }

    /// HEAD validated and planned over BASE. HEAD and BASE are loaded and resolved each on its
    /// own core; then HEAD's checks and the plan run side by side. `baseSettings` are BASE's
    /// template values (by default HEAD's).
    public static func plan(head: InputFile, base: PlanBase, settings: AnalysisSettings,
                            baseSettings: ValidationSettings? = nil, options: PlanOptions = PlanOptions()) -> PlanResult {
        let validator = settings.validator
        let pipeline = settings.pipeline
        let baseValues = baseSettings ?? settings.settings
        let prepared = ParallelJobs.map([0, 1]) { index -> Prepared in
            if index == 0 { return .head(validator.prepare(file: head.path, bytes: head.bytes)) }
            guard case .template(let name, let bytes) = base else { return .base(nil, nil) }
            let loaded = pipeline.load(bytes, settings: baseValues)
            // A BASE its transform rejects (a parameter without value, say) cannot be what is deployed:
            // planned as written, every SAM resource would look replaced. Its errors say why.
            let transformErrors = loaded.findings.filter { $0.severity == .error && transformRules.contains($0.rule) }
            guard let template = loaded.template, transformErrors.isEmpty else {
                return .base(nil, FileReport(file: name, source: loaded.source, findings: loaded.template == nil ? loaded.findings : transformErrors))
            }
            return .base(pipeline.resolve(template, settings: baseValues), nil)
        }
        var preparedHead: PreparedTemplate?
        var resolvedBase: ResolvedTemplate?
        var reports: [FileReport] = []
        for item in prepared {
            switch item {
            case .head(let template): preparedHead = template
            case .base(let resolved, let problems):
                resolvedBase = resolved
                if let problems { reports.append(problems) }
            }
        }
        let headTemplate = preparedHead ?? validator.prepare(file: head.path, bytes: head.bytes)
        var plan: Plan?
        let headReport: FileReport
        var baseReadable = reports.isEmpty
        if case .unusable = base { baseReadable = false }
        if baseReadable {
            (headReport, plan) = Planner(options: options).plan(base: resolvedBase, head: headTemplate, validator: validator)
        } else {
            headReport = validator.check(headTemplate)
        }
        if plan == nil { reports.append(headReport) }
        // Both templates' values are freed off the path to the output.
        BackgroundRelease.free((consume prepared, consume preparedHead, consume headTemplate, consume resolvedBase))
        return PlanResult(plan: plan, headSource: headReport.source, reports: reports)
    }

    /// The rules of the transforms: their errors mean a template could not be processed.
    private static let transformRules = Set((SAMRules.all + LanguageExtensionsRules.all).map(\.id))

    /// What is made ready for the plan, concurrently: HEAD loaded and resolved, and BASE resolved
    /// or the findings that say why it cannot be.
    private enum Prepared: Sendable {
        case head(PreparedTemplate)
        case base(ResolvedTemplate?, FileReport?)
    }

    /// How the deployed stack `state` differs from `template` (resolved with `settings`, which
    /// should hold the stack's parameter values), explained in Lambda's terms.
    public static func drift(template: InputFile, state: DeployedState, cloudFormation: [CloudFormationResourceDrift] = [],
                             settings: AnalysisSettings) -> DriftResult {
        let loaded = settings.pipeline.load(template.bytes, settings: settings.settings)
        guard let parsed = loaded.template else {
            return DriftResult(report: nil, templateSource: loaded.source,
                               templateReport: FileReport(file: template.path, source: loaded.source, findings: loaded.findings))
        }
        let resolved = settings.pipeline.resolve(parsed, settings: settings.settings)
        var report = DriftDetector(context: resolved, state: state, cloudFormation: cloudFormation).report()
        report.items = report.items.compactMap { item in
            guard let finding = Suppressions.filter([item.finding], template: parsed, configuration: settings.configuration).first else { return nil }
            var item = item
            item.finding = finding
            return item
        }
        return DriftResult(report: report, templateSource: loaded.source, templateReport: nil)
    }
}
