import ArgumentParser

/// How `validate` prints its findings.
enum OutputFormat: String, ArgumentChoice {
    case text
    case json
    case sarif
    case github
    case markdown
}
