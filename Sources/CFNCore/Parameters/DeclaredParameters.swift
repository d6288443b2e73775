import CFNLoader

/// The parameter names a template declares, read from its top-level `Parameters` without the
/// analysis: what `--parameters` names are checked against.
public enum DeclaredParameters {
    /// Nil when the bytes are not a YAML or JSON mapping.
    public static func names(in bytes: [UInt8]) -> Set<String>? {
        let loaded = YAMLLoader.load(bytes)
        guard let tree = loaded.tree, let root = tree.root, tree.kind(root) == .mapping else { return nil }
        guard let section = tree.entries(root).first(where: { tree.string($0.key) == "Parameters" }),
              tree.kind(section.value) == .mapping else { return [] }
        return Set(tree.entries(section.value).compactMap { tree.string($0.key) })
    }

    /// A warning for each given name that none of the templates declares, with the closest declared name.
    public static func warnings(given: [String], declared: [Set<String>]) -> [String] {
        let all = declared.reduce(into: Set<String>()) { $0.formUnion($1) }
        return given.filter { !all.contains($0) }.map { name in
            "--parameters \(name): no template declares it\(Suggestion.hint(for: name, among: all.sorted()))"
        }
    }
}
