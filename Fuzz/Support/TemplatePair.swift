import CFNLoader

/// BASE and HEAD for the plan target, both derived from one fuzzer input, deterministically.
///
/// With a NUL byte in the input, BASE is what comes before the first one and HEAD what comes after.
/// Otherwise BASE is the input and HEAD the input with one edit, chosen by a hash of the input among:
/// renaming a resource (its logical ID gets a `Z` in front), dropping a resource, setting a value the
/// plan reads (Timeout, MemorySize, Code, VpcConfig, Layers, …) to another one, and setting any
/// scalar of a resource to another value. An input without a `Resources` mapping plans against itself.
/// The edits splice bytes at node ranges, so they work on block YAML, flow YAML and JSON alike; an edit
/// that leaves HEAD unreadable is a case too.
struct TemplatePair {
    let base: [UInt8]
    let head: [UInt8]
    /// What was done, for invariant messages.
    let edit: String

    /// Property names whose values the plan compares with meaning (replacement, storage, ENIs, layers).
    static let plannedKeys: Set<String> = [
        "Timeout", "MemorySize", "Code", "S3Bucket", "S3Key", "S3ObjectVersion", "S3ObjectStorageMode", "ZipFile",
        "ImageUri", "Content", "VpcConfig", "SubnetIds", "SecurityGroupIds", "Layers", "LayerVersionArn",
        "LayerName", "FunctionName", "Runtime", "Handler", "PackageType", "Architectures", "CompatibleRuntimes",
        "Size", "ReservedConcurrentExecutions", "DeletionPolicy", "UpdateReplacePolicy", "Condition", "Type",
    ]
    /// What an edited value becomes: numbers and double-quoted strings, valid in YAML and JSON.
    static let replacements = [
        "3", "900", "10240", "\"REFERENCE\"", "\"COPY\"", "\"sg-0fuzz\"", "\"subnet-0fuzz\"", "\"fuzz-bucket\"",
        "\"fuzz/code.zip\"", "\"python3.13\"", "\"nodejs16.x\"", "\"./src\"", "\"AWS::Lambda::LayerVersion\"", "\"\"",
    ]

    init(_ bytes: [UInt8]) {
        if let separator = bytes.firstIndex(of: 0) {
            base = Array(bytes[..<separator])
            head = Array(bytes[(separator + 1)...])
            edit = "split at byte \(separator)"
            return
        }
        base = bytes
        (head, edit) = Self.edited(bytes)
    }

    /// FNV-1a of the bytes: which edit, and where.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    static func edited(_ bytes: [UInt8]) -> (head: [UInt8], edit: String) {
        guard let tree = YAMLLoader.load(bytes).tree, let root = tree.root,
              let resources = tree.value(forKey: "Resources", in: root), tree.count(resources) > 0
        else { return (bytes, "none") }
        let entries = tree.entries(resources)
        guard !entries.isEmpty else { return (bytes, "none") }
        let selector = hash(bytes)
        let pick = Int(truncatingIfNeeded: (selector >> 2) & 0xFFFF_FFFF)
        let entry = entries[pick % entries.count]
        let name = tree.string(entry.key) ?? ""
        switch selector & 3 {
        case 0:
            return rename(bytes, key: tree.range(entry.key), name: name)
        case 1:
            return drop(bytes, from: tree.range(entry.key).start, to: tree.range(entry.value).end, name: name)
        default:
            let scalars = valueScalars(in: tree, entry.value)
            let planned = scalars.filter { plannedKeys.contains($0.key) }
            let candidates = selector & 3 == 2 && !planned.isEmpty ? planned : scalars
            guard !candidates.isEmpty else { return rename(bytes, key: tree.range(entry.key), name: name) }
            let chosen = candidates[(pick / entries.count) % candidates.count]
            let replacement = replacements[(pick / entries.count / candidates.count) % replacements.count]
            let range = tree.range(chosen.node)
            var head = bytes
            head.replaceSubrange(Int(range.start)..<Int(range.end), with: Array(replacement.utf8))
            return (head, "set \(name) \(chosen.key) at \(range.start) to \(replacement)")
        }
    }

    /// Puts `Z` in front of the logical ID (inside its quotes when it has them).
    static func rename(_ bytes: [UInt8], key: SourceRange, name: String) -> (head: [UInt8], edit: String) {
        var offset = Int(key.start)
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") { offset += 1 }
        var head = bytes
        head.insert(UInt8(ascii: "Z"), at: min(offset, head.count))
        return (head, "rename \(name)")
    }

    /// Removes a mapping entry, and the comma that separated it in flow style or JSON.
    static func drop(_ bytes: [UInt8], from start: UInt32, to end: UInt32, name: String) -> (head: [UInt8], edit: String) {
        var lower = Int(start)
        var upper = Int(end)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var after = upper
        while after < bytes.count, isSpace(bytes[after]) { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: ",") {
            upper = after + 1
        } else {
            var before = lower
            while before > 0, isSpace(bytes[before - 1]) { before -= 1 }
            if before > 0, bytes[before - 1] == UInt8(ascii: ",") { lower = before - 1 }
        }
        var head = bytes
        head.removeSubrange(lower..<max(lower, upper))
        return (head, "drop \(name)")
    }

    /// Every scalar value under `node` (not mapping keys), with the nearest mapping key above it;
    /// each node once (aliases share nodes).
    static func valueScalars(in tree: NodeTree, _ node: NodeID) -> [(node: NodeID, key: String)] {
        var found: [(node: NodeID, key: String)] = []
        var seen: Set<NodeID> = []
        var pending: [(node: NodeID, key: String)] = [(node, "")]
        while let (node, key) = pending.popLast() {
            guard seen.insert(node).inserted else { continue }
            switch tree.kind(node) {
            case .scalar:
                found.append((node, key))
            case .sequence:
                for element in tree.elements(node).reversed() { pending.append((element, key)) }
            case .mapping:
                for entry in tree.entries(node).reversed() { pending.append((entry.value, tree.string(entry.key) ?? key)) }
            case .intrinsic:
                if let (_, argument) = tree.intrinsic(node) { pending.append((argument, key)) }
            }
        }
        return found.sorted { $0.node < $1.node }
    }
}
