import CFNLoader

/// A connector profile's values with their `%{…}` variables replaced (`profile_replace` in
/// samtranslator/model/connector_profiles/profile.py): a string that is one variable becomes its
/// value, one that contains variables an `Fn::Sub` of them.
enum SAMConnectorProfile {
    struct Missing: Error { let message: String }

    static func value(_ json: JSONValue, _ replacements: [(name: String, value: SAMValue?)], at range: SourceRange) throws -> SAMValue {
        switch json {
        case .null: return .scalar("null", isString: false, at: range)
        case .bool(let flag): return .bool(flag, at: range)
        case .number(let number): return .scalar(JSONValue.format(number), isString: false, at: range)
        case .string(let text): return try string(text, replacements, at: range)
        case .array(let elements): return .list(try elements.map { try value($0, replacements, at: range) }, at: range)
        case .object(let members):
            // The profile file's key order is not kept by `JSONValue`: sorted, for a stable output.
            return .map(try members.keys.sorted().map { SAMEntry($0, try value(members[$0] ?? .null, replacements, at: range), keyRange: range) }, at: range)
        }
    }

    private static func string(_ text: String, _ replacements: [(name: String, value: SAMValue?)], at range: SourceRange) throws -> SAMValue {
        var text = text
        var variables: [SAMEntry] = []
        for (name, value) in replacements {
            let pattern = "%{\(name)}"
            guard text.contains(pattern) else { continue }
            guard let value else { throw Missing(message: "\(name) is missing.") }
            if text == pattern { return value }
            // `Fn::Sub` variable names are alphanumeric.
            let variable = String(name.filter { $0.isLetter || $0.isNumber })
            text = text.replacingOccurrences(of: pattern, with: "${\(variable)}")
            variables.append(SAMEntry(variable, value, keyRange: range))
        }
        guard let open = text.range(of: "${"), text[open.upperBound...].dropFirst().contains("}") else { return .string(text, at: range) }
        if variables.isEmpty { return .sub(text, at: range) }
        return .intrinsic(.sub, .list([.string(text, at: range), .map(variables, at: range)], at: range), at: range)
    }
}
