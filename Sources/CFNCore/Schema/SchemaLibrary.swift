import CFNSchemas
import Foundation

/// The shipped schemas, patched, read on first use and cached per type. Safe to use from many
/// threads at once: files are validated in parallel.
public final class SchemaLibrary: @unchecked Sendable {
    /// The schemas and patches compiled into the binary (`CFNSchemas`).
    public static let shared = SchemaLibrary()

    private let documents: @Sendable (String, [SchemaPatch]) -> ResourceSchema?
    /// The documented patches (`schemas/patches.json`).
    public let patches: [SchemaPatch]
    /// Why the patches could not be read, if they could not (then no patch is applied).
    public let patchFileProblem: String?

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
        do {
            self.patches = try patches.map(SchemaPatch.parseFile) ?? SchemaPatch.parse(PackedJSON(SchemaFiles.patches).value)
            self.patchFileProblem = nil
        } catch {
            self.patches = []
            self.patchFileProblem = "\(error)"
        }
    }

    /// The schema of a resource type, or nil when none is shipped (such types are not judged).
    public func schema(forType type: String) -> ResourceSchema? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[type] { return cached }
        let schema = documents(type, patches)
        cache[type] = .some(schema)
        return schema
    }
}
