import CFNLoader

/// A parameters file, in either form the AWS tools use:
/// `[{"ParameterKey": "Stage", "ParameterValue": "prod"}, ...]` (CloudFormation's) or
/// `{"Stage": "prod", ...}` (a plain object). YAML works too. List values may be given as lists.
public enum ParameterFile {
    public static let invalid = RuleDescriptor(
        id: "parameters.invalid", severity: .error, summary: "A parameters file that cannot be read",
        explanation: "A parameters file is a list of {ParameterKey, ParameterValue} objects, as `aws cloudformation` takes, or an object from names to values.")

    /// The values, and findings (with locations in the parameters file) for anything unreadable.
    public static func parse(_ bytes: [UInt8]) -> (values: [String: String], findings: [Finding]) {
        let loaded = YAMLLoader.load(bytes)
        var findings = loaded.diagnostics.map { Finding(LoaderRules.descriptor(for: $0.kind), $0.message, at: $0.range) }
        guard let tree = loaded.tree, let root = tree.root else { return ([:], findings) }
        var values: [String: String] = [:]
        func text(_ node: NodeID) -> String? {
            if let scalar = tree.string(node) { return scalar }
            if tree.kind(node) == .sequence {
                let parts = tree.elements(node).compactMap { tree.string($0) }
                return parts.count == tree.elements(node).count ? parts.joined(separator: ",") : nil
            }
            return nil
        }
        func problem(_ message: String, _ node: NodeID) {
            findings.append(Finding(invalid, message, at: tree.range(node)))
        }
        switch tree.kind(root) {
        case .mapping:
            for entry in tree.entries(root) {
                guard let name = tree.string(entry.key) else { continue }
                guard let value = text(entry.value) else {
                    problem("value of parameter '\(name)' must be a string or a list of strings", entry.value)
                    continue
                }
                values[name] = value
            }
        case .sequence:
            for element in tree.elements(root) {
                guard tree.kind(element) == .mapping else {
                    problem("expected {\"ParameterKey\": ..., \"ParameterValue\": ...}", element)
                    continue
                }
                guard let keyNode = tree.value(forKey: "ParameterKey", in: element), let key = tree.string(keyNode) else {
                    problem("entry has no ParameterKey", element)
                    continue
                }
                if let previous = tree.value(forKey: "UsePreviousValue", in: element), tree.scalar(previous, equals: "true") {
                    continue  // the deployed value: not known here
                }
                guard let valueNode = tree.value(forKey: "ParameterValue", in: element), let value = text(valueNode) else {
                    problem("entry for '\(key)' has no ParameterValue", element)
                    continue
                }
                values[key] = value
            }
        default:
            problem("a parameters file is a list of {ParameterKey, ParameterValue} or an object of names to values", root)
        }
        return (values, findings)
    }
}
