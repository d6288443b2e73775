import ArgumentParser

/// How `rules` prints the rule list.
enum RuleListFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case json
}
