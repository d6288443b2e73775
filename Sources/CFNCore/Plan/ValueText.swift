/// The canonical text of a resolved value, for comparing two templates and for showing values.
///
/// Known values are compact JSON (plain scalars that read as numbers or booleans bare, other text
/// quoted); unknown values read `(known after deploy: …)` with what they depend on; an `Fn::If`
/// whose condition is not known reads `(if C then … else …)`. Lists that AWS treats as sets are
/// sorted, so reordering them is no change.
enum ValueText {
    /// Property paths (below Properties, `/`-joined) whose lists are sets in AWS.
    static let setPaths: Set<String> = ["VpcConfig/SecurityGroupIds", "VpcConfig/SubnetIds", "Architectures"]

    static func render(_ value: Resolved?, path: String = "") -> String? {
        guard let value else { return nil }
        switch value.kind {
        case .scalar(let text, let isString):
            if !isString, text == "true" || text == "false" || Double(text) != nil { return text }
            return JSONText.quoted(text)
        case .list(let elements):
            var parts = elements.map { render($0, path: path) ?? "null" }
            if setPaths.contains(path) { parts.sort() }
            return "[" + parts.joined(separator: ",") + "]"
        case .map(let entries):
            let parts = entries.sorted { $0.key < $1.key }.map { entry in
                JSONText.quoted(entry.key) + ":" + (render(entry.value, path: path.isEmpty ? entry.key : path + "/" + entry.key) ?? "null")
            }
            return "{" + parts.joined(separator: ",") + "}"
        case .unknown(let why):
            let on = why.dependsOn.isEmpty ? why.reason : why.dependsOn.sorted().joined(separator: ", ")
            return "(known after deploy: \(on))"
        case .noValue:
            return nil
        case .choice(let condition, let then, let otherwise):
            return "(if \(condition) then \(render(then, path: path) ?? "absent") else \(render(otherwise, path: path) ?? "absent"))"
        }
    }
}
