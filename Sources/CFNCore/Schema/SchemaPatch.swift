import Foundation

/// A documented fix for a defect of a vendored schema: why, on what authority, and the RFC 6902
/// operations. The patches live in `schemas/patches.json` and are applied when a schema is loaded.
public struct SchemaPatch: Sendable, Hashable {
    public let id: String
    public let resourceType: String
    public let reason: String
    public let source: String
    public let patch: JSONPatch

    public init(id: String, resourceType: String, reason: String, source: String, patch: JSONPatch) {
        self.id = id
        self.resourceType = resourceType
        self.reason = reason
        self.source = source
        self.patch = patch
    }

    /// Reads `patches.json`: `{"patches": {"AWS::Type": [{"id", "reason", "source", "operations"}]}}`,
    /// sorted by type, in file order within a type. Every patch must give its reason and source.
    public static func parseFile(_ data: Data) throws -> [SchemaPatch] {
        try parse(JSONValue(data: data))
    }

    /// The same from the file's content as a value.
    public static func parse(_ document: JSONValue) throws -> [SchemaPatch] {
        guard let byType = document["patches"]?.object else {
            throw JSONPatch.Failure("patches.json has no \"patches\" object")
        }
        var patches: [SchemaPatch] = []
        for (type, list) in byType.sorted(by: { $0.key < $1.key }) {
            guard let list = list.array else { throw JSONPatch.Failure("patches for \(type) are not an array") }
            for entry in list {
                guard let id = entry["id"]?.string, let reason = entry["reason"]?.string, !reason.isEmpty,
                      let source = entry["source"]?.string, !source.isEmpty, let operations = entry["operations"] else {
                    throw JSONPatch.Failure("a patch for \(type) lacks id, reason, source or operations")
                }
                patches.append(SchemaPatch(id: id, resourceType: type, reason: reason, source: source,
                                           patch: try JSONPatch(json: operations)))
            }
        }
        return patches
    }
}
