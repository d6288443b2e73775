import Foundation

/// Reads the files named on the command line, expanding directories.
struct TemplateFiles {
    struct File {
        let path: String
        let bytes: [UInt8]
    }

    var readable: [File] = []
    var unreadable: [String] = []

    static let extensions: Set<String> = ["yaml", "yml", "json", "template"]

    static func collect(_ paths: [String]) -> TemplateFiles {
        var result = TemplateFiles()
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.unreadable.append("\(path): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                for file in templatesInDirectory(path) where seen.insert(file).inserted {
                    if let bytes = read(file), looksLikeTemplate(bytes) {
                        result.readable.append(File(path: file, bytes: bytes))
                    }
                }
            } else if seen.insert(path).inserted {
                if let bytes = read(path) {
                    result.readable.append(File(path: path, bytes: bytes))
                } else {
                    result.unreadable.append("\(path): cannot be read")
                }
            }
        }
        return result
    }

    static func read(_ path: String) -> [UInt8]? {
        guard FileManager.default.isReadableFile(atPath: path),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    static func templatesInDirectory(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
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
