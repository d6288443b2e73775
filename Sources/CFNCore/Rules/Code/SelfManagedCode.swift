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
    /// only by presence.
    static func all(in context: RuleContext, valued: Set<String> = []) -> [SelfManagedCode] {
        let keys: [(String, KeyCombination.Mode)] = [
            ("S3ObjectStorageMode", .value), ("ZipFile", .presence), ("ImageUri", .presence),
            ("S3Bucket", valued.contains("S3Bucket") ? .value : .presence),
            ("S3Key", valued.contains("S3Key") ? .value : .presence), ("S3ObjectVersion", .presence),
        ]
        let owners = context.lambda.functions.map { ($0.resource, "Code") } + context.lambda.layerVersions.map { ($0.resource, "Content") }
        var result: [SelfManagedCode] = []
        for (resource, property) in owners.sorted(by: { $0.0.idRange < $1.0.idRange }) {
            // Every combination's values are taken from the resolved Properties: without the text
            // REFERENCE anywhere in them, none is self-managed (most functions: not worth expanding).
            guard let properties = context.properties[resource.logicalId], properties.contains(text: "REFERENCE") else { continue }
            for (_, code) in KeyCombination.nested(property, of: resource, keys: keys, in: context) {
                guard let mode = code["S3ObjectStorageMode"], mode.text == "REFERENCE" else { continue }
                result.append(SelfManagedCode(resource: resource, property: property, code: code, storageMode: mode))
            }
        }
        return result
    }
}
