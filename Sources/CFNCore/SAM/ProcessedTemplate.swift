import CFNLoader

/// A file's template as CloudFormation processes it: loaded, with the language extensions applied
/// and the SAM transform expanded when it declares them. What `expand` prints.
public struct ProcessedTemplate: Sendable {
    public let source: SourceText
    /// The processed tree; nil when loading or the transform failed with an error.
    public let tree: NodeTree?
    /// Errors of loading and of the transform, and what the transform leaves unexpanded.
    public let findings: [Finding]

    public init(bytes: [UInt8], settings: ValidationSettings) {
        let loaded = LoadedTemplate(bytes: bytes)
        source = loaded.source
        // What stops a template loading stops the transform; findings on the SAM template's own
        // structure (a `Connectors` attribute, `Globals`) are the transform's to judge.
        let loaderRules = Set(LoaderRules.all.map(\.id))
        let loadErrors = loaded.findings.filter { $0.severity == .error && loaderRules.contains($0.rule) }
        guard var template = loaded.template, loadErrors.isEmpty else {
            tree = nil
            findings = loadErrors
            return
        }
        // The language extensions first, as CloudFormation applies them before SAM.
        var extensionFindings: [Finding] = []
        if LanguageExtensionsTransform.isDeclared(in: template) {
            let extended = LanguageExtensionsTransform().expand(loaded, settings: settings)
            let ids = Set(LanguageExtensionsRules.all.map(\.id))
            extensionFindings = extended.findings.filter { ids.contains($0.rule) }
            template = extended.template ?? template
        }
        let failed = extensionFindings.contains { $0.severity == .error }
        guard SAMTransform.isDeclared(in: template), !failed else {
            tree = failed ? nil : template.tree
            findings = extensionFindings
            return
        }
        let expansion = SAMTransform.expand(template, parameters: settings.parameters, region: settings.region)
        findings = extensionFindings + expansion.findings
        tree = findings.contains { $0.severity == .error } ? nil : expansion.template?.tree
    }
}
