import CFNLoader

/// Reads a `.cfn-lambda.yaml` node tree into a `Configuration`, reporting every part that does not
/// fit and keeping every part that does.
struct ConfigurationParser {
    static let topLevelKeys = ["rules", "defaults", "ignore", "exclude"]
    static let ruleKeys = ["disable", "severity"]
    static let defaultKeys = ["region", "accountId", "stackName", "parameters"]

    let tree: NodeTree
    var configuration = Configuration()
    var findings: [Finding] = []

    static func parse(_ bytes: [UInt8]) -> (Configuration, [Finding]) {
        let loaded = YAMLLoader.load(bytes)
        // An empty file, or one with only comments, is an empty configuration.
        let loaderFindings = loaded.diagnostics.filter { $0.kind != .empty }.map { diagnostic in
            Finding(LoaderRules.descriptor(for: diagnostic.kind), diagnostic.message, at: diagnostic.range)
        }
        guard let tree = loaded.tree, let root = tree.root else { return (Configuration(), loaderFindings) }
        var parser = ConfigurationParser(tree: tree)
        parser.readRoot(root)
        return (parser.configuration, loaderFindings + parser.findings)
    }

    mutating func readRoot(_ root: NodeID) {
        guard let entries = mapping(root, named: "the configuration", path: [], expecting: Self.topLevelKeys) else { return }
        for entry in entries {
            let key = tree.string(entry.key) ?? ""
            switch key {
            case "rules": readRules(entry.value)
            case "defaults": readDefaults(entry.value)
            case "ignore": configuration.disabledRules.formUnion(ruleList(entry.value, path: ["ignore"]))
            case "exclude": configuration.excludes = globList(entry.value)
            default: unknownKey(entry.key, in: "the configuration", path: [], expecting: Self.topLevelKeys)
            }
        }
    }

    mutating func readRules(_ node: NodeID) {
        guard let entries = mapping(node, named: "rules", path: ["rules"], expecting: Self.ruleKeys) else { return }
        for entry in entries {
            let key = tree.string(entry.key) ?? ""
            switch key {
            case "disable": configuration.disabledRules.formUnion(ruleList(entry.value, path: ["rules", "disable"]))
            case "severity": readSeverities(entry.value)
            default: unknownKey(entry.key, in: "rules", path: ["rules"], expecting: Self.ruleKeys)
            }
        }
    }

    mutating func readSeverities(_ node: NodeID) {
        let path = ["rules", "severity"]
        guard let entries = mapping(node, named: "rules.severity", path: path, expecting: nil) else { return }
        for entry in entries {
            let rule = tree.string(entry.key) ?? ""
            let known = isKnown(rule, at: entry.key, in: "rules.severity", path: path + [rule])
            let value = tree.nonNullString(entry.value)
            guard let severity = value.flatMap(Severity.init(rawValue:)) else {
                let shown = value.map { "'\($0)'" } ?? tree.describe(entry.value)
                findings.append(Finding(ConfigurationRules.invalid,
                                        "severity of '\(rule)' is \(shown); expected error, warning or info",
                                        at: tree.range(entry.value), path: path + [rule]))
                continue
            }
            if known { configuration.severityOverrides[rule] = severity }
        }
    }

