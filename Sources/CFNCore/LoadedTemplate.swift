import CFNLoader

/// A file's bytes read as a template: the `Template` when its structure could be read, and the
/// findings of loading and of the structural checks.
public struct LoadedTemplate: Sendable {
    public let source: SourceText
    public let template: Template?
    public let findings: [Finding]

    public init(bytes: [UInt8], limits: LoaderLimits = .default) {
        // A large file's line index is made on another core while it loads.
        let (loaded, source) = bytes.count < 1 << 18
            ? (YAMLLoader.load(bytes, limits: limits), SourceText(bytes: bytes))
            : ParallelJobs.pair({ YAMLLoader.load(bytes, limits: limits) }, { SourceText(bytes: bytes) })
        self.init(loaded: loaded, source: source)
    }

    /// A template made by a stage after loading (`TemplateTransform`): its structure and findings;
    /// where each resource it made came from is the template's `sources`.
    public init(source: SourceText, template: Template?, findings: [Finding]) {
        self.source = source
        self.template = template
        self.findings = findings
    }

    init(loaded: LoadResult, source: SourceText) {
        var findings = loaded.diagnostics.map { diagnostic in
            Finding(LoaderRules.descriptor(for: diagnostic.kind), diagnostic.message, at: diagnostic.range)
        }
        var template: Template?
        if let tree = loaded.tree {
            let parsed = TemplateParser.parse(tree)
            template = parsed.template
            if let template {
                findings = findings.map { finding in
                    var finding = finding
                    let (resource, path) = template.location(of: finding.range.start)
                    finding.path = path
                    finding.resource = resource?.logicalId
                    finding.resourceType = resource?.type
                    return finding
                }
            }
            findings += parsed.findings
        }
        self.source = source
        self.template = template
        self.findings = findings
    }
}
