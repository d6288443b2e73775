import CFNLoader

/// Decides what CloudFormation will do to each resource: create, update, replace, delete or none,
/// with the property paths that cause it, why, and whether each forces replacement.
///
/// Values are compared after resolution, so intrinsic forms, key order, comments and layout are no
/// change, and lists AWS treats as sets compare as sets. Replacement comes from the registry
/// schemas' `createOnlyProperties`; a replaced resource's new physical ID or ARN ripples to the
/// resources that reference it.
public struct ResourcePlanner: Sendable {
    public let base: ResolvedTemplate?
    public let head: ResolvedTemplate
    /// Whether the files at local code paths changed (`LocalCodeChanges`).
    public var localCode = LocalCodeComparison()

    public init(base: ResolvedTemplate?, head: ResolvedTemplate) {
        self.base = base
        self.head = head
    }

    /// Property names whose change replaces the resource, by type (registry schemas'
    /// createOnlyProperties; for the shipped types read from the schema, else none).
    public static func createOnlyProperties(of type: String) -> Set<String> {
        topLevelProperties(of: type, listedIn: "createOnlyProperties")
    }

    /// Property names CloudFormation updates when it can and replaces the resource for otherwise
    /// (the schema's `conditionalCreateOnlyProperties`: the Function's `DurableConfig`). Adding or
    /// removing one replaces; changing it may.
    public static func conditionalCreateOnlyProperties(of type: String) -> Set<String> {
        topLevelProperties(of: type, listedIn: "conditionalCreateOnlyProperties")
    }

    static func topLevelProperties(of type: String, listedIn list: String) -> Set<String> {
        guard let schema = SchemaLibrary.shared.schema(forType: type) else { return [] }
        let pointers = schema.member(list)?.array ?? []
        return Set(pointers.compactMap { pointer -> String? in
            guard let text = pointer.string, text.hasPrefix("/properties/") else { return nil }
            return text.dropFirst("/properties/".count).split(separator: "/").first.map(String.init)
        })
    }

    public func changes() -> [ResourceChange] {
        let baseIds = Set(base?.template.resources.map(\.logicalId) ?? [])
        let headIds = Set(head.template.resources.map(\.logicalId))
        var changes: [String: ResourceChange] = [:]
        // Read from the schema once per type, not once per resource.
        var createOnlyByType: [String: Set<String>] = [:]
        let createOnly = { (type: String) -> Set<String> in
            if let known = createOnlyByType[type] { return known }
            let properties = Self.createOnlyProperties(of: type)
            createOnlyByType[type] = properties
            return properties
        }
        for id in baseIds.union(headIds) {
            changes[id] = change(of: id, createOnly: createOnly)
        }
        if let base { LocalCodeChanges(base: base, head: head, comparison: localCode).mark(&changes, planner: self) }
        ripple(&changes)
        return locate(changes.values.sorted { $0.logicalId < $1.logicalId })
    }

    // MARK: One resource

    func change(of id: String, createOnly createOnlyOf: (String) -> Set<String> = Self.createOnlyProperties(of:)) -> ResourceChange {
        // A resource whose condition is known to be false is not in that stack.
        let before = base.flatMap { base in base.template.resource(named: id).flatMap { base.mayExist($0) ? $0 : nil } }
        let after = head.template.resource(named: id).flatMap { head.mayExist($0) ? $0 : nil }
        if before == nil, after == nil {
            let type = head.template.resource(named: id)?.type ?? base?.template.resource(named: id)?.type ?? "?"
            return ResourceChange(logicalId: id, type: type, action: .none)
        }
        guard let after else {
            let type = before?.type ?? "?"
            return ResourceChange(logicalId: id, type: type, action: .delete,
                                  conditional: before.map { !(base?.guardOf($0).isAlways ?? true) } ?? false)
        }
        let type = after.type ?? "?"
        let conditional = !head.guardOf(after).isAlways
        guard let before, let base else {
            return ResourceChange(logicalId: id, type: type, action: .create, conditional: conditional)
        }
        if before.type != after.type {
            return ResourceChange(logicalId: id, type: type, action: .replace, conditional: conditional, causes: ["Type"],
                                  details: [ChangeDetail(path: "Type", before: before.type.map(PlanValue.string),
                                                         after: after.type.map(PlanValue.string), reason: .direct,
                                                         requiresReplacement: .always)])
        }
        let createOnly = createOnlyOf(type)
        let conditionallyCreateOnly = type == LambdaFunction.type ? Self.conditionalCreateOnlyProperties(of: type) : []
        var details: [ChangeDetail] = []
        let sameSource: (Resolved, Resolved) -> Bool = { left, right in
            guard let leftNode = left.node, let rightNode = right.node else { return true }
            return base.tree.isEquivalent(leftNode, to: rightNode, in: head.tree)
        }
        for difference in PropertyDiff.differences(base.properties[id], head.properties[id], sameSource: sameSource) {
            let path = difference.path.joined(separator: "/")
            let unknown = (difference.before.map(Self.containsUnknown) ?? false) || (difference.after.map(Self.containsUnknown) ?? false)
            var replacement: ChangeDetail.Replacement = difference.path.first.map(createOnly.contains) == true
                ? (unknown ? .conditional : .always) : .never
            if let name = difference.path.first, conditionallyCreateOnly.contains(name) {
                let addedOrRemoved = difference.path.count == 1 && (difference.before == nil || difference.after == nil)
                replacement = addedOrRemoved && !unknown ? .always : .conditional
            }
            details.append(ChangeDetail(path: path, before: PlanValue(difference.before, path: path),
                                        after: PlanValue(difference.after, path: path),
                                        reason: reason(difference, before, after), requiresReplacement: replacement,
                                        range: difference.after?.node.map(head.tree.range)))
        }
        if !details.isEmpty, let detail = updatePolicyDetail(before, after, base: base) { details.append(detail) }
        return summarize(id: id, type: type, conditional: conditional, details: details)
    }

