/// Rules of `cfn-lambda plan` about code at local paths.
public enum PlanLocalCodeRules {
    public static let notCompared = RuleDescriptor(
        id: "plan.local-code-not-compared", severity: .info,
        summary: "Code at a local path whose files the plan cannot compare between BASE and HEAD",
        explanation: "A CodeUri (before sam package) or a Code or Content string (before aws cloudformation package) that names a local folder or file is the same text in BASE and HEAD when only its files change, yet the packagers upload the new files as a new object (its key is their MD5): CloudFormation updates the function's code, publishes a new layer version, and SAM's AutoPublishAlias publishes a new version and moves the alias. With two template files the plan cannot tell whether the files changed, so it names these resources once. With --base-ref REV it compares the files git tracks under each path with that revision (untracked and ignored files, such as node_modules, do not count), and shows a change when they differ.")

    public static let all: [RuleDescriptor] = [notCompared]
}
