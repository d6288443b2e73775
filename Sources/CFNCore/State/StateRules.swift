/// The rules about the state file itself (`--state FILE`).
public enum StateRules {
    public static let invalid = RuleDescriptor(
        id: "state.invalid", severity: .error, summary: "A state file that cannot be read",
        explanation: "`--state FILE` is what `cfn-lambda snapshot` writes: a JSON object with `formatVersion` 1, `kind: cfn-lambda-state` and the raw responses of the `aws` calls it made (docs/state-file.md). A file of another kind or a newer format version is not read; a response that does not have the documented shape is left out (`state.incomplete`).")

    public static let incomplete = RuleDescriptor(
        id: "state.incomplete", severity: .warning, summary: "A part of a state file that is left out",
        explanation: "A response in the state file does not have the shape the Lambda and CloudFormation APIs document (a stack resource without `LogicalResourceId`, a function without `Configuration`, a policy that is not JSON): that part is left out, and what it would have told is not known to `plan --state` and `drift`. A snapshot taken against an emulator (`--endpoint-url`) often has such parts; against AWS, take a new snapshot.")

    public static let all: [RuleDescriptor] = [invalid, incomplete]
}
