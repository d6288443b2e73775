import CFNSchemas
import Foundation

/// The data files as JSON, read from the repository's `schemas/` folder (the binary carries them
/// packed): what the packed form is compared with, and what tests that change a file start from.
enum ShippedJSON {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")

    /// A file by its path under `schemas/`, or nil when there is none.
    static func file(_ path: String) -> Data? {
        try? Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// The schema of a resource type as shipped, or nil when there is none.
    static func schema(forType type: String) -> Data? {
        SchemaFiles.path(forType: type).flatMap(file)
    }

    static var patches: Data? { file("patches.json") }
    static var runtimeLifecycle: Data? { file("lambda-runtime-lifecycle.json") }
}
