import ArgumentParser

/// How `plan` prints the plan.
enum PlanFormat: String, ArgumentChoice {
    case text
    case json
    case markdown

    static let choices: [Self] = [.text, .json, .markdown]
}
