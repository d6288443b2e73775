import CFNLoader

/// Validates templates. Pure: it takes bytes and returns reports; it never reads files or prints.
public struct Validator: Sendable {
    public var limits: LoaderLimits
    public var settings: ValidationSettings
    public var rules: [any TemplateRule]

    public init(limits: LoaderLimits = .default, settings: ValidationSettings = ValidationSettings(),
                rules: [any TemplateRule] = RuleRegistry.all) {
        self.limits = limits
        self.settings = settings
        self.rules = rules
    }

    public func validate(file: String, bytes: [UInt8]) -> FileReport {
        let loaded = LoadedTemplate(bytes: bytes, limits: limits)
        var findings = loaded.findings
        if let template = loaded.template, !rules.isEmpty {
            let context = RuleContext(template: template, settings: settings)
            for rule in rules {
                findings += rule.check(context)
            }
        }
        return FileReport(file: file, source: loaded.source, findings: findings)
    }
}
