import CFNCore
import Foundation

/// The size on disk of a `Code`/`Content` that names a local file or folder (a template before
/// `aws cloudformation package`): a file's bytes, or the sum of a folder's files. And the sizes of
/// a CDK asset: a zip's own size and the unzipped size its central directory declares, or a
/// folder's files and an estimate of the zip the CDK CLI will make of them.
enum LocalCodeSize {
    static func measure(_ path: String, relativeTo directory: String) -> Int64? {
        let full = resolve(path, relativeTo: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue { return fileSize(full) }
        return files(in: full)?.reduce(Int64(0)) { $0 + $1.size }
    }

    /// A CDK asset at `path` (relative to the template's folder), packaged as the manifest says or,
    /// without one, as found: a folder is zipped, a file uploaded as it is. Nil when it is missing.
    static func measureAsset(_ path: String, packaging: CDKAssetManifest.Packaging?, relativeTo directory: String) -> MeasuredAsset? {
        let full = resolve(path, relativeTo: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return nil }
        switch (packaging, isDirectory.boolValue) {
        case (.zipDirectory?, true), (nil, true): return folder(full)
        case (.file?, false), (nil, false): return file(full)
        default: return nil  // a folder to upload as a file, or a file to zip as a folder: not what CDK writes
        }
    }

    /// A file uploaded as it is: its size, and when it is a zip (a `.zip` or `.jar`), the unzipped size.
    static func file(_ path: String) -> MeasuredAsset? {
        guard let size = fileSize(path), let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let directory = ZipCentralDirectory.read(fileSize: size) { offset, count in
            guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.read(upToCount: count) else { return nil }
            return [UInt8](data)
        }
        return MeasuredAsset(packaging: .file, zippedBytes: size, unzippedBytes: directory?.unzippedBytes, entries: directory?.entries)
    }

    /// A folder the CDK CLI zips: every regular file, hidden ones included and symbolic links
    /// followed (cdk-assets globs `**` with `dot` and `follow`). The zip is estimated as the files
    /// deflated one by one plus what the archive adds for each: a local header (30 bytes and the
    /// name), a data descriptor (16) and a central directory header (46 and the name), and the end
    /// record (22) (PKWARE APPNOTE 4.3).
    static func folder(_ path: String) -> MeasuredAsset? {
        guard let entries = files(in: path) else { return nil }
        var unzipped: Int64 = 0
        var zipped: Int64 = 22
        for entry in entries {
            unzipped += entry.size
            guard let deflated = DeflatedSize.of(file: entry.path) else { return nil }
            zipped += 30 + 16 + 46 + 2 * Int64(entry.name.utf8.count) + deflated
        }
        return MeasuredAsset(packaging: .zipDirectory, zippedBytes: zipped, unzippedBytes: unzipped, zippedEstimated: true,
                             entries: Int64(entries.count))
    }

    /// The regular files below a folder, following symbolic links (a folder reached twice is walked
    /// once), sorted by their path relative to it; nil when the folder cannot be read.
    static func files(in root: String) -> [(name: String, path: String, size: Int64)]? {
        var result: [(name: String, path: String, size: Int64)] = []
        var visited = Set<String>()
        var pending = [(root, "")]
        while let (folder, prefix) = pending.popLast() {
            let real = (folder as NSString).resolvingSymlinksInPath
            guard visited.insert(real).inserted else { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                if folder == root { return nil }
                continue
            }
            for name in names {
                let full = (folder as NSString).appendingPathComponent(name)
                let relative = prefix + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append((full, relative + "/"))
                } else if let size = fileSize(full) {
                    result.append((relative, full, size))
                }
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    static func resolve(_ path: String, relativeTo directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// The size of the file a path names, following a symbolic link.
    private static func fileSize(_ path: String) -> Int64? {
        let target = (path as NSString).resolvingSymlinksInPath
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.int64Value
    }
}
