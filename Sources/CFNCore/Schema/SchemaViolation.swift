import CFNLoader

/// A schema violation before it becomes a `Finding`: the guard under which it happens is kept
/// apart, so that combinators can reason about where their subschemas fail.
struct SchemaViolation: Hashable {
    let rule: RuleDescriptor
    let message: String
    let conditions: Guard
    let node: NodeID?
    let path: [PropertyPathComponent]
}
