import ArgumentParser

/// How `plan` prints the plan.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case markdown
}
