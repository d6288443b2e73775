import CFNLoader

/// Code a function or layer keeps in self-managed S3 storage (`S3ObjectStorageMode: REFERENCE` in
/// `Code` or `Content`), in one combination of its `Fn::If` choices.
struct SelfManagedCode {
    let resource: Resource
    /// `Code` for a function, `Content` for a layer version.
    let property: String
    /// The code mapping's keys in this combination.
    let code: KeyCombination
    /// `S3ObjectStorageMode`, known to be `REFERENCE`.
    let storageMode: Resolved

    var guardCondition: Guard { code.guardCondition }
    var bucket: Resolved? { code["S3Bucket"] }
    var key: Resolved? { code["S3Key"] }
    /// The code is a .zip in S3: no ZipFile, no ImageUri.
    var isInS3: Bool { code["ZipFile"] == nil && code["ImageUri"] == nil }

    /// A path below the resource for a key of the code mapping.
    func path(_ key: String) -> [String] { ["Properties", property, key] }

    /// What the resource is, for messages: "function Fn" or "layer Layer".
    var what: String { (resource.type == LambdaLayerVersion.type ? "layer " : "function ") + resource.logicalId }

    /// Every combination, over all functions and layer versions, where the storage mode is known to
    /// be REFERENCE. `valued` keys (of S3Bucket and S3Key) split combinations by value; the others
    /// only by presence. Five rules ask, with three sets of `valued` keys: each answer is computed
    /// once per context.
    static func all(in context: RuleContext, valued: Set<String> = []) -> [SelfManagedCode] {
        if let known = context.cache.selfManagedCode(valued: valued) { return known }
        let result = find(in: context, valued: valued)
        context.cache.store(result, valued: valued)
        return result
    }

    private static func find(in context: RuleContext, valued: Set<String>) -> [SelfManagedCode] {
        let keys: [(String, KeyCombination.Mode)] = [
            ("S3ObjectStorageMode", .value), ("ZipFile", .presence), ("ImageUri", .presence),
            ("S3Bucket", valued.contains("S3Bucket") ? .value : .presence),
            ("S3Key", valued.contains("S3Key") ? .value : .presence), ("S3ObjectVersion", .presence),
        ]
        var result: [SelfManagedCode] = []
        for (resource, property) in owners(in: context) {
            for (_, code) in KeyCombination.nested(property, of: resource, keys: keys, in: context) {
                guard let mode = code["S3ObjectStorageMode"], mode.text == "REFERENCE" else { continue }
                result.append(SelfManagedCode(resource: resource, property: property, code: code, storageMode: mode))
            }
        }
        return result
    }

    /// The functions and layer versions that may keep code in self-managed storage, in source order.
    /// Every combination's values are taken from the resolved `Code` (or `Content`): without the
    /// text REFERENCE anywhere in it, none is self-managed (most functions: not worth expanding).
    /// Properties that are themselves a choice are searched whole.
    private static func owners(in context: RuleContext) -> [(resource: Resource, property: String)] {
        if let known = context.cache.selfManagedOwners { return known }
        func mayBeSelfManaged(_ resource: Resource, _ property: String) -> Bool {
            guard let properties = context.guardAndProperties(of: resource).properties else { return false }
            guard let entries = properties.entries else { return properties.contains(text: "REFERENCE") }
            return entries.contains { $0.key == property && $0.value.contains(text: "REFERENCE") }
        }
        // Filtered, then put in source order: the few that remain, not every function, are sorted.
        let functions = context.lambda.functions.lazy.filter { mayBeSelfManaged($0.resource, "Code") }.map { ($0.resource, "Code") }
        let layers = context.lambda.layerVersions.lazy.filter { mayBeSelfManaged($0.resource, "Content") }.map { ($0.resource, "Content") }
        let result = (Array(functions) + Array(layers)).sorted(by: { $0.0.idRange < $1.0.idRange })
        context.cache.selfManagedOwners = result
        return result
    }
}
