/// The rules about the state file itself (`--state FILE`).
public enum StateRules {
    public static let invalid = RuleDescriptor(
        id: "state.invalid", severity: .error, summary: "A state file that cannot be read",
        explanation: "`--state FILE` is what `cfn-lambda snapshot` writes: a JSON object with `formatVersion` 1, `kind: cfn-lambda-state` and the raw responses of the `aws` calls it made (docs/state-file.md). A file of another kind or a newer format version is not read; a response that does not have the shape the Lambda and CloudFormation APIs document is left out, and what it would have told is unknown.")

    public static let all: [RuleDescriptor] = [invalid]
}
