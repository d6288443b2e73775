import CFNLoader

/// Loads text and describes what came out, so tests read as "this input gives that finding there".
struct Loaded {
    let result: LoadResult
    let source: SourceText

    init(_ text: String, limits: LoaderLimits = .default) {
        self.init(bytes: Array(text.utf8), limits: limits)
    }

    init(bytes: [UInt8], limits: LoaderLimits = .default) {
        result = YAMLLoader.load(bytes, limits: limits)
        source = SourceText(bytes: bytes)
    }

    var tree: NodeTree? { result.tree }

    /// Each diagnostic as `kind line:column message`.
    var diagnostics: [String] {
        result.diagnostics.map { "\($0.kind) \(source.lineColumn(at: $0.range.start)) \($0.message)" }
    }

    /// The diagnostics' kinds and start positions only.
    var kindsAndPlaces: [String] {
        result.diagnostics.map { "\($0.kind) \(source.lineColumn(at: $0.range.start))" }
    }

    /// The node at a path of keys and indexes from the root, following intrinsics' arguments for "@".
    func node(_ path: String...) -> NodeID? {
        guard let tree, var node = tree.root else { return nil }
        for component in path {
            if component == "@" {
                guard let argument = tree.intrinsic(node)?.argument else { return nil }
                node = argument
            } else if let index = Int(component), tree.kind(node) == .sequence {
                let elements = tree.elements(node)
                guard index < elements.count else { return nil }
                node = elements[elements.startIndex + index]
            } else {
                guard let value = tree.value(forKey: component, in: node) else { return nil }
                node = value
            }
        }
        return node
    }

    /// "line:column-line:column" of a node's range.
    func place(_ node: NodeID?) -> String {
        guard let node, let tree else { return "none" }
        let range = tree.range(node)
        return "\(source.lineColumn(at: range.start))-\(source.lineColumn(at: range.end))"
    }
}
