import CFNLoader

/// The result of validating one file: its findings in source order, and the text to locate them in.
public struct FileReport: Sendable {
    /// The path as the user gave it.
    public let file: String
    public let source: SourceText
    public let findings: [Finding]

    public init(file: String, source: SourceText, findings: [Finding]) {
        self.file = file
        self.source = source
        self.findings = findings.sorted(by: Finding.sourceOrder)
    }

    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }
}
