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

    /// A report about any input file (a parameters or configuration file), located in its bytes.
    public init(file: String, bytes: [UInt8], findings: [Finding]) {
        self.init(file: file, source: SourceText(bytes: bytes), findings: findings)
    }

    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }
}
