import CFNLoader

/// What `Analysis.drift` returns.
public struct DriftResult: Sendable {
    /// Nil when the template has no readable structure; `templateReport` says why.
    public let report: DriftReport?
    /// The template's text, where the items are located.
    public let templateSource: SourceText
    /// The template's load findings when it could not be read.
    public let templateReport: FileReport?
}
