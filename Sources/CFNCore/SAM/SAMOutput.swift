import CFNLoader

/// Writes the processed template: the source template's sections and resources, each SAM resource
/// replaced by what it became, `Globals` and the SAM transform dropped, and every reference to a
/// renamed resource (`MyLayer` → `MyLayer<hash>`) or derived one (`Fn.Alias`) rewritten, as the
/// translator's `resolve_sam_resource_id_refs` and `resolve_sam_resource_refs` do.
struct SAMOutput {
    let expander: SAMExpander
    private var builder = NodeTreeBuilder()
    /// The node made for each source node (by index; -1: none yet), so that shared nodes stay shared.
    private var copies: [Int32]
    /// Held, not read through `expander` on each use: reading it out of the class retains its arrays.
    private let tree: NodeTree

    init(expander: SAMExpander) {
        self.expander = expander
        tree = expander.template.tree
        copies = [Int32](repeating: -1, count: expander.template.tree.nodeCount)
    }

    /// The processed template and the findings of its structure (`TemplateParser`).
    func write() -> (template: Template?, findings: [Finding]) {
        var output = self
        return output.run()
    }

    private mutating func run() -> (template: Template?, findings: [Finding]) {
        let template = expander.template
        var entries: [(key: NodeID, value: NodeID)] = []
        for entry in tree.entries(template.root) {
            let key = tree.string(entry.key) ?? ""
            switch key {
            case "Globals":
                continue
            case Template.Section.transform.rawValue:
                // SAM resources left as written (of a type not expanded, or in error) still need it.
                let leftOver = template.resources.contains { $0.type?.hasPrefix("AWS::Serverless::") == true && expander.expansions[$0.logicalId] == nil }
                    || expander.expansions.values.contains { $0.contains { $0.type.hasPrefix("AWS::Serverless::") } }
                if leftOver || (expander.keepsTransformWhenPartial && expander.notes.contains { $0.rule == SAMRules.partlyExpanded.id }) {
                    entries.append((builder.copy(entry.key, from: tree), builder.copy(entry.value, from: tree)))
                    continue
                }
                let others = tree.kind(entry.value) == .sequence
                    ? tree.elements(entry.value).filter { !tree.scalar($0, equals: SAMTransform.name) } : []
                guard !others.isEmpty else { continue }
                entries.append((builder.copy(entry.key, from: tree),
                                builder.sequence(others.map { builder.copy($0, from: tree) }, at: tree.range(entry.value))))
            case Template.Section.resources.rawValue where tree.kind(entry.value) == .mapping:
                if template.section(.conditions) == nil, !expander.conditions.isEmpty {
                    let range = tree.range(entry.key)
                    entries.append((builder.scalar(Template.Section.conditions.rawValue, style: .plain, at: range), conditions(nil, at: range)))
                }
                entries.append((builder.copy(entry.key, from: tree), resources(entry.value)))
            case Template.Section.conditions.rawValue where tree.kind(entry.value) == .mapping && !expander.conditions.isEmpty:
                entries.append((builder.copy(entry.key, from: tree), conditions(entry.value, at: tree.range(entry.value))))
            default:
                entries.append((builder.copy(entry.key, from: tree), source(entry.value)))
            }
        }
        let root = builder.mapping(entries, at: tree.range(template.root))
        let parsed = TemplateParser.parse(builder.finish(root: root))
        return (parsed.template, parsed.findings)
    }

    /// The template's conditions, then those the transform adds (a name the template has keeps its own).
    private mutating func conditions(_ node: NodeID?, at range: SourceRange) -> NodeID {
        var entries: [(key: NodeID, value: NodeID)] = []
        var names: Set<String> = []
        if let node {
            for entry in tree.entries(node) {
                names.insert(tree.string(entry.key) ?? "")
                entries.append((builder.copy(entry.key, from: tree), source(entry.value)))
            }
        }
        for made in expander.conditions where !names.contains(made.key) {
            entries.append((builder.scalar(made.key, style: .plain, at: made.keyRange), value(made.value)))
        }
        return builder.mapping(entries, at: range)
    }

