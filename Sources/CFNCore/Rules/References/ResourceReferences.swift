import CFNLoader

/// The resources a node refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub` variables, with the
/// node of each reference, in source order.
extension RuleContext {
    public func resourceReferences(under root: NodeID, guard start: Guard = .always)
        -> [(target: String, node: NodeID, range: SourceRange, guardCondition: Guard)] {
        var references: [(String, NodeID, SourceRange, Guard)] = []
        tree.walk(root, guard: start) { node, conditions in
            guard let (function, argument) = tree.intrinsic(node) else { return }
            switch function {
            case .ref:
                if let name = tree.string(argument), template.resource(named: name) != nil {
                    references.append((name, argument, tree.range(argument), conditions))
                }
            case .getAtt:
                if let first = tree.elements(argument).first, let name = tree.string(first), template.resource(named: name) != nil {
                    references.append((name, first, tree.range(first), conditions))
                }
            case .sub:
                let stringNode = tree.kind(argument) == .scalar ? argument : tree.elements(argument).first
                guard let stringNode, let text = tree.string(stringNode), case .success(let sub) = SubTemplate.parse(text) else { return }
                let local = Set(tree.entries(tree.elements(argument).dropFirst().first ?? argument).compactMap { tree.string($0.key) })
                for case .variable(let variable, let offset) in sub.parts where !local.contains(variable) {
                    let name = variable.firstIndex(of: ".").map { String(variable[..<$0]) } ?? variable
                    if template.resource(named: name) != nil {
                        references.append((name, stringNode, tree.sourceRange(ofText: offset, length: name.utf8.count, in: stringNode),
                                           conditions))
                    }
                }
            default:
                break
            }
        }
        return references
    }
}
