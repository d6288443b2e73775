import CFNLoader

/// The SAM transform as a pipeline stage (`TemplatePipeline`): a template that declares
/// `AWS::Serverless-2016-10-31` is replaced by its processed form, with the transform's findings and
/// where each generated resource came from.
public struct SAMTemplateTransform: TemplateTransform {
    public init() {}

    /// SAM resolves parameter references itself (`AutoPublishAlias`, `CodeUri`, …) with `settings`'
    /// values, the template's defaults filling the rest.
    public func expand(_ loaded: LoadedTemplate, settings: ValidationSettings) -> LoadedTemplate {
        guard let template = loaded.template, SAMTransform.isDeclared(in: template) else { return loaded }
        let expansion = SAMExpander(template: template, given: settings.parameters, region: settings.region, data: .shipped,
                                    keepsTransformWhenPartial: true).run()
        guard var processed = expansion.template else { return loaded }
        // The processed template's own structure findings, less those the source already had.
        let known = Set(loaded.findings.map { FindingSpot($0) })
        let structure = expansion.structureFindings.filter { !known.contains(FindingSpot($0)) }
        // What an earlier transform made and SAM kept (a `Fn::ForEach` loop's queue) keeps its source;
        // what SAM makes names the SAM resource, and the loop that made that resource.
        var sources = template.sources.filter { processed.hasResource(named: $0.key) }
        for (made, source) in processed.sources {
            sources[made] = ResourceSource(resource: source.resource, type: source.type, loop: template.sources[source.resource]?.loop)
        }
        processed.sources = sources
        // The transform consumes each resource's embedded `Connectors`.
        let findings = loaded.findings.filter { !($0.rule == TemplateRules.unknownAttribute.id && $0.path.count == 3 && $0.path.last == "Connectors") }
        let limit = SAMResourceLimit.oneFinding(source: findings, processed: structure, declared: template.resources.count, made: processed.resources.count)
        return LoadedTemplate(source: loaded.source, template: processed, findings: limit.source + expansion.findings + limit.processed)
    }
}
