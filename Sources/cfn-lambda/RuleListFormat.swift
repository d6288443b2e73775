import ArgumentParser

/// How `rules` prints the rule list.
enum RuleListFormat: String, ArgumentChoice {
    case markdown
    case json

    static let choices: [Self] = [.markdown, .json]
}
