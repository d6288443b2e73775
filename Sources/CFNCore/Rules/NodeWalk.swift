import CFNLoader

extension NodeTree {
    /// Every node under `root` (itself included), depth first in source order, without recursion.
    /// A node reached through several aliases is visited each time (bounded by the alias budget).
    public func walk(_ root: NodeID, _ visit: (NodeID) -> Void) {
        var stack = [root]
        while let node = stack.popLast() {
            visit(node)
            switch kind(node) {
            case .scalar: break
            case .sequence: stack.append(contentsOf: elements(node).reversed())
            case .mapping:
                for entry in entries(node).reversed() { stack.append(entry.value) }
            case .intrinsic:
                if let argument = intrinsic(node)?.argument { stack.append(argument) }
            }
        }
    }
}
