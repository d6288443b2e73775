import ArgumentParser

/// How `validate` prints its findings.
enum OutputFormat: String, ArgumentChoice {
    case text
    case json
    case sarif
    case github
    case markdown

    static let choices: [Self] = [.text, .json, .sarif, .github, .markdown]
}
