import CFNLoader

/// The value of each parameter for one run: given by the user, else the `Default`, else unknown.
public struct ParameterValues: Sendable {
    public enum Source: Sendable, Hashable {
        case given
        case defaultValue
    }

    public struct Value: Sendable, Hashable {
        public let text: String
        public let source: Source
    }

    public let declarations: [String: ParameterDeclaration]
    /// Declarations in source order.
    public let ordered: [ParameterDeclaration]
    public let values: [String: Value]
    /// Parameters whose value (given or Default) their own constraints reject: `Ref` to them is unknown.
    public let rejected: Set<String>

    public init(template: Template, given: [String: String]) {
        var declarations: [String: ParameterDeclaration] = [:]
        var ordered: [ParameterDeclaration] = []
        var values: [String: Value] = [:]
        let tree = template.tree
        for entry in template.entries(of: .parameters) ?? MappingEntries.empty {
            guard let name = tree.string(entry.key), tree.kind(entry.value) == .mapping else { continue }
            let declaration = ParameterDeclaration(name: name, keyNode: entry.key, node: entry.value, tree: tree)
            declarations[name] = declaration
            ordered.append(declaration)
            if let text = given[name] {
                values[name] = Value(text: text, source: .given)
            } else if let node = declaration.defaultNode, let text = ParameterValues.defaultText(node, tree) {
                values[name] = Value(text: text, source: .defaultValue)
            }
        }
        self.declarations = declarations
        self.ordered = ordered
        self.values = values
        rejected = Set(values.compactMap { name, value in
            declarations[name].flatMap { ParameterValues.isRejected(value.text, $0) ? name : nil }
        })
    }

    /// A `Default` as CloudFormation reads it: a scalar, or a list of scalars joined with commas.
    static func defaultText(_ node: NodeID, _ tree: NodeTree) -> String? {
        switch tree.kind(node) {
        case .scalar: return tree.string(node)
        case .sequence:
            let parts = tree.elements(node).compactMap { tree.string($0) }
            return parts.count == tree.elements(node).count ? parts.joined(separator: ",") : nil
        default: return nil
        }
    }

    /// Whether a parameter's constraints reject its value: any item of a list value.
    static func isRejected(_ text: String, _ declaration: ParameterDeclaration) -> Bool {
        guard !declaration.isSSM else { return false }
        let items = declaration.isList ? text.parameterListItems : [text]
        return items.contains { ParameterValueRule.problem($0, declaration) != nil }
    }

    /// The resolved value of `Ref: name`, or nil when there is no such parameter.
    public func resolve(_ name: String, at node: NodeID?) -> Resolved? {
        guard let declaration = declarations[name] else { return nil }
        if declaration.isSSM {
            return Resolved(.unknown(Unknown(reason: "parameter \(name) is read from SSM Parameter Store at deploy time",
                                             dependsOn: [name], origin: .parameter(name))), node: node)
        }
        guard let value = values[name] else {
            return Resolved(.unknown(Unknown(reason: "parameter \(name) has no value (give it with --parameters \(name)=…)",
                                             dependsOn: [name], origin: .parameter(name))), node: node)
        }
        // A value its own constraints reject (parameter.value reports it) stops the stack before any
        // resource is made: no resource ever sees it, so the parameter is as good as without a value.
        if rejected.contains(name) {
            let what = value.source == .given ? "the given value" : "the Default"
            return Resolved(.unknown(Unknown(reason: "\(what) '\(value.text)' of parameter \(name) is rejected by its own constraints",
                                             dependsOn: [name], origin: .parameter(name))), node: node)
        }
        if declaration.isList {
            let items = value.text.isEmpty ? [] : value.text.parameterListItems
            return Resolved(.list(items.map { Resolved(.scalar($0, isString: true), node: node) }), node: node)
        }
        return Resolved(.scalar(value.text, isString: !declaration.isNumeric), node: node)
    }
}

extension String {
    /// Without leading and trailing spaces (CloudFormation trims list items). Compared by Unicode
    /// scalar: a space followed by a combining mark is one `Character`, but still a space.
    var trimmingSpaces: String {
        // A space character is the one byte 0x20: without one at either end there is nothing to trim.
        guard utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") else { return self }
        var scalars = Substring(self).unicodeScalars
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
