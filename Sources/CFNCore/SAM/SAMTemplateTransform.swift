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
        let known = Set(loaded.findings.map { FindingKey($0) })
        let structure = expansion.structureFindings.filter { !known.contains(FindingKey($0)) }
        // What an earlier transform made (a `Fn::ForEach` loop's function) keeps its source; what
        // SAM makes of it names the SAM resource.
        processed.sources = template.sources.merging(processed.sources) { $1 }
        // The transform consumes each resource's embedded `Connectors`.
        let findings = loaded.findings.filter { !($0.rule == TemplateRules.unknownAttribute.id && $0.path.count == 3 && $0.path.last == "Connectors") }
        return LoadedTemplate(source: loaded.source, template: processed, findings: findings + expansion.findings + structure,
                              generatedFrom: loaded.generatedFrom.merging(expansion.sources) { $1 })
    }

    private struct FindingKey: Hashable {
        let rule: String
        let range: SourceRange
        let message: String

        init(_ finding: Finding) {
            rule = finding.rule
            range = finding.range
            message = finding.message
        }
    }
}