    private mutating func resources(_ node: NodeID) -> NodeID {
        var entries: [(key: NodeID, value: NodeID)] = []
        for entry in tree.entries(node) {
            if let logicalId = tree.string(entry.key), let edited = expander.editedResources[logicalId] {
                entries.append((builder.copy(entry.key, from: tree), value(edited.value)))
                continue
            }
            guard let logicalId = tree.string(entry.key), let generated = expander.expansions[logicalId] else {
                entries.append((builder.copy(entry.key, from: tree), resource(entry.value)))
                continue
            }
            let typeRange = tree.value(forKey: "Type", in: entry.value).map(tree.range) ?? tree.range(entry.key)
            for made in generated {
                entries.append((builder.scalar(made.logicalId, style: .plain, at: made.idRange), value(made.value(typeRange: typeRange))))
            }
        }
        return builder.mapping(entries, at: tree.range(node))
    }

    /// A resource written in the template, with `DependsOn` naming what a connector it names made.
    private mutating func resource(_ node: NodeID) -> NodeID {
        guard !expander.connectorIds.isEmpty, tree.kind(node) == .mapping, let dependsOn = tree.value(forKey: "DependsOn", in: node) else {
            return source(node)
        }
        var entries: [(key: NodeID, value: NodeID)] = []
        for entry in tree.entries(node) {
            let value = entry.value == dependsOn ? connectorDependsOn(dependsOn) : source(entry.value)
            entries.append((builder.copy(entry.key, from: tree), value))
        }
        return builder.mapping(entries, at: tree.range(node))
    }

    private mutating func connectorDependsOn(_ node: NodeID) -> NodeID {
        if tree.kind(node) == .sequence {
            var elements: [NodeID] = []
            for element in tree.elements(node) { elements += connectorParts(element) ?? [dependsOnName(.node(element))] }
            return builder.sequence(elements, at: tree.range(node))
        }
        if let parts = connectorParts(node) { return builder.sequence(parts, at: tree.range(node)) }
        return dependsOn(.node(node))
    }

    /// A connector named in `DependsOn` stands for what it made (`replace_depends_on_logical_id`).
    private mutating func connectorParts(_ node: NodeID) -> [NodeID]? {
        guard let name = tree.string(node), let made = expander.connectorIds[name] else { return nil }
        return made.map { builder.string($0, at: tree.range(node)) }
    }

    /// The value of a `DependsOn` key, naming a renamed resource (a layer) by its new logical ID. The
    /// translator's `ResolveDependsOn` (samtranslator/utils/actions.py) does this in every mapping of
    /// the processed template with that key, to a string or to the strings of a list, and nothing else.
    private mutating func dependsOn(_ value: SAMValue) -> NodeID {
        let document = expander.document
        if renamedLayer(value) != nil { return dependsOnName(value) }
        guard let elements = document.elements(value), elements.contains(where: { renamedLayer($0) != nil }) else { return self.value(value) }
        return builder.sequence(elements.map { dependsOnName($0) }, at: document.range(value))
    }

    private mutating func dependsOnName(_ value: SAMValue) -> NodeID {
        guard let new = renamedLayer(value) else { return self.value(value) }
        return builder.string(new, at: expander.document.range(value))
    }

    /// The new logical ID of the resource a string names (a number, such as `123`, is no name to Python).
    private func renamedLayer(_ value: SAMValue) -> String? {
        guard !expander.renamed.isEmpty, let name = expander.document.text(value) else { return nil }
        return expander.renamed[name]
    }

    // MARK: Values

