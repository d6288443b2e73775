import CFNLoader

/// One run of the `AWS::LanguageExtensions` transform over one template, written after the
/// CloudFormation Template Reference ("AWS::LanguageExtensions transform", "Fn::ForEach" and its
/// examples, "Fn::Length", "Fn::ToJsonString", "Fn::FindInMap enhancements", "Intrinsic function
/// references in DeletionPolicy and UpdateReplacePolicy attributes"). What the transform can
/// resolve with the known parameter values is replaced by its value; the rest is left for
/// CloudFormation to resolve at deploy time, and the processed template then keeps the transform.
final class LanguageExtensionsExpander {
    let template: Template
    let tree: NodeTree
    let parameters: LanguageExtensionsParameters
    var findings: [Finding] = []
    /// Something is left that only the transform accepts (an unresolved `Fn::Length`, a
    /// `DefaultValue`, a function in `DeletionPolicy`): the processed template keeps `Transform`.
    var partial = false
    /// A resource a loop made → the loop's key in `Resources` (`Fn::ForEach::Functions`).
    var generatedFrom: [String: String] = [:]
    /// Loop names seen so far (`Fn::ForEach::Name`), each unique in the template, with the key
    /// that wrote them (an inner loop is expanded once per item of the outer one).
    private var loopNames: [String: NodeID] = [:]

    /// Nodes made so far, and the most loops may make (`LanguageExtensionsTransform.nodeBudget`).
    private var made = 0
    let nodeBudget: Int
    private var overBudget = false

    /// The sections where the extensions apply; `Fn::ForEach` elsewhere is an error.
    static let extendedSections: Set<String> = ["Resources", "Conditions", "Outputs"]
    static let forEachPrefix = "Fn::ForEach::"

    init(template: Template, settings: ValidationSettings, nodeBudget: Int) {
        self.template = template
        self.nodeBudget = nodeBudget
        tree = template.tree
        parameters = LanguageExtensionsParameters(template: template, settings: settings)
    }

    /// The processed tree.
    func run() -> NodeTree {
        var builder = NodeTreeBuilder()
        var entries: [(key: NodeID, value: NodeID)] = []
        for entry in tree.entries(template.root) {
            let name = tree.string(entry.key) ?? ""
            if Self.extendedSections.contains(name), tree.kind(entry.value) == .mapping {
                var value = expandMapping(entry.value, [:], recordsLoops: name == "Resources")
                if name == "Resources" { value = resolvingPolicies(value) }
                entries.append((builder.copy(entry.key, from: tree), value.write(into: &builder)))
            } else if name == "Transform" {
                continue
            } else {
                reportLoops(in: entry.value, section: name)
                entries.append((builder.copy(entry.key, from: tree), builder.copy(entry.value, from: tree)))
            }
        }
        if let transform = tree.entries(template.root).first(where: { tree.scalar($0.key, equals: "Transform") }),
           let kept = keptTransform(transform.value) {
            let value = kept.write(into: &builder)
            entries.insert((builder.copy(transform.key, from: tree), value), at: min(entryIndex(of: "Transform"), entries.count))
        }
        let root = builder.mapping(entries, at: tree.range(template.root))
        return builder.finish(root: root)
    }

    // MARK: Fn::ForEach

