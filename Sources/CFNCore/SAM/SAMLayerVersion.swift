import CFNLoader

/// `AWS::Serverless::LayerVersion` → `AWS::Lambda::LayerVersion` under the translator's hashed
/// logical ID, with `RetentionPolicy` (default `Retain`) as its `DeletionPolicy`
/// (`SamLayerVersion` in samtranslator/model/sam_resources.py).
struct SAMLayerVersion {
    static let properties: Set<String> = [
        "LayerName", "Description", "PublishLambdaVersion", "ContentUri", "CompatibleArchitectures", "CompatibleRuntimes",
        "LicenseInfo", "RetentionPolicy",
    ]
    /// The order the translator lists them in when it hashes the resource.
    static let ordered = ["LayerName", "Description", "PublishLambdaVersion", "ContentUri", "CompatibleArchitectures",
                          "CompatibleRuntimes", "LicenseInfo", "RetentionPolicy"]

    /// A property as the hash reads it. A local `ContentUri` (`layer/`) is hashed as the S3
    /// location this expansion writes for it, so that the logical ID is the translator's for the
    /// template with that location, which is what `expand` prints.
    static func hashed(_ key: String, _ value: SAMValue, _ document: SAMDocument) -> PythonValue {
        if key == "ContentUri", let text = document.string(value), case .string = document.python(value), !text.contains("://") {
            return .string("s3://\(SAMCodeLocation.localBucket)/\(text)")
        }
        return document.python(value)
    }

    let expander: SAMExpander
    let resource: Resource
    var document: SAMDocument { expander.document }

    init(_ expander: SAMExpander, _ resource: Resource) {
        self.expander = expander
        self.resource = resource
    }

    func expand() throws -> [SAMResource] {
        let id = resource.logicalId
        let idRange = resource.idRange
        var properties = try expander.properties(of: resource, globals: "LayerVersion")
        let keyRange = { (key: String) in properties.entries.first { $0.key == key }?.keyRange ?? idRange }
        for entry in properties.entries where !Self.properties.contains(entry.key) {
            throw SAMError("property \(entry.key) not defined for resource of type AWS::Serverless::LayerVersion", at: entry.keyRange)
        }
        guard let content = properties["ContentUri"] else { throw SAMError("Missing required property 'ContentUri'.", at: idRange) }
        if let license = properties["LicenseInfo"], document.string(license) == nil, document.intrinsic(license) == nil {
            throw SAMError("Property 'LicenseInfo' should be a string.", at: keyRange("LicenseInfo"))
        }
        for key in ["LayerName", "LicenseInfo", "Description", "RetentionPolicy"] {
            guard let value = properties[key], document.isTruthy(value) else { continue }
            let resolved = expander.parameters.resolve(value, document)
            guard document.string(resolved) != nil || document.entries(resolved) != nil || document.intrinsic(resolved) != nil else {
                throw SAMError("Could not resolve parameter for '\(key)' or parameter is not a String.", at: keyRange(key))
            }
            properties.set(key, resolved)
        }
        var retention: String?
        if let policy = properties["RetentionPolicy"] {
            let options = "['Retain', 'Delete']"
            if document.intrinsic(policy) != nil {
                throw SAMError("'RetentionPolicy' does not accept intrinsic functions, please use one of the following options: \(options)",
                               at: keyRange("RetentionPolicy"))
            }
            guard let text = document.text(policy) else {
                throw SAMError("Invalid 'RetentionPolicy' type, please use one of the following options: \(options)", at: keyRange("RetentionPolicy"))
            }
            guard let option = ["Retain", "Delete"].first(where: { $0.lowercased() == text.lowercased() }) else {
                throw SAMError("'RetentionPolicy' must be one of the following options: \(options).", at: keyRange("RetentionPolicy"))
            }
            retention = option
        }

        // The hash covers the SAM resource as the translator holds it: Type, DependsOn, Condition,
        // UpdatePolicy and the properties, without DeletionPolicy, UpdateReplacePolicy and Metadata.
        var hashed: [(String, PythonValue)] = [("Type", .string("AWS::Serverless::LayerVersion"))]
        if let dependsOn = resource.node("DependsOn") { hashed.append(("DependsOn", document.python(.node(dependsOn)))) }
        for attribute in ["UpdatePolicy", "Condition"] {
            if let node = resource.node(attribute) { hashed.append((attribute, document.python(.node(node)))) }
        }
        hashed.append(("Properties", .dict(Self.ordered.compactMap { key in properties[key].map { (key, Self.hashed(key, $0, document)) } })))
        let newId = id + SHA1.hexDigest(PythonValue.dict([(id, .dict(hashed))]).compactSortedJSON).prefix(10)

        var layer = SAMResource(newId, "AWS::Lambda::LayerVersion", at: idRange)
        let attributeRange = { (name: String) in document.keyRange(name, in: .node(resource.node)) ?? idRange }
        for attribute in ["Condition", "DeletionPolicy", "UpdateReplacePolicy"] {
            if let node = resource.node(attribute) { layer.attributes.set(attribute, .node(node), keyRange: attributeRange(attribute)) }
        }
        if layer.attributes["DeletionPolicy"] == nil {
            layer.attributes.set("DeletionPolicy", .string("Retain", at: idRange), keyRange: idRange)
        }
        if let retention {
            layer.attributes.set("DeletionPolicy", .string(retention, at: properties["RetentionPolicy"].map(document.range) ?? idRange),
                                 keyRange: keyRange("RetentionPolicy"))
        }
        if let dependsOn = resource.node("DependsOn") { layer.attributes.set("DependsOn", .node(dependsOn), keyRange: attributeRange("DependsOn")) }
        let name = properties["LayerName"].flatMap { document.isTruthy($0) ? $0 : nil } ?? .string(id, at: idRange)
        layer.properties.set("LayerName", name, keyRange: keyRange("LayerName"))
        layer.properties.set("Description", properties["Description"], keyRange: keyRange("Description"))
        layer.properties.set("Content", try SAMCodeLocation.s3Object(content, property: "ContentUri", document, keyRange: keyRange("ContentUri")),
                             keyRange: keyRange("ContentUri"))
        if let architectures = properties["CompatibleArchitectures"] {
            for element in document.elements(architectures) ?? [] where document.intrinsic(element) == nil {
                let text = document.string(element)
                if text != "x86_64", text != "arm64" {
                    throw SAMError("CompatibleArchitectures needs to be a list of 'x86_64' or 'arm64'", at: document.range(element))
                }
            }
            layer.properties.set("CompatibleArchitectures", architectures, keyRange: keyRange("CompatibleArchitectures"))
        }
        layer.properties.set("CompatibleRuntimes", properties["CompatibleRuntimes"], keyRange: keyRange("CompatibleRuntimes"))
        layer.properties.set("LicenseInfo", properties["LicenseInfo"], keyRange: keyRange("LicenseInfo"))
        expander.renamed[id] = newId
        return [layer]
    }
}
