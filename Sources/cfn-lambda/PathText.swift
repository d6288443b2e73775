/// File paths split by hand. swift-corelibs-foundation's `NSString.deletingLastPathComponent`
/// crashes (an illegal instruction) on a one-character path such as `a` or `-`, which users pass
/// as file names and as standard input.
enum PathText {
    /// The folder of a path, as `NSString.deletingLastPathComponent` gives it: "" for a bare name,
    /// "/" for a name at the root; trailing slashes do not count.
    static func directory(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return folder.isEmpty ? "/" : folder
    }

    /// The last component of a path ("b" of "a/b/"), "/" for the root.
    static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let name = trimmed[trimmed.index(after: slash)...]
        return name.isEmpty ? "/" : String(name)
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
