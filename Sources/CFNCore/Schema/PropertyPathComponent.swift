/// A step from a resource's `Properties` to a value: a key or a list index.
enum PropertyPathComponent: Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    /// As a `Finding.path` component.
    var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

extension [PropertyPathComponent] {
    /// `MemorySize`, `Code.S3Bucket`, `Tags[1].Key`; `Properties` for the whole.
    var displayName: String {
        if isEmpty { return "Properties" }
        var name = ""
        for component in self {
            switch component {
            case .key(let key): name += name.isEmpty ? key : "." + key
            case .index(let index): name += "[\(index)]"
            }
        }
        return name
    }
}
