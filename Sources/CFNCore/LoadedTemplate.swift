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

    /// Loads `bytes` while `EarlyChecks` follows the load on another core (after making the line
    /// index there), handed what is loaded as `LoadProgress` hands it over. The early work is nil
    /// when no thread was free to start it before the load ended (see `ParallelJobs.aside`); the
    /// resources it read are the template's where they are the same nodes.
    static func loading(bytes: [UInt8], limits: LoaderLimits, settings: ValidationSettings,
                        checksSchemas: Bool, functionRules: [any TemplateRule]) -> (LoadedTemplate, EarlyChecks?) {
        let progress = LoadProgress()
        let aside = ParallelJobs.aside {
            (SourceText(bytes: bytes),
             EarlyChecks.follow(progress, settings: settings, checksSchemas: checksSchemas, functionRules: functionRules))
        }
        let loaded = YAMLLoader.load(bytes, limits: limits, progress: progress)
        // What the follower has not done by now (it started late, or its last part) is done on
        // every core with the rest.
        progress.stopFollowing()
        guard let (source, early) = aside.result() else {
            return (LoadedTemplate(loaded: loaded, source: SourceText(bytes: bytes)), nil)
        }
        return (LoadedTemplate(loaded: loaded, source: source, early: early), early)
    }

    init(loaded: LoadResult, source: SourceText, early: EarlyChecks? = nil) {
        var findings = loaded.diagnostics.map { diagnostic in
            Finding(LoaderRules.descriptor(for: diagnostic.kind), diagnostic.message, at: diagnostic.range)
        }
        var template: Template?
        if let tree = loaded.tree {
            let parsed = TemplateParser.parse(tree, early: early?.parsedResources)
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