    /// A mapping with its `Fn::ForEach::*` keys replaced by what the loops make, and `env`'s
    /// identifiers substituted in keys and values.
    /// `recordsLoops`: the mapping is `Resources`, whose loops' resources are recorded in `generatedFrom`.
    func expandMapping(_ node: NodeID, _ env: [String: String], recordsLoops: Bool = false) -> ExtendedValue {
        var entries: [ExtendedEntry] = []
        var keys: Set<String> = []
        for entry in tree.entries(node) {
            guard let key = tree.string(entry.key) else { continue }
            if key.hasPrefix(Self.forEachPrefix) {
                for made in expandLoop(key, entry.key, entry.value, env) {
                    guard keys.insert(made.key).inserted else {
                        error("\(key) makes '\(made.key)', which this mapping already has", at: tree.range(entry.key))
                        continue
                    }
                    entries.append(made)
                    if recordsLoops { generatedFrom[made.key] = key }
                }
                continue
            }
            let value = expand(entry.value, env)
            // A `Fn::FindInMap` whose default is `AWS::NoValue` removes its key (the Fn::ForEach
            // example "Replicate multiple resources", whose Condition is left unset).
            if value.isNoValue, tree.intrinsic(entry.value)?.function == .findInMap { continue }
            let written = Self.substitute(key, env)
            keys.insert(written)
            entries.append(ExtendedEntry(key: written, keyStyle: tree.style(entry.key) ?? .plain, keyRange: tree.range(entry.key), value: value))
        }
        return .map(entries, tree.range(node))
    }

