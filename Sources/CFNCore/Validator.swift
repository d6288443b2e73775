import CFNLoader

/// Validates templates. Pure: it takes bytes and returns reports; it never reads files or prints.
public struct Validator: Sendable {
    public var limits: LoaderLimits

    public init(limits: LoaderLimits = .default) {
        self.limits = limits
    }

    public func validate(file: String, bytes: [UInt8]) -> FileReport {
        let loaded = LoadedTemplate(bytes: bytes, limits: limits)
        return FileReport(file: file, source: loaded.source, findings: loaded.findings)
    }
}
