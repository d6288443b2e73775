import CFNLoader

/// One of the translator's own errors: the message in its words, at the source it is about.
struct SAMError: Error {
    let message: String
    let range: SourceRange
    /// The logical ID the translator names ("Resource with id [X]") when it is not the SAM
    /// resource being expanded: a bucket an S3 event writes into, say.
    var resource: String?
    /// The template resource the finding belongs to when `resource` names one the transform
    /// would make (an event's `<Function><Event>`): the SAM resource that makes it.
    var owner: String?

    init(_ message: String, at range: SourceRange, resource: String? = nil, owner: String? = nil) {
        self.message = message
        self.range = range
        self.resource = resource
        self.owner = owner
    }
}

/// The parameter values the translator resolves itself (`SamParameterValues`): the given ones, else
/// each parameter's `Default`, and `AWS::Region` / `AWS::Partition` when the region is known.
struct SAMParameters {
    private(set) var values: [String: SAMValue] = [:]

    init(template: Template, given: [String: String], region: String?) {
        let tree = template.tree
        for entry in template.entries(of: .parameters) ?? MappingEntries.empty {
            guard let name = tree.string(entry.key) else { continue }
            if let text = given[name] {
                values[name] = .string(text, at: tree.range(entry.key))
            } else if tree.kind(entry.value) == .mapping, let value = tree.value(forKey: "Default", in: entry.value) {
                values[name] = .node(value)
            }
        }
        for (name, text) in given where values[name] == nil {
            values[name] = .string(text, at: .zero)
        }
        if let region {
            if values["AWS::Region"] == nil { values["AWS::Region"] = .string(region, at: .zero) }
            if values["AWS::Partition"] == nil { values["AWS::Partition"] = .string(SAMParameters.partition(of: region), at: .zero) }
        }
    }

    static func partition(of region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        return "aws"
    }

    /// `value` with every `Ref` to a parameter replaced by its value and `${Param}` in `Fn::Sub`
    /// text substituted (`resolve_parameter_refs`); other intrinsics stay. A replaced value keeps
    /// the range of the `Ref` that asked for it.
    func resolve(_ value: SAMValue, _ document: SAMDocument) -> SAMValue {
        guard !values.isEmpty else { return value }
        if let (function, argument) = document.intrinsic(value) {
            let range = document.range(value)
            switch function {
            case .ref:
                if let name = document.string(argument), let replacement = values[name] {
                    return relocated(replacement, to: range, document)
                }
                return value
            case .sub:
                if let text = document.string(argument) {
                    return .intrinsic(.sub, .string(substitute(text, document), at: document.range(argument)), at: range)
                }
                if var parts = document.elements(argument), let first = parts.first, let text = document.string(first) {
                    parts[0] = .string(substitute(text, document), at: document.range(first))
                    if parts.count > 1 { parts[1] = resolve(parts[1], document) }
                    return .intrinsic(.sub, .list(parts, at: document.range(argument)), at: range)
                }
                return value
            case .getAtt:
                return value
            default:
                return .intrinsic(function, resolve(argument, document), at: range)
            }
        }
        if let entries = document.entries(value) {
            return .map(entries.map { SAMEntry($0.key, resolve($0.value, document), keyRange: $0.keyRange) }, at: document.range(value))
        }
        if let elements = document.elements(value) {
            return .list(elements.map { resolve($0, document) }, at: document.range(value))
        }
        return value
    }

    /// A parameter's value placed where it is used: a scalar keeps its type, at the `Ref`'s range.
    private func relocated(_ value: SAMValue, to range: SourceRange, _ document: SAMDocument) -> SAMValue {
        guard let text = document.string(value) else { return value }
        if case .string = document.python(value) { return .string(text, at: range) }
        return .scalar(text, isString: false, at: range)
    }

    /// `${Name}` replaced by the text of parameter `Name` where it has a scalar value; `${!Literal}` kept.
    private func substitute(_ text: String, _ document: SAMDocument) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                result += rest[open.lowerBound...]
                return result
            }
            let name = String(rest[open.upperBound..<close])
            if let value = values[name], let replacement = document.string(value), document.intrinsic(value) == nil {
                result += replacement
            } else {
                result += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
