import CFNLoader

/// A template value while the language extensions rewrite it. Every node keeps the source range it
/// came from (a `Fn::ForEach` body's node for what the loop makes), so findings on the processed
/// template point at the text a user edits.
indirect enum ExtendedValue {
    case scalar(String, ScalarStyle, explicitString: Bool, SourceRange)
    case list([ExtendedValue], SourceRange)
    case map([ExtendedEntry], SourceRange)
    case intrinsic(IntrinsicFunction, ExtendedValue, SourceRange)

    /// A string scalar made by the transform (a collection item, a substituted `Fn::Sub`).
    static func string(_ text: String, at range: SourceRange) -> ExtendedValue {
        .scalar(text, .doubleQuoted, explicitString: false, range)
    }

    var range: SourceRange {
        switch self {
        case .scalar(_, _, _, let range), .list(_, let range), .map(_, let range), .intrinsic(_, _, let range): range
        }
    }

    /// A scalar's text.
    var text: String? {
        if case .scalar(let text, _, _, _) = self { return text }
        return nil
    }

    /// The value as it is in `tree`, nothing rewritten.
    static func read(_ node: NodeID, _ tree: NodeTree) -> ExtendedValue {
        let range = tree.range(node)
        switch tree.kind(node) {
        case .scalar:
            return .scalar(tree.string(node) ?? "", tree.style(node) ?? .plain, explicitString: tree.isExplicitString(node), range)
        case .sequence:
            return .list(tree.elements(node).map { read($0, tree) }, range)
        case .mapping:
            return .map(tree.entries(node).map { entry in
                ExtendedEntry(key: tree.string(entry.key) ?? "", keyStyle: tree.style(entry.key) ?? .plain,
                              keyRange: tree.range(entry.key), value: read(entry.value, tree))
            }, range)
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else { return .map([], range) }
            return .intrinsic(function, read(argument, tree), range)
        }
    }

    /// The value written into a new tree.
    func write(into builder: inout NodeTreeBuilder) -> NodeID {
        switch self {
        case .scalar(let text, let style, let explicitString, let range):
            return builder.scalar(text, style: style, explicitString: explicitString, at: range)
        case .list(let elements, let range):
            return builder.sequence(elements.map { $0.write(into: &builder) }, at: range)
        case .map(let entries, let range):
            let written = entries.map { entry in
                (key: builder.scalar(entry.key, style: entry.keyStyle, at: entry.keyRange), value: entry.value.write(into: &builder))
            }
            return builder.mapping(written, at: range)
        case .intrinsic(let function, let argument, let range):
            return builder.intrinsic(function, argument: argument.write(into: &builder), at: range)
        }
    }

    /// `Ref: AWS::NoValue`.
    var isNoValue: Bool {
        if case .intrinsic(.ref, .scalar("AWS::NoValue", _, _, _), _) = self { return true }
        return false
    }

    /// The value as `Fn::ToJsonString` writes it, nil while an intrinsic function is left in it
    /// (CloudFormation then resolves it at deploy time; `Resolver` does the same).
    var json: String? {
        switch self {
        case .scalar(let text, let style, let explicitString, _):
            if style == .plain, !explicitString, text == "true" || text == "false" || Double(text) != nil { return text }
            return JSONText.literal(text, escapingByteOrderMark: false)
        case .list(let elements, _):
            var parts: [String] = []
            for element in elements {
                guard let part = element.json else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ",") + "]"
        case .map(let entries, _):
            var parts: [String] = []
            for entry in entries {
                guard let part = entry.value.json else { return nil }
                parts.append(JSONText.literal(entry.key, escapingByteOrderMark: false) + ":" + part)
            }
            return "{" + parts.joined(separator: ",") + "}"
        case .intrinsic:
            return nil
        }
    }
}

/// One key and value of an `ExtendedValue` mapping.
struct ExtendedEntry {
    var key: String
    var keyStyle: ScalarStyle
    var keyRange: SourceRange
    var value: ExtendedValue
}
