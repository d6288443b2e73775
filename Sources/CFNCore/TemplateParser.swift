import CFNLoader

/// Builds a `Template` from a loaded tree and reports what is wrong with its structure.
public enum TemplateParser {
    /// CloudFormation's limit on resources in one stack.
    public static let maxResources = 500
    public static let maxLogicalIdLength = 255

    public static func parse(_ tree: NodeTree) -> (template: Template?, findings: [Finding]) {
        guard let root = tree.root else { return (nil, []) }
        guard tree.kind(root) == .mapping else {
            let what = tree.kind(root) == .scalar ? "a single value" : tree.kind(root) == .sequence ? "a list" : "an intrinsic function"
            return (nil, [Finding(TemplateRules.notAMapping,
                                  "template is \(what); expected a mapping of sections such as Resources",
                                  at: tree.range(root))])
        }
        var findings: [Finding] = []
        var sections: [Template.Section: NodeID] = [:]
        // A transform (SAM's Globals, a macro's own sections) may consume sections CloudFormation does not know.
        let hasTransform = tree.value(forKey: Template.Section.transform.rawValue, in: root) != nil
        for entry in tree.entries(root) {
            let name = tree.string(entry.key) ?? ""
            guard let section = Template.Section(rawValue: name) else {
                if hasTransform { continue }
                findings.append(Finding(TemplateRules.unknownSection,
                                        "unknown top-level section '\(name)'\(suggestion(for: name))",
                                        at: tree.range(entry.key), path: [name]))
                continue
            }
            sections[section] = entry.value
            checkSectionKind(section, entry.value, tree, &findings)
        }
        var resources: [Resource] = []
        if let node = sections[.resources], tree.kind(node) == .mapping {
            resources = parseResources(node, tree, &findings)
        }
        if sections[.resources] == nil {
            findings.append(Finding(TemplateRules.missingResources, "template has no Resources section",
                                    at: SourceRange(start: tree.range(root).start, end: tree.range(root).start)))
        } else if let node = sections[.resources], tree.kind(node) == .mapping, tree.count(node) == 0 {
            findings.append(Finding(TemplateRules.missingResources, "Resources declares no resource",
                                    at: tree.range(node), path: ["Resources"]))
        }
        return (Template(tree: tree, root: root, sections: sections, resources: resources), findings)
    }

    private static func checkSectionKind(_ section: Template.Section, _ node: NodeID, _ tree: NodeTree,
                                         _ findings: inout [Finding]) {
        let kind = tree.kind(node)
        switch section {
        case .formatVersion:
            if !tree.scalar(node, equals: "2010-09-09") {
                let shown = tree.string(node).map { "'\($0)'" } ?? "not a string"
                findings.append(Finding(TemplateRules.formatVersion,
                                        "AWSTemplateFormatVersion is \(shown); the only valid version is '2010-09-09'",
                                        at: tree.range(node), path: [section.rawValue]))
            }
        case .description:
            if kind != .scalar {
                findings.append(Finding(TemplateRules.sectionType, "Description must be a string",
                                        at: tree.range(node), path: [section.rawValue]))
            }
        case .transform:
            let valid = kind == .scalar || kind == .mapping
                || (kind == .sequence && tree.elements(node).allSatisfy { tree.kind($0) != .sequence })
            if !valid {
                findings.append(Finding(TemplateRules.sectionType,
                                        "Transform must be a macro name, a list of them, or a mapping",
                                        at: tree.range(node), path: [section.rawValue]))
            }
        case .metadata, .parameters, .rules, .mappings, .conditions, .resources, .outputs, .hooks:
            if kind != .mapping {
                findings.append(Finding(TemplateRules.sectionType,
                                        "\(section.rawValue) must be a mapping, not \(describe(kind))",
                                        at: tree.range(node), path: [section.rawValue]))
            }
        }
    }

    private static func parseResources(_ node: NodeID, _ tree: NodeTree, _ findings: inout [Finding]) -> [Resource] {
        let entries = tree.entries(node)
        if entries.count > maxResources, let extra = entries.dropFirst(maxResources).first {
            findings.append(Finding(TemplateRules.tooManyResources,
                                    "template declares \(entries.count) resources; CloudFormation allows at most \(maxResources) (the 501st is here)",
                                    at: tree.range(extra.key), path: ["Resources"]))
        }
        var resources: [Resource] = []
        resources.reserveCapacity(entries.count)
        for entry in entries {
            let logicalId = tree.string(entry.key) ?? ""
            let idRange = tree.range(entry.key)
            if !isValidLogicalId(logicalId) {
                let reason = logicalId.isEmpty ? "is empty"
                    : logicalId.utf8.count > maxLogicalIdLength ? "is \(logicalId.utf8.count) characters long (at most \(maxLogicalIdLength))"
                    : "has characters other than ASCII letters and digits"
                findings.append(Finding(TemplateRules.invalidLogicalId, "logical ID '\(logicalId)' \(reason)",
                                        at: idRange, resource: logicalId, path: ["Resources", logicalId]))
            }
            guard tree.kind(entry.value) == .mapping else {
                findings.append(Finding(TemplateRules.notAMappingResource,
                                        "resource '\(logicalId)' is \(describe(tree.kind(entry.value))); expected a mapping with Type and Properties",
                                        at: tree.range(entry.value), resource: logicalId, path: ["Resources", logicalId]))
                continue
            }
            resources.append(parseResource(logicalId, idRange, entry.value, tree, position: resources.count, &findings))
        }
        return resources
    }

