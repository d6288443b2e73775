/// The conditions the transform can decide while it runs, for `Fn::If` in `DeletionPolicy` and
/// `UpdateReplacePolicy` ("Intrinsic function references in DeletionPolicy and UpdateReplacePolicy
/// attributes": `Fn::If` on a condition of parameter values).
extension LanguageExtensionsExpander {
    /// The value of a condition of the `Conditions` section as written, nil when it depends on
    /// what is not known here (or refers to itself).
    func condition(_ name: String, depth: Int = 0) -> Bool? {
        guard depth < 64, let conditions = template.section(.conditions), tree.kind(conditions) == .mapping,
              let node = tree.value(forKey: name, in: conditions) else { return nil }
        return evaluate(.read(node, tree), depth: depth)
    }

    private func evaluate(_ value: ExtendedValue, depth: Int) -> Bool? {
        guard case .intrinsic(let function, let argument, _) = value else { return nil }
        let operands: [ExtendedValue] = if case .list(let elements, _) = argument { elements } else { [argument] }
        switch function {
        case .equals:
            guard operands.count == 2, let left = operands[0].text ?? resolvedText(operands[0]),
                  let right = operands[1].text ?? resolvedText(operands[1]) else { return nil }
            return left == right
        case .not:
            guard operands.count == 1 else { return nil }
            return evaluate(operands[0], depth: depth + 1).map { !$0 }
        case .and, .or:
            let values = operands.map { evaluate($0, depth: depth + 1) }
            let decisive = function == .or
            if values.contains(decisive) { return decisive }
            return values.contains(nil) ? nil : !decisive
        case .condition:
            return argument.text.flatMap { condition($0, depth: depth + 1) }
        default:
            return nil
        }
    }

    /// A policy's text: a known `Ref`, or the branch of a `Fn::If` whose condition is decided.
    func policyText(_ value: ExtendedValue) -> String? {
        if let text = value.text ?? resolvedText(value) { return text }
        guard case .intrinsic(.if, .list(let parts, _), _) = value, parts.count == 3, let name = parts[0].text,
              let decided = condition(name) else { return nil }
        return policyText(decided ? parts[1] : parts[2])
    }
}
