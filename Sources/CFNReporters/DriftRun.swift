import CFNCore
import CFNLoader

/// One `cfn-lambda drift` run: the report, where its items are (the template), and the findings of
/// the other inputs (the state file, a CloudFormation drift file).
public struct DriftRun: Sendable {
    /// Nil when no comparison could be made (the template or the state is not readable).
    public let report: DriftReport?
    /// The template as the user named it, or the state's deployed template.
    public let template: String
    public let templateSource: SourceText
    public let state: String
    /// Findings of the other inputs (and of the template when it cannot be read), by file.
    public let findings: ValidationRun

    public init(report: DriftReport?, template: String, templateSource: SourceText, state: String, otherReports: [FileReport] = []) {
        self.report = report
        self.template = template
        self.templateSource = templateSource
        self.state = state
        findings = ValidationRun(reports: otherReports)
    }

    /// The items' file, for locating them.
    var templateReport: FileReport {
        FileReport(file: template, source: templateSource, findings: report?.items.map(\.finding) ?? [])
    }

    public func count(_ severity: Severity) -> Int { (report?.count(severity) ?? 0) + findings.count(severity) }

    /// An error drift item (a function that cannot run, a layer shared outside CloudFormation) or an
    /// error in the inputs.
    public var hasError: Bool { count(.error) > 0 }

    /// Whether anything differs.
    public var hasDrift: Bool { !(report?.items.isEmpty ?? true) }

    /// `2 of 5 Lambda resources drifted: 1 error, 2 warnings, 0 infos`.
    public var summary: String {
        let counts = "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(plural(count(.info), "info"))"
        guard let report else { return "no comparison; \(counts)" }
        return "\(report.drifted.count) of \(plural(report.checked.count, "Lambda resource")) drifted: \(counts)"
    }
}
