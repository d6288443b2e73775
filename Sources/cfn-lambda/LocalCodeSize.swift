import CFNCore
import Foundation

/// The sizes of local code: a `Code`/`Content`/`CodeUri` that names a local file or folder (a
/// template before `aws cloudformation package` or `sam package`, or after `sam build`), and a CDK
/// asset. A zip's own size and the unzipped size its central directory declares; a folder's files
/// and an estimate of the zip that will be made of them.
enum LocalCodeSize {
    /// A path as the packagers upload Lambda code: a folder zipped, a zip or jar as it is, another
    /// file zipped alone (the AWS CLI's `cloudformation package` zips a Lambda code file that is
    /// not a zip; `sam package` does the same). Nil when it is missing or cannot be read.
    static func measure(_ path: String, relativeTo directory: String) -> MeasuredAsset? {
        let full = resolve(path, relativeTo: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return folder(full) }
        guard fileSize(full) != nil else { return nil }
        if let zip = file(full), zip.unzippedBytes != nil { return zip }
        guard let size = fileSize(full), let deflated = DeflatedSize.of(file: full) else { return nil }
        let name = Int64(PathText.lastComponent(of: full).utf8.count)
        return MeasuredAsset(packaging: .zipDirectory, zippedBytes: zipOverhead(nameBytes: name) + deflated + 22,
                             unzippedBytes: size, zippedEstimated: true, entries: 1)
    }

    /// What a zip adds for one entry besides its data: a local header (30 bytes and the name), a
    /// data descriptor (16) and a central directory header (46 and the name) (PKWARE APPNOTE 4.3).
    static func zipOverhead(nameBytes: Int64) -> Int64 { 30 + 16 + 46 + 2 * nameBytes }

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

    /// A folder the CDK CLI (or a packager) zips: every regular file, hidden ones included and
    /// symbolic links followed (cdk-assets globs `**` with `dot` and `follow`). The zip is estimated
    /// as the files deflated one by one plus what the archive adds for each (`zipOverhead`) and the
    /// end record (22 bytes).
    static func folder(_ path: String) -> MeasuredAsset? {
        guard let entries = files(in: path) else { return nil }
        var unzipped: Int64 = 0
        var zipped: Int64 = 22
        for entry in entries {
            unzipped += entry.size
            guard let deflated = DeflatedSize.of(file: entry.path) else { return nil }
            zipped += zipOverhead(nameBytes: Int64(entry.name.utf8.count)) + deflated
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

    /// The size of the regular file a path names, following a symbolic link; nil for anything else,
    /// so that a device (`/dev/zero`) or a FIFO is never read: the packagers upload files only.
    private static func fileSize(_ path: String) -> Int64? {
        let target = (path as NSString).resolvingSymlinksInPath
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.int64Value
    }
}
