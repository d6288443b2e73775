import Foundation

/// The size on disk of a `Code`/`Content` that names a local file or folder (a template before
/// `aws cloudformation package`): a file's bytes, or the sum of a folder's files.
enum LocalCodeSize {
    static func measure(_ path: String, relativeTo directory: String) -> Int64? {
        let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue { return fileSize(full) }
        guard let enumerator = FileManager.default.enumerator(atPath: full) else { return nil }
        var total: Int64 = 0
        while let relative = enumerator.nextObject() as? String {
            let file = (full as NSString).appendingPathComponent(relative)
            var nested: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &nested), !nested.boolValue {
                total += fileSize(file) ?? 0
            }
        }
        return total
    }

    private static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.int64Value
    }
}
