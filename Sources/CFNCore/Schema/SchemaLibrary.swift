import CFNSchemas
import Foundation

/// The shipped schemas, patched, parsed on first use and cached per type. Safe to use from many
/// threads at once: files are validated in parallel.
public final class SchemaLibrary: @unchecked Sendable {
    /// The schemas and patches shipped in the `CFNSchemas` bundle.
    public static let shared = SchemaLibrary()

    private let files: @Sendable (String) -> Data?
    /// The documented patches (`schemas/patches.json`).
    public let patches: [SchemaPatch]
    /// Why `patches.json` could not be read, if it could not (then no patch is applied).
    public let patchFileProblem: String?

    private let lock = NSLock()
    // Guarded by `lock`. A type maps to nil when it has no schema, or it does not parse.
    private var cache: [String: ResourceSchema?] = [:]

    /// `files` gives a type's schema document; `patches` is the content of a `patches.json`.
    public init(files: @escaping @Sendable (String) -> Data? = SchemaFiles.data(forType:),
                patches: Data? = SchemaFiles.patches) {
        self.files = files
        if let patches {
            do {
                self.patches = try SchemaPatch.parseFile(patches)
                self.patchFileProblem = nil
            } catch {
                self.patches = []
                self.patchFileProblem = "\(error)"
            }
        } else {
            self.patches = []
            self.patchFileProblem = "patches.json is missing"
        }
    }

    /// The schema of a resource type, or nil when none is shipped (such types are not judged).
    public func schema(forType type: String) -> ResourceSchema? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[type] { return cached }
        let schema = files(type).flatMap { try? JSONValue(data: $0) }.map {
            ResourceSchema(typeName: type, document: $0, patches: patches)
        }
        cache[type] = .some(schema)
        return schema
    }
}
