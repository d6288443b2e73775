import CFNLoader

extension NodeTree {
    /// For each of `targets` under `root`, the keys, indexes and intrinsic function names from
    /// `root` down to it, found by walking the tree, not by source position: in a transformed
    /// template a generated node's range points at the text it came from, which can lie anywhere.
    /// A target not under `root` is missing from the result. One walk of `root`'s subtree, in which
    /// a node shared through a YAML alias is visited once.
    func keyPaths(to targets: Set<NodeID>, under root: NodeID) -> [NodeID: [String]] {
        var found: [NodeID: [String]] = [:]
        // Depth-first, each stack entry a node with the path that reached it.
        var stack: [(node: NodeID, path: [String])] = [(root, [])]
        var visited: Set<NodeID> = []
        while found.count < targets.count, let (node, path) = stack.popLast() {
            guard visited.insert(node).inserted else { continue }
            if targets.contains(node) { found[node] = path }
            switch kind(node) {
            case .mapping:
                for entry in entries(node) {
                    stack.append((entry.value, path + [string(entry.key) ?? ""]))
                }
            case .sequence:
                for (index, element) in elements(node).enumerated() {
                    stack.append((element, path + [String(index)]))
                }
            case .intrinsic:
                if let (function, argument) = intrinsic(node) {
                    stack.append((argument, path + [function.longName]))
                }
            case .scalar:
                break
            }
        }
        return found
    }
}
