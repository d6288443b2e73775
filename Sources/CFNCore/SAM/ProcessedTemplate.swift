import CFNLoader

/// A file's template as CloudFormation processes it: loaded, and expanded when it declares the SAM
/// transform. What `expand` prints.
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
        guard let template = loaded.template, loadErrors.isEmpty else {
            tree = nil
            findings = loadErrors
            return
        }
        guard SAMTransform.isDeclared(in: template) else {
            tree = template.tree
            findings = []
            return
        }
        let expansion = SAMTransform.expand(template, parameters: settings.parameters, region: settings.region)
        findings = expansion.findings
        tree = expansion.findings.contains { $0.severity == .error } ? nil : expansion.template?.tree
    }
}