    /// A node of the source, copied with its range; references rewritten where needed.
    private mutating func source(_ node: NodeID) -> NodeID {
        if copies[Int(node.rawValue)] >= 0 { return NodeID(rawValue: copies[Int(node.rawValue)]) }
        let made: NodeID
        switch tree.kind(node) {
        case .scalar:
            made = builder.copy(node, from: tree)
        case .sequence:
            let elements = tree.elements(node).map { source($0) }
            made = builder.sequence(elements, at: tree.range(node))
        case .mapping:
            let renames = !expander.renamed.isEmpty
            let entries = tree.entries(node).map { entry in
                (key: builder.copy(entry.key, from: tree),
                 value: renames && tree.scalar(entry.key, equals: "DependsOn") ? dependsOn(.node(entry.value)) : source(entry.value))
            }
            made = builder.mapping(entries, at: tree.range(node))
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else { return builder.copy(node, from: tree) }
            made = intrinsic(function, .node(argument), at: tree.range(node))
        }
        copies[Int(node.rawValue)] = made.rawValue
        return made
    }

    private mutating func value(_ value: SAMValue) -> NodeID {
        switch value {
        case .node(let node): return source(node)
        case .scalar(let text, let isString, let range):
            return builder.scalar(text, style: isString ? .doubleQuoted : .plain, at: range)
        case .list(let elements, let range):
            let made = elements.map { self.value($0) }
            return builder.sequence(made, at: range)
        case .map(let entries, let range):
            let made = entries.map { entry in
                (key: builder.scalar(entry.key, style: .plain, at: entry.keyRange),
                 value: entry.key == "DependsOn" ? dependsOn(entry.value) : self.value(entry.value))
            }
            return builder.mapping(made, at: range)
        case .intrinsic(let function, let argument, let range):
            return intrinsic(function, argument, at: range)
        }
    }

    /// An intrinsic, with `Ref`, `Fn::GetAtt` and `Fn::Sub` following renamed and derived resources.
    private mutating func intrinsic(_ function: IntrinsicFunction, _ argument: SAMValue, at range: SourceRange) -> NodeID {
        let document = expander.document
        if !expander.renamed.isEmpty || !expander.derived.isEmpty {
            switch function {
            case .ref:
                if let name = document.string(argument), let new = expander.renamed[name] ?? expander.derived[name] {
                    return builder.intrinsic(.ref, argument: builder.string(new, at: document.range(argument)), at: range)
                }
            case .getAtt:
                if let parts = document.elements(argument), parts.count == 2,
                   let resource = document.string(parts[0]), let attribute = document.string(parts[1]),
                   let (new, rest) = renamedAttribute(resource + "." + attribute) {
                    let argumentRange = document.range(argument)
                    let list = builder.sequence([builder.string(new, at: document.range(parts[0])),
                                                 builder.string(rest, at: document.range(parts[1]))], at: argumentRange)
                    return builder.intrinsic(.getAtt, argument: list, at: range)
                }
            case .sub:
                if let text = document.string(argument) {
                    return builder.intrinsic(.sub, argument: builder.string(renamedSub(text), at: document.range(argument)), at: range)
                }
                if var parts = document.elements(argument), let text = parts.first.flatMap(document.string) {
                    parts[0] = .string(renamedSub(text), at: document.range(parts[0]))
                    return builder.intrinsic(.sub, argument: value(.list(parts, at: document.range(argument))), at: range)
                }
            default:
                break
            }
        }
        return builder.intrinsic(function, argument: value(argument), at: range)
    }

    /// `Fn.Alias.Arn` → (`FnAliaslive`, `Arn`); `MyLayer.Arn` → (`MyLayer<hash>`, `Arn`).
    private func renamedAttribute(_ dotted: String) -> (String, String)? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        if let new = expander.renamed[parts[0]] { return (new, parts.dropFirst().joined(separator: ".")) }
        if parts.count >= 3, let new = expander.derived[parts[0] + "." + parts[1]] {
            return (new, parts.dropFirst(2).joined(separator: "."))
        }
        return nil
    }

    /// `${Fn.Alias}` and `${MyLayer}` in `Fn::Sub` text renamed.
    private func renamedSub(_ text: String) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let name = String(rest[open.upperBound..<close])
            var replaced = name
            if let new = expander.renamed[name] ?? expander.derived[name] {
                replaced = new
            } else if let (new, attribute) = renamedAttribute(name) {
                replaced = new + "." + attribute
            }
            result += "${" + replaced + "}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
