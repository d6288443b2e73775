import CFNLoader

extension NodeTree {
    /// A plain scalar that YAML reads as null: nothing, `~` or `null`. Configuration and suppression
    /// lists and mappings that are null count as empty, so a list whose entries are all commented
    /// out is not an error.
    func isNull(_ node: NodeID) -> Bool {
        guard style(node) == .plain, !isExplicitString(node) else { return false }
        return scalar(node, equals: "") || scalar(node, equals: "~") || scalar(node, equals: "null")
            || scalar(node, equals: "Null") || scalar(node, equals: "NULL")
    }

    /// The text of a scalar that is not null, such as a rule id.
    func nonNullString(_ node: NodeID) -> String? {
        isNull(node) ? nil : string(node)
    }

    /// "a list", "a mapping", "an intrinsic function", "a scalar" or "empty", for messages.
    func describe(_ node: NodeID) -> String {
        isNull(node) ? "empty" : TemplateParser.describe(kind(node))
    }
}
