import CFNSchemas
import Foundation

/// The shipped schemas, patched, read on first use and cached per type. Safe to use from many
/// threads at once: files are validated in parallel.
public final class SchemaLibrary: @unchecked Sendable {
    /// The schemas and patches compiled into the binary (`CFNSchemas`).
    public static let shared = SchemaLibrary()

    private let documents: @Sendable (String, [SchemaPatch]) -> ResourceSchema?
    /// Patches given as JSON, read whole; nil for the shipped file, whose patches are read one
    /// type at a time, when that type's schema is first loaded.
    private let given: (patches: [SchemaPatch], problem: String?)?
    /// The shipped file read whole, when asked for.
    private static let shipped = read { try SchemaPatch.parse(PackedJSON(SchemaFiles.patches).value) }

    /// The documented patches (`schemas/patches.json`).
    public var patches: [SchemaPatch] { (given ?? Self.shipped).patches }
    /// Why the patches could not be read, if they could not (then no patch is applied).
    public var patchFileProblem: String? { (given ?? Self.shipped).problem }

    private let lock = NSLock()
    // Guarded by `lock`. A type maps to nil when it has no schema, or it does not parse.
    private var cache: [String: ResourceSchema?] = [:]

    /// `files` gives a type's schema document as JSON and `patches` is the content of a
    /// `patches.json` (a refreshed copy, a test's); nil means the shipped ones, which are read in
    /// their packed form, without parsing JSON.
    public init(files: (@Sendable (String) -> Data?)? = nil, patches: Data? = nil) {
        if let files {
            documents = { type, patches in
                files(type).flatMap { try? JSONValue(data: $0) }.map { ResourceSchema(typeName: type, document: $0, patches: patches) }
            }
        } else {
            documents = { type, patches in
                SchemaFiles.packed(forType: type).map { ResourceSchema(typeName: type, packed: PackedJSON($0), patches: patches) }
            }
        }
        given = patches.map { data in Self.read { try SchemaPatch.parseFile(data) } }
    }

    private static func read(_ parse: () throws -> [SchemaPatch]) -> (patches: [SchemaPatch], problem: String?) {
        do {
            return (try parse(), nil)
        } catch {
            return ([], "\(error)")
        }
    }

    /// A type's patches; of the shipped file, only that type's entry is decoded.
    private func patches(for type: String) -> [SchemaPatch] {
        if let given { return given.patches.filter { $0.resourceType == type } }
        guard let list = PackedJSON(SchemaFiles.patches)["patches"]?[type] else { return [] }
        return (try? SchemaPatch.parse(.object(["patches": .object([type: list.value])]))) ?? []
    }

    /// The schema of a resource type, or nil when none is shipped (such types are not judged).
    public func schema(forType type: String) -> ResourceSchema? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[type] { return cached }
        let schema = documents(type, patches(for: type))
        cache[type] = .some(schema)
        return schema
    }
}
