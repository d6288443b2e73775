import CFNCore
import CFNLoader

/// `plan --state FILE`: the state file `cfn-lambda snapshot` wrote, read here and parsed by the
/// library. BASE is the stack's deployed template.
struct PlanStateInput {
    let path: String
    /// Nil when the file cannot be read or is not a state file.
    let state: DeployedState?
    /// The problems found in the file.
    let report: FileReport?
    /// Nil when the file cannot be read.
    let base: PlanBase?

    /// Records in `unreadable` when the file cannot be read.
    init(path: String, into unreadable: inout [String]) {
        self.path = path
        guard let bytes = TemplateFiles.read(path) else {
            unreadable.append("\(path): no such state file, or it cannot be read")
            state = nil
            report = nil
            base = nil
            return
        }
        var (parsed, findings) = DeployedState.parse(bytes)
        if let parsed, parsed.template == nil {
            let failure = parsed.errors.first { $0.call == "getTemplate" }.map { ": \($0.message)" } ?? ""
            findings.append(Finding(StateRules.invalid,
                                    "the state has no template of stack \(parsed.stackName) (get-template failed\(failure)); take a new snapshot",
                                    at: SourceRange(start: 0, end: 0)))
        }
        state = parsed
        report = findings.isEmpty ? nil : FileReport(file: path, bytes: bytes, findings: findings)
        if let parsed, let template = parsed.template {
            base = .template(name: "\(path) (stack \(parsed.stackName))", bytes: template)
        } else {
            base = .unusable(name: path)
        }
    }
}
