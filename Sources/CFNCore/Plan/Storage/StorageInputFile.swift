import CFNLoader

/// A small JSON input of the plan (`--artifact-sizes`, `--account-settings`) read with the
/// project's loader, so that every problem is a finding located in that file.
struct StorageInputFile {
    let tree: NodeTree
    let root: NodeID

    /// The file's tree, or nil with the findings that say why it has none. An empty file is the
    /// file's own `invalid` finding, not a template's.
    static func load(_ bytes: [UInt8], invalid: RuleDescriptor) -> (file: StorageInputFile?, findings: [Finding]) {
        let loaded = YAMLLoader.load(bytes)
        let findings = loaded.diagnostics.map { diagnostic in
            diagnostic.kind == .empty
                ? Finding(invalid, "the file is empty", at: diagnostic.range)
                : Finding(LoaderRules.descriptor(for: diagnostic.kind), diagnostic.message, at: diagnostic.range)
        }
        guard let tree = loaded.tree, let root = tree.root else { return (nil, findings) }
        return (StorageInputFile(tree: tree, root: root), findings)
    }

    /// A whole number of bytes, at least 0, that fits in 64 bits: `10485760`, not `1e7` or `-1`.
    func byteCount(_ node: NodeID) -> Int64? {
        guard let text = tree.string(node), !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int64(text)
    }

    func range(_ node: NodeID) -> SourceRange { tree.range(node) }
}