    mutating func readDefaults(_ node: NodeID) {
        let path = ["defaults"]
        guard let entries = mapping(node, named: "defaults", path: path, expecting: Self.defaultKeys) else { return }
        for entry in entries {
            let key = tree.string(entry.key) ?? ""
            switch key {
            case "region": configuration.defaults.region = string(entry.value, named: "defaults.region", path: path + [key])
            case "stackName": configuration.defaults.stackName = string(entry.value, named: "defaults.stackName", path: path + [key])
            case "accountId":
                guard let id = string(entry.value, named: "defaults.accountId", path: path + [key]) else { continue }
                guard id.utf8.count == 12, id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    findings.append(Finding(ConfigurationRules.invalid, "defaults.accountId '\(id)' is not 12 digits",
                                            at: tree.range(entry.value), path: path + [key]))
                    continue
                }
                configuration.defaults.accountId = id
            case "parameters": readParameters(entry.value)
            default: unknownKey(entry.key, in: "defaults", path: path, expecting: Self.defaultKeys)
            }
        }
    }

    mutating func readParameters(_ node: NodeID) {
        let path = ["defaults", "parameters"]
        guard let entries = mapping(node, named: "defaults.parameters", path: path, expecting: nil) else { return }
        for entry in entries {
            let name = tree.string(entry.key) ?? ""
            guard tree.kind(entry.value) == .scalar else {
                findings.append(Finding(ConfigurationRules.invalid,
                                        "parameter '\(name)' must be a string, not \(tree.describe(entry.value)); write a list as 'a,b'",
                                        at: tree.range(entry.value), path: path + [name]))
                continue
            }
            configuration.defaults.parameters[name] = tree.nonNullString(entry.value) ?? ""
        }
    }

    // MARK: Shapes

    /// The entries of a mapping; nil, with a finding, for anything else. Null is an empty mapping.
    mutating func mapping(_ node: NodeID, named name: String, path: [String], expecting keys: [String]?) -> MappingEntries? {
        if tree.isNull(node) { return nil }
        guard tree.kind(node) == .mapping else {
            let with = keys.map { " with \(Self.list($0))" } ?? ""
            findings.append(Finding(ConfigurationRules.invalid,
                                    "\(name) must be a mapping\(with), not \(tree.describe(node))",
                                    at: tree.range(node), path: path))
            return nil
        }
        return tree.entries(node)
    }

    /// The known rule ids of a list; a finding for each entry that is not a string or not a rule.
    mutating func ruleList(_ node: NodeID, path: [String]) -> [String] {
        let name = path.joined(separator: ".")
        if tree.isNull(node) { return [] }
        guard tree.kind(node) == .sequence else {
            findings.append(Finding(ConfigurationRules.invalid, "\(name) must be a list of rule ids, not \(tree.describe(node))",
                                    at: tree.range(node), path: path))
            return []
        }
        var rules: [String] = []
        for (index, element) in tree.elements(node).enumerated() {
            guard tree.kind(element) == .scalar, let rule = tree.nonNullString(element) else {
                findings.append(Finding(ConfigurationRules.invalid,
                                        "entries of \(name) must be rule ids, not \(tree.describe(element))",
                                        at: tree.range(element), path: path + [String(index)]))
                continue
            }
            if isKnown(rule, at: element, in: name, path: path + [String(index)]) { rules.append(rule) }
        }
        return rules
    }

    /// `exclude`: globs of paths a folder walk skips.
    mutating func globList(_ node: NodeID) -> [String] {
        if tree.isNull(node) { return [] }
        guard tree.kind(node) == .sequence else {
            findings.append(Finding(ConfigurationRules.invalid, "exclude must be a list of globs such as 'cdk.out/**', not \(tree.describe(node))",
                                    at: tree.range(node), path: ["exclude"]))
            return []
        }
        var globs: [String] = []
        for (index, element) in tree.elements(node).enumerated() {
            guard tree.kind(element) == .scalar, let glob = tree.nonNullString(element) else {
                findings.append(Finding(ConfigurationRules.invalid, "entries of exclude must be globs, not \(tree.describe(element))",
                                        at: tree.range(element), path: ["exclude", String(index)]))
                continue
            }
            globs.append(glob)
        }
        return globs
    }

    /// Whether a rule id is in `RuleCatalog`; a `config.unknown-rule` finding when it is not.
    mutating func isKnown(_ rule: String, at node: NodeID, in name: String, path: [String]) -> Bool {
        if RuleCatalog.descriptor(rule) != nil { return true }
        let hint = Suggestion.hint(for: rule, among: RuleCatalog.all.map(\.id))
        findings.append(Finding(ConfigurationRules.unknownRule, "\(name) names unknown rule '\(rule)'\(hint)",
                                at: tree.range(node), path: path))
        return false
    }

    /// A string value; nil for null, and nil with a finding for anything but a scalar.
    mutating func string(_ node: NodeID, named name: String, path: [String]) -> String? {
        guard tree.kind(node) == .scalar else {
            findings.append(Finding(ConfigurationRules.invalid, "\(name) must be a string, not \(tree.describe(node))",
                                    at: tree.range(node), path: path))
            return nil
        }
        return tree.nonNullString(node)
    }

    mutating func unknownKey(_ key: NodeID, in name: String, path: [String], expecting keys: [String]) {
        let text = tree.string(key) ?? ""
        findings.append(Finding(ConfigurationRules.invalid,
                                "unknown key '\(text)' in \(name)\(Suggestion.hint(for: text, among: keys)); expected \(Self.list(keys))",
                                at: tree.range(key), path: path + [text]))
    }

    /// "a, b or c".
    static func list(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
