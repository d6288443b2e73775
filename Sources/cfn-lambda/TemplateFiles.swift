import CFNReporters
import Foundation

/// Reads the inputs named on the command line: files, streams (`-` for standard input, `/dev/fd/N`
/// from process substitution, FIFOs) and folders, which are searched for templates.
struct TemplateFiles {
    struct File {
        let path: String
        let bytes: [UInt8]
    }

    var readable: [File] = []
    var unreadable: [UnreadableInput] = []

    static let extensions: Set<String> = ["yaml", "yml", "json", "template"]
    /// Folders a search never enters, besides hidden ones: dependencies, not the project's templates.
    static let skippedFolders: Set<String> = ["node_modules"]

    /// `stdinName` names standard input (`-`) in locations. `excludes` are globs a folder search skips.
    /// `onlyTemplates` skips named files that do not look like templates, as a folder search does.
    static func collect(_ paths: [String], excludes: [String] = [], stdinName: String? = nil, onlyTemplates: Bool = false) -> TemplateFiles {
        var result = TemplateFiles()
        var seen = Set<String>()
        for path in paths {
            if path == "-" {
                let name = InputOptions.name(of: path, stdinName: stdinName)
                guard seen.insert(name).inserted else { continue }
                if let bytes = read(path) {
                    result.readable.append(File(path: name, bytes: bytes))
                } else {
                    result.unreadable.append(UnreadableInput(file: name, reason: "standard input cannot be read"))
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.unreadable.append(UnreadableInput(file: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                for file in templatesInDirectory(path, excludes: excludes) where seen.insert(file).inserted {
                    if let bytes = read(file) {
                        if looksLikeTemplate(bytes) { result.readable.append(File(path: file, bytes: bytes)) }
                    } else {
                        result.unreadable.append(UnreadableInput(file: file, reason: "cannot be read"))
                    }
                }
            } else if seen.insert(path).inserted {
                if let bytes = read(path) {
                    if !onlyTemplates || looksLikeTemplate(bytes) { result.readable.append(File(path: path, bytes: bytes)) }
                } else {
                    result.unreadable.append(UnreadableInput(file: path, reason: "cannot be read"))
                }
            }
        }
        return result
    }

    /// Why nothing was checked, when nothing was: the run then exits 66.
    func nothingToCheck(_ paths: [String]) -> String? {
        guard readable.isEmpty else { return nil }
        if !unreadable.isEmpty { return "no input could be read" }
        return "no template found in \(paths.joined(separator: ", ")): a folder is searched for *.yaml, *.yml, *.json and "
            + "*.template files that mention Resources or AWSTemplateFormatVersion, skipping node_modules, hidden "
            + "folders and --exclude globs"
    }

    /// The whole content of a file or stream; `-` is standard input (read once, then remembered).
    static func read(_ path: String) -> [UInt8]? {
        if path == "-" { return StandardInput.bytes }
        // A FileHandle reads pipes and FIFOs to their end, where FileManager.contents reads only regular files.
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return readToEnd(handle)
    }

    /// Nil when reading fails (a folder); an empty stream is no bytes.
    static func readToEnd(_ handle: FileHandle) -> [UInt8]? {
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            return nil
        }
    }

    static func templatesInDirectory(_ directory: String, excludes: [String] = []) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = PathText.lastComponent(of: relative)
            let isFolder = enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory
            if name.hasPrefix(".") || (isFolder && skippedFolders.contains(name))
                || excludes.contains(where: { Glob.matches($0, path: relative, name: name) }) {
                if isFolder { enumerator.skipDescendants() }
                continue
            }
            guard !isFolder, extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    /// Files found by walking a directory are checked only when they mention a template section,
    /// so package.json or tsconfig.json beside the templates are skipped, and so are the state
    /// files of `cfn-lambda snapshot` (which hold a template as a string).
    static func looksLikeTemplate(_ bytes: [UInt8]) -> Bool {
        (contains(bytes, "Resources") || contains(bytes, "AWSTemplateFormatVersion")) && !contains(bytes, "\"cfn-lambda-state\"")
    }

    private static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// Standard input, read to its end the first time a command asks for `-`.
private enum StandardInput {
    static let bytes: [UInt8]? = TemplateFiles.readToEnd(.standardInput)
}

/// `--exclude` and `exclude:` globs (fnmatch: `*` also crosses `/`): a glob matches a path below the
/// searched folder (`cdk.out/*`) or the name of a file or folder at any depth (`node_modules`, `*.test.yaml`).
enum Glob {
    static func matches(_ glob: String, path: String, name: String) -> Bool {
        let glob = glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob
        let trimmed = glob.hasSuffix("/") ? String(glob.dropLast()) : glob
        return fnmatch(trimmed, path, 0) == 0 || fnmatch(trimmed, name, 0) == 0
    }
}
