import CFNLoader

/// Validates templates. Pure: it takes bytes and returns reports; it never reads files or prints.
public struct Validator: Sendable {
    public var limits: LoaderLimits
    /// Rules to drop and severities to change; the template's own `cfn-lambda` Metadata applies as well.
    public var configuration: Configuration

    public init(limits: LoaderLimits = .default, configuration: Configuration = .empty) {
        self.limits = limits
        self.configuration = configuration
    }

    public func validate(file: String, bytes: [UInt8]) -> FileReport {
        let loaded = LoadedTemplate(bytes: bytes, limits: limits)
        let findings = Suppressions.apply(loaded.findings, template: loaded.template, configuration: configuration)
        return FileReport(file: file, source: loaded.source, findings: findings)
    }
}
