import CFNLoader

/// A node tree written as JSON or YAML text, intrinsics in their long form
/// (`{"Fn::GetAtt": ["A", "Arn"]}`): what `expand` prints.
public enum TemplateText {
    public enum Format: Sendable {
        case json
        case yaml
    }

    public static func render(_ tree: NodeTree, format: Format) -> String {
        guard let root = tree.root else { return format == .json ? "{}\n" : "{}\n" }
        var out = ""
        switch format {
        case .json: json(root, tree, indent: "", into: &out)
        case .yaml: yaml(root, tree, indent: "", into: &out)
        }
        return out + "\n"
    }

    /// A plain scalar that JSON reads as a number, a boolean or null: written bare.
    static func isBare(_ text: String) -> Bool {
        if text == "true" || text == "false" || text == "null" { return true }
        var bytes = Array(text.utf8)[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return false }
        if first == 0x30, bytes.count > 1, bytes[bytes.startIndex + 1] != 0x2E, bytes[bytes.startIndex + 1] | 0x20 != 0x65 { return false }
        var seenDot = false
        var seenExponent = false
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39: break
            case 0x2E where !seenDot && !seenExponent && previous >= 0x30 && previous <= 0x39: seenDot = true
            case 0x65, 0x45:
                guard !seenExponent, previous >= 0x30, previous <= 0x39 else { return false }
                seenExponent = true
            // A sign only right after the exponent's `e`: `1+2` is a string, `1e+2` a number.
            case 0x2B where previous | 0x20 == 0x65, 0x2D where previous | 0x20 == 0x65: break
            default: return false
            }
            previous = byte
        }
        return previous >= 0x30 && previous <= 0x39
    }

    private static func scalarIsString(_ node: NodeID, _ tree: NodeTree) -> Bool {
        tree.isExplicitString(node) || !isBare(tree.string(node) ?? "")
    }

    // MARK: JSON

    private static func json(_ node: NodeID, _ tree: NodeTree, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch tree.kind(node) {
        case .scalar:
            let text = tree.string(node) ?? ""
            out += scalarIsString(node, tree) ? JSONText.quoted(text) : text
        case .sequence:
            let elements = tree.elements(node)
            guard !elements.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += inner
                json(element, tree, indent: inner, into: &out)
                out += index + 1 < elements.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .mapping:
            let entries = tree.entries(node)
            guard !entries.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, entry) in entries.enumerated() {
                out += inner + JSONText.quoted(tree.string(entry.key) ?? "") + ": "
                json(entry.value, tree, indent: inner, into: &out)
                out += index + 1 < entries.count ? ",\n" : "\n"
            }
            out += indent + "}"
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else { out += "null"; return }
            out += "{\n" + inner + JSONText.quoted(function.longName) + ": "
            json(argument, tree, indent: inner, into: &out)
            out += "\n" + indent + "}"
        }
    }

    // MARK: YAML

    /// Block YAML: every string is double-quoted unless it is plainly safe, so no reader retypes it.
    private static func yaml(_ node: NodeID, _ tree: NodeTree, indent: String, into out: inout String) {
        switch tree.kind(node) {
        case .scalar:
            out += yamlScalar(node, tree)
        case .sequence:
            let elements = tree.elements(node)
            guard !elements.isEmpty else { out += "[]"; return }
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "\n" + indent }
                out += "- "
                yamlNested(element, tree, indent: indent + "  ", inline: true, into: &out)
            }
        case .mapping:
            let entries = tree.entries(node)
            guard !entries.isEmpty else { out += "{}"; return }
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "\n" + indent }
                out += yamlKey(tree.string(entry.key) ?? "") + ":"
                yamlNested(entry.value, tree, indent: indent + "  ", inline: false, into: &out)
            }
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else { out += "null"; return }
            out += yamlKey(function.longName) + ":"
            yamlNested(argument, tree, indent: indent + "  ", inline: false, into: &out)
        }
    }

    /// A value after `key:` (`inline` false) or `- ` (`inline` true).
    private static func yamlNested(_ node: NodeID, _ tree: NodeTree, indent: String, inline: Bool, into out: inout String) {
        let kind = tree.kind(node)
        let isEmpty = (kind == .sequence || kind == .mapping) && tree.count(node) == 0
        if kind == .scalar || isEmpty {
            out += inline ? "" : " "
            yaml(node, tree, indent: indent, into: &out)
        } else if inline {
            yaml(node, tree, indent: indent, into: &out)
        } else {
            out += "\n" + indent
            yaml(node, tree, indent: indent, into: &out)
        }
    }

    private static func yamlScalar(_ node: NodeID, _ tree: NodeTree) -> String {
        let text = tree.string(node) ?? ""
        if !scalarIsString(node, tree) { return text }
        return isPlainSafe(text) ? text : JSONText.quoted(text)
    }

    private static func yamlKey(_ key: String) -> String {
        isPlainSafe(key) ? key : JSONText.quoted(key)
    }

    /// Text YAML reads back as the same string when written plain.
    private static func isPlainSafe(_ text: String) -> Bool {
        // A leading digit may read as a number, a date (2012-10-17) or a sexagesimal in YAML 1.1.
        guard let first = text.utf8.first, let last = text.utf8.last, first != 0x20, last != 0x20, !(first >= 0x30 && first <= 0x39)
        else { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        if reserved.contains(text.lowercased()) || isBare(text) || PythonValue.plain(text) != .string(text) { return false }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x3A || byte == 0x28 || byte == 0x29
                || byte == 0x20 || byte == 0x2C || byte == 0x2B || byte == 0x3D || byte == 0x40
        }
        guard allowed, !text.contains(": "), !text.hasSuffix(":"), !text.contains(" #") else { return false }
        return !"-:?,".utf8.contains(first)
    }
}
