import CFNLoader

/// The suppressions a template declares: `Metadata: {cfn-lambda: {ignore: [rule-id, ...]}}` at the
/// top level (for the whole file) and in resources (for that resource's findings), with the
/// findings about malformed blocks and unknown rule ids.
struct SuppressionMetadata {
    static let key = "cfn-lambda"
    static let blockKeys = ["ignore"]

    /// Rules ignored in the whole file.
    var fileIgnores: Set<String> = []
    /// Rules ignored per resource, by logical ID.
    var resourceIgnores: [String: Set<String>] = [:]
    var findings: [Finding] = []

    init(template: Template) {
        let tree = template.tree
        if let metadata = template.section(.metadata) {
            fileIgnores = read(metadata, tree, path: ["Metadata"], resource: nil)
        }
        for resource in template.resources {
            guard let metadata = resource[.metadata] else { continue }
            let ignores = read(metadata, tree, path: resource.path("Metadata"), resource: resource)
            if !ignores.isEmpty { resourceIgnores[resource.logicalId, default: []].formUnion(ignores) }
        }
    }

    /// The known rule ids of every `cfn-lambda` block in a Metadata mapping.
    private mutating func read(_ metadata: NodeID, _ tree: NodeTree, path: [String], resource: Resource?) -> Set<String> {
        var ignores: Set<String> = []
        // Metadata that is not a mapping is reported by the template checks; it holds no block.
        for entry in tree.entries(metadata) where tree.scalar(entry.key, equals: Self.key) {
            ignores.formUnion(readBlock(entry.value, tree, path: path + [Self.key], resource: resource))
        }
        return ignores
    }

    private mutating func readBlock(_ block: NodeID, _ tree: NodeTree, path: [String], resource: Resource?) -> [String] {
        if tree.isNull(block) { return [] }
        guard tree.kind(block) == .mapping else {
            report(SuppressionRules.invalid, "cfn-lambda metadata must be a mapping with ignore, not \(tree.describe(block))",
                   at: tree.range(block), path: path, resource: resource)
            return []
        }
        var rules: [String] = []
        for entry in tree.entries(block) {
            let key = tree.string(entry.key) ?? ""
            guard key == "ignore" else {
                report(SuppressionRules.invalid,
                       "unknown key '\(key)' in cfn-lambda metadata\(Suggestion.hint(for: key, among: Self.blockKeys)); expected ignore",
                       at: tree.range(entry.key), path: path + [key], resource: resource)
                continue
            }
            rules += readIgnore(entry.value, tree, path: path + [key], resource: resource)
        }
        return rules
    }

    private mutating func readIgnore(_ list: NodeID, _ tree: NodeTree, path: [String], resource: Resource?) -> [String] {
        if tree.isNull(list) { return [] }
        guard tree.kind(list) == .sequence else {
            report(SuppressionRules.invalid, "cfn-lambda ignore must be a list of rule ids, not \(tree.describe(list))",
                   at: tree.range(list), path: path, resource: resource)
            return []
        }
        var rules: [String] = []
        for (index, element) in tree.elements(list).enumerated() {
            let elementPath = path + [String(index)]
            guard tree.kind(element) == .scalar, let rule = tree.nonNullString(element) else {
                report(SuppressionRules.invalid, "entries of cfn-lambda ignore must be rule ids, not \(tree.describe(element))",
                       at: tree.range(element), path: elementPath, resource: resource)
                continue
            }
            guard RuleCatalog.descriptor(rule) != nil else {
                let hint = Suggestion.hint(for: rule, among: RuleCatalog.all.map(\.id))
                report(SuppressionRules.unknownRule, "cfn-lambda ignore names unknown rule '\(rule)'\(hint)",
                       at: tree.range(element), path: elementPath, resource: resource)
                continue
            }
            rules.append(rule)
        }
        return rules
    }

    private mutating func report(_ rule: RuleDescriptor, _ message: String, at range: SourceRange, path: [String],
                                 resource: Resource?) {
        findings.append(Finding(rule, message, at: range, resource: resource?.logicalId,
                                resourceType: resource?.type, path: path))
    }
}
