/// Rules of `cfn-lambda plan` that predict a failed deployment.
public enum PlanFailureRules {
    public static let replaceKeepsName = RuleDescriptor(
        id: "plan.replace-keeps-name", severity: .error,
        summary: "A function is replaced but keeps its FunctionName, so the update fails",
        explanation: "When a change replaces a resource (a create-only property such as PackageType or TenancyConfig changes), CloudFormation creates the new resource first and deletes the old one in the cleanup phase. A function name is unique in an account and Region, so a replacement with the same literal FunctionName fails while the old function holds the name, and the update rolls back. Change FunctionName in the same update, or remove it so that CloudFormation generates a name. Names that are not known are not judged.")

    public static let nameHeldByDeleted = RuleDescriptor(
        id: "plan.name-held-by-deleted", severity: .error,
        summary: "A new function takes the FunctionName of a function the same plan deletes, so the update fails",
        explanation: "CloudFormation creates new resources before it deletes removed ones (and the old resources of replacements). Renaming a function's logical ID makes it a new resource: the new one is created while the old one still holds its FunctionName, the create fails, and the update rolls back. The same holds for a name freed by replacing a function under another name. Keep the logical ID, or give the new function another name. Names that are not known are not judged.")

    public static let all: [RuleDescriptor] = [replaceKeepsName, nameHeldByDeleted]
}