    /// What one `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` makes.
    private func expandLoop(_ key: String, _ keyNode: NodeID, _ node: NodeID, _ env: [String: String]) -> [ExtendedEntry] {
        let keyRange = tree.range(keyNode)
        let name = String(key.dropFirst(Self.forEachPrefix.count))
        let parts = tree.kind(node) == .sequence ? Array(tree.elements(node)) : []
        guard parts.count == 3 else {
            error("\(key) takes three items, [Identifier, Collection, {OutputKey: OutputValue}]", at: tree.range(node))
            return []
        }
        // A loop name is letters and digits (cfn-lint's `^Fn::ForEach::[a-zA-Z0-9]+$`, as logical IDs are).
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isAlphanumeric) else {
            error("Fn::ForEach needs a loop name of letters and digits after 'Fn::ForEach::'", at: keyRange)
            return []
        }
        if let first = loopNames[name], first != keyNode {
            error("the loop name '\(name)' is used by another Fn::ForEach; each must be unique in the template", at: keyRange)
        }
        loopNames[name] = loopNames[name] ?? keyNode
        if template.hasResource(named: name) {
            error("the loop name '\(name)' of \(key) is also a resource's logical ID", at: keyRange)
        }
        guard tree.kind(parts[0]) == .scalar, let identifier = tree.string(parts[0]), !identifier.isEmpty,
              identifier.utf8.allSatisfy(Self.isAlphanumeric) else {
            error("the identifier of \(key) must be a string of letters and digits", at: tree.range(parts[0]))
            return []
        }
        if parameters.declared.contains(identifier) {
            error("the identifier '\(identifier)' of \(key) is also a parameter's name", at: tree.range(parts[0]))
            return []
        }
        if template.hasResource(named: identifier) {
            error("the identifier '\(identifier)' of \(key) is also a resource's logical ID", at: tree.range(parts[0]))
            return []
        }
        if env[identifier] != nil {
            error("the identifier '\(identifier)' of \(key) is already the identifier of an enclosing Fn::ForEach", at: tree.range(parts[0]))
            return []
        }
        guard tree.kind(parts[2]) == .mapping else {
            error("the output of \(key) must be a mapping of {OutputKey: OutputValue}", at: tree.range(parts[2]))
            return []
        }
        var keysOk = true
        for entry in tree.entries(parts[2]) {
            guard let outputKey = tree.string(entry.key), !outputKey.hasPrefix(Self.forEachPrefix) else { continue }
            if !outputKey.contains("${\(identifier)}") && !outputKey.contains("&{\(identifier)}") {
                error("the output key '\(outputKey)' of \(key) must contain ${\(identifier)} or &{\(identifier)}", at: tree.range(entry.key))
                keysOk = false
            }
        }
        guard keysOk, let items = collection(parts[1], key, env) else { return [] }
        var made: [ExtendedEntry] = []
        for item in items {
            guard self.made < nodeBudget else {
                if !overBudget {
                    overBudget = true
                    error("\(key) makes more than \(nodeBudget) nodes; CloudFormation limits the processed template to 1 MB", at: keyRange)
                }
                return made
            }
            var inner = env
            inner[identifier] = item
            guard case .map(let entries, _) = expandMapping(parts[2], inner) else { continue }
            made += entries
        }
        return made
    }

    /// The collection's items, or nil when it is malformed (reported) or not known (reported).
    private func collection(_ node: NodeID, _ key: String, _ env: [String: String]) -> [String]? {
        switch tree.kind(node) {
        case .sequence:
            var items: [String] = []
            for element in tree.elements(node) {
                let value = expand(element, env)
                guard let text = value.text ?? resolvedText(value) else {
                    error("each item of the collection of \(key) must be a string", at: tree.range(element))
                    return nil
                }
                items.append(text)
            }
            return items
        case .intrinsic:
            let value = expand(node, env)
            if case .list(let elements, _) = value, let texts = Optional(elements.compactMap(\.text)), texts.count == elements.count {
                return texts
            }
            if case .intrinsic(.ref, .scalar(let name, _, _, _), _) = value {
                switch parameters.values[name] {
                case .list(let items)?: return items
                case .text?:
                    error("the collection of \(key) must be a list: parameter '\(name)' is not a CommaDelimitedList or List type", at: tree.range(node))
                    return nil
                case nil:
                    if parameters.declared.contains(name) {
                        if !parameters.listTypes.contains(name) {
                            error("the collection of \(key) must be a list: parameter '\(name)' is not a CommaDelimitedList or List type", at: tree.range(node))
                            return nil
                        }
                        findings.append(Finding(LanguageExtensionsRules.notExpanded,
                                                "\(key) is not expanded: parameter '\(name)' has no value (give it with --parameters) and no Default, so what the loop makes is not checked",
                                                at: tree.range(node), path: location(tree.range(node)).path))
                        return nil
                    }
                }
            }
            if let items = listItems(value) { return items }
            findings.append(Finding(LanguageExtensionsRules.notExpanded,
                                    "\(key) is not expanded: its collection is only known at deploy time, so what the loop makes is not checked",
                                    at: tree.range(node), path: location(tree.range(node)).path))
            return nil
        default:
            error("the collection of \(key) must be a list or a Ref to a CommaDelimitedList or List parameter", at: tree.range(node))
            return nil
        }
    }

    /// `Fn::ForEach` in a section the transform does not extend is an error.
    private func reportLoops(in node: NodeID, section: String) {
        switch tree.kind(node) {
        case .mapping:
            for entry in tree.entries(node) {
                if let key = tree.string(entry.key), key.hasPrefix(Self.forEachPrefix) {
                    error("\(key) is in the \(section) section; Fn::ForEach may be used only in Resources, Conditions and Outputs",
                          at: tree.range(entry.key))
                } else {
                    reportLoops(in: entry.value, section: section)
                }
            }
        case .sequence:
            for element in tree.elements(node) { reportLoops(in: element, section: section) }
        case .intrinsic:
            if let (_, argument) = tree.intrinsic(node) { reportLoops(in: argument, section: section) }
        case .scalar:
            break
        }
    }

    // MARK: Values

    /// A value with the loop identifiers of `env` substituted and the extensions' functions
    /// resolved where their arguments are known.
    func expand(_ node: NodeID, _ env: [String: String]) -> ExtendedValue {
        made += 1
        let range = tree.range(node)
        switch tree.kind(node) {
        case .scalar:
            let text = tree.string(node) ?? ""
            let written = Self.substitute(text, env)
            return .scalar(written, tree.style(node) ?? .plain, explicitString: tree.isExplicitString(node), range)
        case .sequence:
            return .list(tree.elements(node).map { expand($0, env) }, range)
        case .mapping:
            return expandMapping(node, env)
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else { return .map([], range) }
            return expandFunction(function, argument, range, env)
        }
    }

    private func expandFunction(_ function: IntrinsicFunction, _ argument: NodeID, _ range: SourceRange,
                                _ env: [String: String]) -> ExtendedValue {
        switch function {
        case .ref:
            let name = expand(argument, env)
            if let text = name.text {
                if let item = env[text] { return .string(item, at: range) }
                return .intrinsic(.ref, name, range)
            }
            partial = true  // `Ref` of a function: only the transform accepts it.
            return .intrinsic(.ref, name, range)
        case .sub:
            let value = expand(argument, env)
            // A text left with no variable is the text (the Fn::ForEach SNS example's TopicName).
            if let text = value.text, !text.contains("${") { return .string(text, at: range) }
            return .intrinsic(.sub, value, range)
        case .if:
            // The condition name stays as written; the branches are values.
            guard tree.kind(argument) == .sequence, tree.count(argument) == 3 else { return .intrinsic(.if, expand(argument, env), range) }
            let parts = Array(tree.elements(argument))
            return .intrinsic(.if, .list([.read(parts[0], tree), expand(parts[1], env), expand(parts[2], env)], tree.range(argument)), range)
        case .length:
            return length(expand(argument, env), argumentRange: tree.range(argument), range)
        case .toJsonString:
            return toJsonString(expand(argument, env), argumentRange: tree.range(argument), range)
        case .findInMap:
            return findInMap(expand(argument, env), argumentRange: tree.range(argument), range)
        default:
            return .intrinsic(function, expand(argument, env), range)
        }
    }

    /// `text` with `${Identifier}` replaced by the item and `&{Identifier}` by the item without
    /// its non-alphanumeric characters (the Fn::ForEach "Passing non-alphanumeric characters"
    /// example: `10.0.2.0/24` → `1002024`).
    static func substitute(_ text: String, _ env: [String: String]) -> String {
        guard !env.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "$" || $0 == "&" }) {
            let marker = rest[open]
            let afterMarker = rest.index(after: open)
            guard afterMarker < rest.endIndex, rest[afterMarker] == "{",
                  let close = rest[afterMarker...].firstIndex(of: "}") else {
                result += rest[...open]
                rest = rest[afterMarker...]
                continue
            }
            let name = String(rest[rest.index(after: afterMarker)..<close])
            guard let item = env[name] else {
                result += rest[...open]
                rest = rest[afterMarker...]
                continue
            }
            result += rest[..<open]
            result += marker == "$" ? item : String(decoding: item.utf8.filter(isAlphanumeric), as: UTF8.self)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    // MARK: Findings

    /// A located error; the processed template keeps the transform, so that the rules judge what
    /// is left with its extensions allowed.
    func error(_ message: String, at range: SourceRange) {
        partial = true
        let (resource, path) = location(range)
        findings.append(Finding(LanguageExtensionsRules.invalid, message, at: range, resource: resource?.logicalId,
                                resourceType: resource?.type, path: path))
    }

    private func location(_ range: SourceRange) -> (resource: Resource?, path: [String]) {
        let (resource, path) = template.location(of: range.start)
        // The loop itself is not a resource.
        return (resource.flatMap { $0.logicalId.hasPrefix(Self.forEachPrefix) ? nil : $0 }, path)
    }

    // MARK: Transform

    /// The `Transform` value of the processed template: without `AWS::LanguageExtensions` unless
    /// something is left for it; nil when nothing is left.
    private func keptTransform(_ node: NodeID) -> ExtendedValue? {
        if partial { return .read(node, tree) }
        switch ExtendedValue.read(node, tree) {
        case .list(let names, let range):
            let kept = names.filter { $0.text != Template.languageExtensions }
            return kept.isEmpty ? nil : .list(kept, range)
        case let value:
            return value.text == Template.languageExtensions ? nil : value
        }
    }

    private func entryIndex(of section: String) -> Int {
        tree.entries(template.root).firstIndex { tree.scalar($0.key, equals: section) } ?? 0
    }
}
