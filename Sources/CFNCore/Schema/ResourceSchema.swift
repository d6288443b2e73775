import Foundation

/// A resource type's schema, patched and parsed: the `Properties` schema and its definitions.
public struct ResourceSchema: Sendable {
    public let typeName: String
    /// The schema document after the patches, decoded whole (the checks read only the parts they reach).
    public var document: JSONValue { parts.value }
    private let parts: SchemaDocument
    /// The schema of `Properties`.
    public let root: SchemaNode
    /// `#/definitions/<name>` targets, by name, every one built (`resolve` builds only those asked for).
    public var definitions: [String: SchemaNode] {
        lazyDefinitions.mapValues(\.node)
    }
    private let lazyDefinitions: [String: LazySchemaNode]
    /// The ids of the patches applied, in order.
    public let appliedPatches: [String]
    /// Patches that could not be applied (and so were not), as `id: why`.
    public let failedPatches: [String]
    /// `definitions` by the `$ref` that names them (`#/definitions/<name>`).
    private let definitionsByReference: NameTable<LazySchemaNode>
    /// The attributes `Fn::GetAtt` can read: the schema's `readOnlyProperties` as dotted paths
    /// (`/properties/SnapStartResponse/ApplyOn` is `SnapStartResponse.ApplyOn`).
    public let attributes: [String]

    /// Applies the patches for this type (each all or nothing) and reads the result.
    public init(typeName: String, document: JSONValue, patches: [SchemaPatch] = []) {
        self.init(typeName: typeName, parts: SchemaDocument(document), patches: patches)
    }

    /// The same from a packed document (a shipped schema), decoding only the parts that are read.
    public init(typeName: String, packed: PackedJSON, patches: [SchemaPatch] = []) {
        self.init(typeName: typeName, parts: SchemaDocument(packed), patches: patches)
    }

    private init(typeName: String, parts original: SchemaDocument, patches: [SchemaPatch]) {
        var document = original
        var applied: [String] = []
        var failed: [String] = []
        for patch in patches where patch.resourceType == typeName {
            do {
                try document.apply(patch.patch)
                applied.append(patch.id)
            } catch {
                failed.append("\(patch.id): \(error)")
            }
        }
        self.typeName = typeName
        self.parts = document
        self.root = SchemaNode(document.keywords)
        let definitions = document.definitionParts.mapValues(LazySchemaNode.init)
        lazyDefinitions = definitions
        self.definitionsByReference = NameTable(Dictionary(definitions.map { (Self.definitionPrefix + $0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
        self.appliedPatches = applied
        self.failedPatches = failed
        self.attributes = (document["readOnlyProperties"]?.array ?? []).compactMap { pointer in
            guard let text = pointer.string, text.hasPrefix("/properties/") else { return nil }
            return String(text.dropFirst("/properties/".count).map { $0 == "/" ? "." : $0 })
        }
    }

    /// A top-level member of the document (`createOnlyProperties`), decoded alone.
    public func member(_ name: String) -> JSONValue? {
        parts[name]
    }

    /// The target of a `$ref`; only local references to definitions (`#/definitions/Name`) exist
    /// in the shipped schemas.
    public func resolve(_ ref: String) -> SchemaNode? {
        definitionsByReference[ref]?.node
    }

    private static let definitionPrefix = "#/definitions/"

    /// Every `$ref` in the document that `resolve` cannot follow (none in the shipped schemas).
    public var unresolvedReferences: [String] {
        var refs: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    if key == "$ref", let ref = member.string { refs.append(ref) } else { collect(member) }
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(document)
        return refs.filter { resolve($0) == nil }
    }

    /// Patterns in the schema that do not compile (and so are not checked).
    public var invalidPatterns: [String] {
        root.invalidPatterns + definitions.sorted(by: { $0.key < $1.key }).flatMap(\.value.invalidPatterns)
    }
}
