extension Template {
    /// The names the `Transform` section lists (one name or a list of them); `?` for an entry that
    /// is not a name (a macro with parameters), so that it still counts as a transform.
    public var transforms: [String] {
        guard let node = section(.transform) else { return [] }
        return tree.kind(node) == .sequence ? tree.elements(node).map { tree.string($0) ?? "?" } : [tree.string(node) ?? "?"]
    }

    /// The transform that adds `Fn::FindInMap` defaults, `Fn::Length`, `Fn::ToJsonString` and `Fn::ForEach`.
    public static let languageExtensions = "AWS::LanguageExtensions"
}
