import CFNLoader

/// The translator's check of every logical ID its resource classes are given
/// (`Resource._validate_logical_id` in samtranslator/model/__init__.py): ASCII letters and digits
/// only, the length left to CloudFormation. A generated ID takes parts the user wrote (an event's
/// name, a connector's, a `QueueLogicalId`), so such a part can make the ID invalid.
enum SAMLogicalId {
    static func isAlphanumeric(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// The translator's error for `id`, made by `owner`, at the key that names the invalid part.
    static func check(_ id: String, at range: SourceRange, owner: String) throws {
        guard !isAlphanumeric(id) else { return }
        throw SAMError("Logical ids must be alphanumeric.", at: range, resource: id, owner: owner)
    }
}

extension SAMExpander {
    /// What is made with an ID the translator rejects, where no earlier check points at the part
    /// at fault: the error at the SAM resource, which then stays as written.
    func checkMadeLogicalIds() {
        for (samId, resources) in expansions.sorted(by: { $0.key < $1.key }) {
            guard let made = resources.first(where: { !SAMLogicalId.isAlphanumeric($0.logicalId) }) else { continue }
            // The translator fails on the connector's own ID (`<Resource><Connector>`) before it makes a policy.
            let named = connectorIds.filter { $0.value.contains(made.logicalId) }.map(\.key).min() ?? made.logicalId
            errors.append((named, SAMError("Logical ids must be alphanumeric.", at: made.idRange, owner: samId)))
            expansions[samId] = nil
        }
    }
}
