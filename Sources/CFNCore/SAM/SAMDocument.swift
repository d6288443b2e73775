import CFNLoader

/// Reads `SAMValue`s over the source tree: one level at a time, so that what the transform only
/// copies is never taken apart.
struct SAMDocument {
    let tree: NodeTree

    func range(_ value: SAMValue) -> SourceRange {
        switch value {
        case .node(let node): tree.range(node)
        case .scalar(_, _, let range), .list(_, let range), .map(_, let range), .intrinsic(_, _, let range): range
        }
    }

    /// The text of a scalar; nil for anything else.
    func string(_ value: SAMValue) -> String? {
        switch value {
        case .node(let node): tree.string(node)
        case .scalar(let text, _, _): text
        default: nil
        }
    }

    /// A scalar the transform reads as a string: not a YAML null, boolean or number.
    func text(_ value: SAMValue) -> String? {
        guard let text = string(value) else { return nil }
        if case .string = scalarValue(value) { return text }
        return nil
    }

    /// Whether the value is YAML's null (`~`, `null`, nothing): SAM treats such a property as absent.
    func isNull(_ value: SAMValue) -> Bool {
        // Read without typing the scalar: asked of every property of every function.
        switch value {
        case .node(let node):
            guard tree.kind(node) == .scalar, !tree.isExplicitString(node), let bytes = tree.bytes(node), bytes.count <= 4 else { return false }
            return PythonValue.isNull(String(decoding: bytes, as: UTF8.self))
        case .scalar(let text, let isString, _):
            return !isString && PythonValue.isNull(text)
        default:
            return false
        }
    }

    /// A scalar as Python types it; nil for containers and intrinsics (never converted whole).
    private func scalarValue(_ value: SAMValue) -> PythonValue? {
        switch value {
        case .node(let node): tree.kind(node) == .scalar ? python(value) : nil
        case .scalar: python(value)
        default: nil
        }
    }

    func entries(_ value: SAMValue) -> [SAMEntry]? {
        switch value {
        case .node(let node):
            guard tree.kind(node) == .mapping else { return nil }
            return tree.entries(node).map { SAMEntry(tree.string($0.key) ?? "", .node($0.value), keyRange: tree.range($0.key)) }
        case .map(let entries, _): return entries
        default: return nil
        }
    }

    func map(_ value: SAMValue) -> SAMMap? {
        entries(value).map { SAMMap(at: range(value), $0) }
    }

    func elements(_ value: SAMValue) -> [SAMValue]? {
        switch value {
        case .node(let node):
            guard tree.kind(node) == .sequence else { return nil }
            return tree.elements(node).map { .node($0) }
        case .list(let elements, _): return elements
        default: return nil
        }
    }

    func intrinsic(_ value: SAMValue) -> (function: IntrinsicFunction, argument: SAMValue)? {
        switch value {
        case .node(let node): tree.intrinsic(node).map { ($0.function, .node($0.argument)) }
        case .intrinsic(let function, let argument, _): (function, argument)
        default: nil
        }
    }

    func value(_ key: String, in value: SAMValue) -> SAMValue? {
        if case .node(let node) = value {
            return tree.value(forKey: key, in: node).map { .node($0) }
        }
        return entries(value)?.last { $0.key == key }?.value
    }

    /// The range of `key`'s key in a mapping, or nil.
    func keyRange(_ key: String, in value: SAMValue) -> SourceRange? {
        entries(value)?.last { $0.key == key }?.keyRange
    }

    /// `Ref: name` to a string, the name.
    func refName(_ value: SAMValue) -> String? {
        guard let (function, argument) = intrinsic(value), function == .ref else { return nil }
        return string(argument)
    }

    func isNoValue(_ value: SAMValue) -> Bool { refName(value) == "AWS::NoValue" }

    /// Whether a value is true as Python reads it (a non-empty container, a true scalar).
    func isTruthy(_ value: SAMValue?) -> Bool {
        guard let value else { return false }
        if let scalar = scalarValue(value) { return scalar.isTruthy }
        switch value {
        case .node(let node): return tree.count(node) > 0
        case .list(let elements, _): return !elements.isEmpty
        case .map(let entries, _): return !entries.isEmpty
        default: return true
        }
    }

    /// The value as Python's `json` module holds it after SAM's YAML loader: YAML 1.1 scalars typed.
    func python(_ value: SAMValue) -> PythonValue {
        switch value {
        case .node(let node):
            switch tree.kind(node) {
            case .scalar:
                let text = tree.string(node) ?? ""
                if tree.isExplicitString(node) { return .string(text) }
                return PythonValue.plain(text)
            case .sequence:
                return .list(tree.elements(node).map { python(.node($0)) })
            case .mapping:
                return .dict(tree.entries(node).map { (tree.string($0.key) ?? "", python(.node($0.value))) })
            case .intrinsic:
                guard let (function, argument) = tree.intrinsic(node) else { return .null }
                return .dict([(function.longName, python(.node(argument)))])
            }
        case .scalar(let text, let isString, _):
            return isString ? .string(text) : PythonValue.plain(text)
        case .list(let elements, _):
            return .list(elements.map(python))
        case .map(let entries, _):
            return .dict(entries.map { ($0.key, python($0.value)) })
        case .intrinsic(let function, let argument, _):
            return .dict([(function.longName, python(argument))])
        }
    }
}
