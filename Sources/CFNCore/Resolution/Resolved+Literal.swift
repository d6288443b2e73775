import CFNLoader

extension Resolved {
    /// A node as written, without a template around it: `Fn::If` becomes a `.choice` on its
    /// condition name, `Ref: AWS::NoValue` is `.noValue`, every other intrinsic is `.unknown`.
    /// The `Resolver` evaluates intrinsics; this is for values that need none, and for tests.
    public init(literal node: NodeID, in tree: NodeTree) {
        switch tree.kind(node) {
        case .scalar:
            self.init(.scalar(tree.string(node) ?? "", isString: tree.isExplicitString(node)), node: node)
        case .sequence:
            self.init(.list(tree.elements(node).map { Resolved(literal: $0, in: tree) }), node: node)
        case .mapping:
            self.init(.map(tree.entries(node).map { entry in
                ResolvedEntry(key: tree.string(entry.key) ?? "", keyNode: entry.key, value: Resolved(literal: entry.value, in: tree))
            }), node: node)
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else {
                self.init(.unknown(Unknown(reason: "malformed intrinsic function")), node: node)
                return
            }
            if function == .ref, tree.scalar(argument, equals: "AWS::NoValue") {
                self.init(.noValue, node: node)
                return
            }
            let arguments = tree.elements(argument)
            if function == .if, arguments.count == 3, let condition = tree.string(arguments[arguments.startIndex]) {
                self.init(.choice(condition: condition,
                                  then: Resolved(literal: arguments[arguments.startIndex + 1], in: tree),
                                  else: Resolved(literal: arguments[arguments.startIndex + 2], in: tree)), node: node)
                return
            }
            self.init(.unknown(Unknown(reason: "\(function.longName) is not evaluated here")), node: node)
        }
    }
}