    static func parseResource(_ logicalId: String, _ idRange: SourceRange, _ node: NodeID, _ tree: NodeTree,
                              position: Int, _ findings: inout [Finding]) -> Resource {
        // By `Attribute.ordinal`; a key written twice keeps its last value, as a mapping's key does.
        var attributes = [NodeID?](repeating: nil, count: Resource.Attribute.allCases.count)
        var unknown: [(String, SourceRange)] = []
        for entry in tree.entries(node) {
            if let bytes = tree.bytes(entry.key), let attribute = Resource.Attribute(utf8: bytes) {
                attributes[attribute.ordinal] = entry.value
            } else {
                unknown.append((tree.string(entry.key) ?? "", tree.range(entry.key)))
            }
        }
        var type: String?
        if let typeNode = attributes[Resource.Attribute.type.ordinal] {
            if tree.kind(typeNode) == .scalar, let text = tree.string(typeNode), !text.isEmpty {
                type = text
            } else {
                findings.append(Finding(TemplateRules.invalidType, "Type of '\(logicalId)' must be a non-empty string",
                                        at: tree.range(typeNode), resource: logicalId, path: ["Resources", logicalId, "Type"]))
            }
        } else {
            findings.append(Finding(TemplateRules.missingType, "resource '\(logicalId)' has no Type",
                                    at: idRange, resource: logicalId, path: ["Resources", logicalId]))
        }
        for (name, range) in unknown {
            findings.append(Finding(TemplateRules.unknownAttribute,
                                    "'\(name)' is not a resource attribute\(name.first?.isUppercase == true && attributes[Resource.Attribute.properties.ordinal] != nil ? " (a property belongs under Properties)" : "")",
                                    at: range, resource: logicalId, resourceType: type, path: ["Resources", logicalId, name]))
        }
        if let properties = attributes[Resource.Attribute.properties.ordinal] {
            let kind = tree.kind(properties)
            let isIf = tree.intrinsic(properties)?.function == .if
            if kind != .mapping, !isIf {
                findings.append(Finding(TemplateRules.propertiesNotMapping,
                                        "Properties of '\(logicalId)' must be a mapping, not \(describe(kind))",
                                        at: tree.range(properties), resource: logicalId, resourceType: type,
                                        path: ["Resources", logicalId, "Properties"]))
            }
        }
        return Resource(logicalId: logicalId, idRange: idRange, node: node, type: type, attributeNodes: attributes, position: position)
    }

    static func isValidLogicalId(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard !utf8.isEmpty, utf8.count <= maxLogicalIdLength else { return false }
        return utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    static func describe(_ kind: NodeKind) -> String {
        switch kind {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .intrinsic: "an intrinsic function"
        }
    }

    /// " (did you mean 'Resources'?)" for a section name that differs only in case or by one edit
    /// (two for names of six letters or more).
    static func suggestion(for name: String) -> String {
        let lowered = name.lowercased()
        for section in Template.Section.allCases {
            let candidate = section.rawValue.lowercased()
            let limit = lowered.count < 6 ? 1 : 2
            if candidate == lowered || editDistance(Array(candidate.utf8), Array(lowered.utf8), limit: limit) <= limit {
                return " (did you mean '\(section.rawValue)'?)"
            }
        }
        return ""
    }

    /// The Levenshtein distance between `a` and `b` when it is at most `limit`, and `limit + 1`
    /// otherwise. Only the cells within `limit` of the diagonal are computed, and it stops as soon
    /// as a whole row is over the limit: O(length × limit), so that suggesting names for many
    /// misspelt references among many long logical IDs stays fast.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        let over = limit + 1
        guard limit >= 0, abs(a.count - b.count) <= limit else { return over }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        // Row i holds the distances between a[..<i] and b[..<j]; cells outside the band are `over`.
        var previous = (0...b.count).map { min($0, over) }
        var current = [Int](repeating: over, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, over) : over
            var rowMinimum = current[low - 1]
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let value = min(previous[j] + 1, current[j - 1] + 1, substitution, over)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = over }
            if rowMinimum > limit { return over }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
