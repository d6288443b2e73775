import CFNLoader

/// Shared check of the four runtime lifecycle rules: every reachable `Runtime` of every function
/// (through `Ref`, `Fn::If` and `Fn::FindInMap` too), judged on `settings.today`.
struct RuntimeStageCheck {
    let stage: RuntimeLifecycle.Stage
    let descriptor: RuleDescriptor
    let message: (String, RuntimeLifecycle.Dates, String) -> String

    func run(_ context: RuleContext) -> [Finding] {
        guard let today = context.settings.today else { return [] }
        var findings: [Finding] = []
        // Each runtime's stage once: templates name the same few runtimes many times.
        var stages: [String: (stage: RuntimeLifecycle.Stage, dates: RuntimeLifecycle.Dates)?] = [:]
        func stageOf(_ runtime: String) -> (stage: RuntimeLifecycle.Stage, dates: RuntimeLifecycle.Dates)? {
            if let known = stages[runtime] { return known }
            let found = RuntimeLifecycle.shipped.stage(of: runtime, on: today)
            stages[runtime] = .some(found)
            return found
        }
        for function in context.lambda.functions {
            var seen: Set<NodeID> = []
            for (conditions, value) in context.reachable(function.resource, "Runtime") {
                guard let value, let runtime = value.text, let (found, dates) = stageOf(runtime), found == stage else { continue }
                // One finding per place the runtime is written.
                if let node = value.node, !seen.insert(node).inserted { continue }
                let successor = dates.successor.map { "; move to \($0)" } ?? ""
                let when = conditions.isAlways ? "" : " (\(conditions.description))"
                findings.append(context.finding(descriptor, message(runtime, dates, today) + successor + when,
                                                at: value.node, in: function.resource, path: ["Properties", "Runtime"]))
            }
        }
        return findings
    }
}
