extension Configuration {
    /// The nearest `.cfn-lambda.yaml`: in `directory`, else in its parent, and so on up to the root.
    ///
    /// Pure: `fileExists` answers for the file system, and the walk is over the path's text (give an
    /// absolute, standardized path to walk up to `/`). A relative path is walked up to its first
    /// component and then the current directory (`.cfn-lambda.yaml`); the walk stops at a `..`,
    /// whose parent it cannot know. Returns the path as built from `directory`, or nil.
    public static func locate(startingAt directory: String, fileExists: (String) -> Bool) -> String? {
        let isAbsolute = directory.hasPrefix("/")
        var components = directory.split(separator: "/").filter { $0 != "." }
        while true {
            let candidate: String
            if components.isEmpty {
                candidate = isAbsolute ? "/" + fileName : fileName
            } else {
                candidate = (isAbsolute ? "/" : "") + components.joined(separator: "/") + "/" + fileName
            }
            if fileExists(candidate) { return candidate }
            guard let last = components.popLast(), last != ".." else { return nil }
        }
    }
}
