/// Writes the state file (docs/state-file.md): keys it writes itself are sorted, responses are the
/// bytes the `aws` CLI printed, so the file is the same for the same answers and `capturedAt`.
struct SnapshotFileWriter {
    let target: SnapshotTarget
    let region: String?
    let capturedAt: String
    var cli: SnapshotCLIInfo?
    /// The single responses by member.
    var responses: [SnapshotMember: [UInt8]] = [:]
    /// The keyed responses by member and key.
    var keyedResponses: [SnapshotMember: [String: [UInt8]]] = [:]
    var problems: [SnapshotProblem] = []

    /// Byte order of the UTF-8 text: the one order of keys, whatever the locale.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }

    func render() -> [UInt8] {
        var out: [UInt8] = []
        func text(_ string: String) { out += Array(string.utf8) }
        text("{\n")
        if let cli {
            let reports = cli.reportsResolvedS3Object.map { $0 ? "true" : "false" } ?? "null"
            text("  \"awsCli\": {\"reportsResolvedS3Object\": \(reports), \"version\": \(cli.version.map(Self.quoted) ?? "null")},\n")
        }
        text("  \"capturedAt\": \(Self.quoted(capturedAt)),\n")
        text("  \"endpointUrl\": \(target.endpointURL.map(Self.quoted) ?? "null"),\n")
        text("  \"errors\": [")
        for (index, problem) in problems.enumerated() {
            text(index == 0 ? "\n    " : ",\n    ")
            var fields = ["\"call\": \(Self.quoted(problem.member.rawValue))"]
            if let code = problem.error.code { fields.append("\"code\": \(Self.quoted(code))") }
            fields.append("\"command\": \(Self.quoted(problem.command))")
            if let key = problem.key { fields.append("\"key\": \(Self.quoted(key))") }
            fields.append("\"message\": \(Self.quoted(problem.error.message))")
            text("{" + fields.joined(separator: ", ") + "}")
        }
        text(problems.isEmpty ? "],\n" : "\n  ],\n")
        text("  \"formatVersion\": \(ToolInfo.formatVersion),\n")
        text("  \"kind\": \"cfn-lambda-state\",\n")
        text("  \"region\": \(region.map(Self.quoted) ?? "null"),\n")
        text("  \"responses\": {")
        let members = SnapshotMember.allCases.sorted { Self.precedes($0.rawValue, $1.rawValue) }
        var first = true
        for member in members {
            var body: [UInt8] = []
            if member.isKeyed {
                let entries = keyedResponses[member] ?? [:]
                body += Array("{".utf8)
                for (index, key) in entries.keys.sorted(by: Self.precedes).enumerated() {
                    body += Array(((index == 0 ? "\n" : ",\n") + "      \(Self.quoted(key)): ").utf8)
                    body += entries[key] ?? []
                }
                body += Array((entries.isEmpty ? "}" : "\n    }").utf8)
            } else {
                guard let response = responses[member] else { continue }
                body = response
            }
            text(first ? "\n" : ",\n")
            first = false
            text("    \(Self.quoted(member.rawValue)): ")
            out += body
        }
        text(first ? "},\n" : "\n  },\n")
        text("  \"stack\": \(Self.quoted(target.stack)),\n")
        text("  \"tool\": {\"name\": \(Self.quoted(ToolInfo.name)), \"version\": \(Self.quoted(ToolInfo.version))}\n")
        text("}\n")
        return out
    }

    static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
