extension Planner {
    /// Plans a prepared HEAD over BASE while `validator` checks HEAD, all on every core: the plan
    /// needs HEAD's resolved values, not the rules' findings, so the two run side by side. The plan's
    /// findings start with HEAD's validate findings, as with `plan(base:head:headFindings:)`; the
    /// validator's configuration applies to the plan's own findings as to HEAD's.
    /// The plan is nil when HEAD could not be read; the report then says why.
    public func plan(base: ResolvedTemplate?, head: PreparedTemplate, validator: Validator) -> (report: FileReport, plan: Plan?) {
        enum Outcome: Sendable {
            case plan(Plan)
            case findings([Finding])
        }
        guard let resolved = head.resolved else {
            return (validator.report(head, checked: []), nil)
        }
        // The plan first: it is the longest job.
        let planner = self
        var jobs: [@Sendable () -> Outcome] = [{ .plan(planner.plan(base: base, head: resolved)) }]
        for check in validator.checks(of: head) {
            jobs.append { .findings(check()) }
        }
        var made: Plan?
        var checked: [[Finding]] = []
        for outcome in ParallelJobs.run(jobs) {
            switch outcome {
            case .plan(let plan): made = plan
            case .findings(let findings): checked.append(findings)
            }
        }
        let report = validator.report(head, checked: checked)
        guard var plan = made else { return (report, nil) }
        plan.findings = report.findings
            + Suppressions.filter(plan.findings, template: head.loaded.template, configuration: validator.configuration)
        return (report, plan)
    }
}