    func summarize(id: String, type: String, conditional: Bool, details: [ChangeDetail]) -> ResourceChange {
        guard !details.isEmpty else { return ResourceChange(logicalId: id, type: type, action: .none, conditional: conditional) }
        let replaces = details.contains { $0.requiresReplacement != .never }
        let onlyConditionally = replaces && !details.contains { $0.requiresReplacement == .always }
        return ResourceChange(logicalId: id, type: type, action: replaces ? .replace : .update,
                              conditional: conditional || onlyConditionally,
                              causes: details.map(\.path).sorted(), details: details.sorted { $0.path < $1.path })
    }

    static func containsUnknown(_ value: Resolved) -> Bool {
        switch value.kind {
        case .unknown: return true
        case .scalar, .noValue: return false
        case .list(let elements): return elements.contains(where: containsUnknown)
        case .map(let entries): return entries.contains { containsUnknown($0.value) }
        case .choice(_, let then, let otherwise): return containsUnknown(then) || containsUnknown(otherwise)
        }
    }

    // MARK: Ripple

    /// A replaced resource gets a new physical ID (a replaced layer version a new version ARN):
    /// resources that reference it are updated, or replaced where the reference is create-only.
    /// Repeats until nothing more changes.
    func ripple(_ changes: inout [String: ResourceChange]) {
        let resources = head.template.resources
        // Each resource's references, found at the first wave, and by target the resources (by
        // index) that reference it: a wave visits only the resources that reference what it replaced.
        var referencesOf: [RuleContextCache.References] = []
        var referrers: [String: [Int]] = [:]
        var rippled: Set<String> = []
        while true {
            let replaced = Set(changes.values.filter { $0.action == .replace && !keepsPhysicalId($0.logicalId) }.map(\.logicalId))
                .subtracting(rippled)
            guard !replaced.isEmpty else { return }
            if rippled.isEmpty {
                referencesOf = resources.map { $0.properties.map(head.findResourceReferences(under:)) ?? [] }
                for (index, references) in referencesOf.enumerated() {
                    for target in Set(references.map(\.target)) { referrers[target, default: []].append(index) }
                }
            }
            rippled.formUnion(replaced)
            for index in Set(replaced.flatMap { referrers[$0] ?? [] }).sorted() {
                let resource = resources[index]
                guard var change = changes[resource.logicalId], change.action != .create, change.action != .delete else { continue }
                let createOnly = Self.createOnlyProperties(of: resource.type ?? "")
                var added = false
                let references = referencesOf[index].filter { replaced.contains($0.target) }
                // The property each reference is in, from the tree: a SAM-made resource's ranges
                // point into the SAM source, so a position would name the wrong property.
                let keyPaths = resource.properties.map { head.tree.keyPaths(to: Set(references.map(\.node)), under: $0) } ?? [:]
                for reference in references {
                    let path = (keyPaths[reference.node] ?? [])
                        .prefix(while: { !$0.hasPrefix("Fn::") && $0 != "Ref" && Int($0) == nil }).joined(separator: "/")
                    guard !path.isEmpty else { continue }
                    let replacement: ChangeDetail.Replacement = path.split(separator: "/").first.map { createOnly.contains(String($0)) } == true
                        ? .always : .never
                    if let index = change.details.firstIndex(where: { $0.path == path }) {
                        switch change.details[index].reason {
                        case .reference:
                            // A second replaced resource in a value already rippled: its part is new too.
                            if let after = change.details[index].after?.replacing(reference.target) {
                                change.details[index].after = after
                                added = true
                            }
                        case .parameter:
                            // The value resolved differently only because what it references is
                            // replaced (`!Ref Fn` once a generated name, now the FunctionName given):
                            // it changes for certain, by the replacement.
                            change.details[index].reason = .reference
                            change.details[index].requiresReplacement = replacement
                            change.details[index].referencedResource = reference.target
                            added = true
                        case .direct, .localCode:
                            break
                        }
                        continue
                    }
                    // The value as it is, with the parts that depend on the replaced resource new.
                    let before = PlanValue(head.properties[resource.logicalId].flatMap { Self.value(at: path, in: $0) }, path: path)
                    let after = before?.replacing(reference.target) ?? .replacement(of: reference.target)
                    change.details.append(ChangeDetail(path: path, before: before, after: after, reason: .reference,
                                                       requiresReplacement: replacement, referencedResource: reference.target,
                                                       range: reference.range))
                    added = true
                }
                if added {
                    // Conditional again only by the resource's own Condition or a detail still
                    // conditional: a create-only value the replacement now makes certain is not.
                    let summarized = summarize(id: change.logicalId, type: change.type, conditional: !head.guardOf(resource).isAlways,
                                               details: change.details)
                    change = summarized
                    changes[resource.logicalId] = change
                }
            }
        }
    }

    /// A function replaced with the same literal FunctionName keeps its name (and so its ARN): Ref
    /// and GetAtt of it do not change. (Replacing it fails, which the plan reports separately.)
    func keepsPhysicalId(_ id: String) -> Bool {
        guard let before = base?.template.resource(named: id), let after = head.template.resource(named: id),
              before.type == LambdaFunction.type, after.type == LambdaFunction.type,
              let old = base?.properties[id]?["FunctionName"]?.text, let new = head.properties[id]?["FunctionName"]?.text
        else { return false }
        return old == new
    }

    static func value(at path: String, in properties: Resolved) -> Resolved? {
        var current: Resolved? = properties
        for key in path.split(separator: "/") {
            current = current?[String(key)]
        }
        return current
    }
}
