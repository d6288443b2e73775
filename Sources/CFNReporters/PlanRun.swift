import CFNCore
import CFNLoader

/// Everything one `plan` run hands to the plan renderers: the plan, which templates it compares,
/// and the findings located in their files.
public struct PlanRun: Sendable {
    /// Nil when no plan could be made (BASE or HEAD is not a readable template, or BASE fails its transform); the findings say why.
    public let plan: Plan?
    /// HEAD as the user named it.
    public let head: String
    /// HEAD's text, where the changes' ranges are.
    public let headSource: SourceText
    /// BASE as the user named it (a path, or `REV:path` from git); nil for a new stack.
    public let base: String?
    /// The plan's findings located in HEAD, with the findings of other inputs (BASE, a parameters
    /// or configuration file), sorted by file and position.
    public let findings: ValidationRun
    /// Hyperplane ENIs allowed per VPC, shown beside new network interfaces.
    public let eniQuota: Int

    /// `plan.findings` are located in `headSource`; `otherReports` are findings in other files.
    /// `unreadable`: the inputs that could not be read (a template among them means no plan).
    public init(plan: Plan?, head: String, headSource: SourceText, base: String?, otherReports: [FileReport] = [],
                eniQuota: Int = 500, unreadable: [UnreadableInput] = []) {
        self.plan = plan
        self.head = head
        self.headSource = headSource
        self.base = base
        self.eniQuota = eniQuota
        let headReport = FileReport(file: head, source: headSource, findings: plan?.findings ?? [])
        findings = ValidationRun(reports: [headReport] + otherReports, unreadable: unreadable)
    }

    /// Changes other than `none`, in logical-ID order.
    var changed: [ResourceChange] { plan?.changes.filter { $0.action != .none } ?? [] }

    /// Whether any finding is an error: the plan predicts a failure or a template is invalid.
    public var hasError: Bool { findings.hasFinding(atLeast: .error) }

    /// Whether any resource is created, updated, replaced or deleted.
    public var hasChanges: Bool { !changed.isEmpty }
}
