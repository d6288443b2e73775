import CFNLoader

/// The `AWS::LanguageExtensions` transform as a pipeline stage (`TemplatePipeline`): `Fn::ForEach`
/// expanded, `Fn::Length`, `Fn::ToJsonString` and `Fn::FindInMap` defaults resolved, and functions
/// in `DeletionPolicy`/`UpdateReplacePolicy` replaced by their values, before the SAM transform
/// (CloudFormation requires `AWS::LanguageExtensions` before `AWS::Serverless-2016-10-31` in the
/// list and applies them in that order). Every generated node keeps the range of the text it came
/// from; malformed uses are located `language-extensions.invalid` findings.
public struct LanguageExtensionsTransform: TemplateTransform {
    /// The most nodes loops may make: nested loops multiply, so a small template (or one of
    /// aliases) could otherwise ask for billions. CloudFormation limits the processed template to
    /// 1 MB, which holds fewer nodes than the default.
    public let nodeBudget: Int

    public init(nodeBudget: Int = 500_000) {
        self.nodeBudget = nodeBudget
    }

    /// Whether the template declares the transform.
    public static func isDeclared(in template: Template) -> Bool {
        template.transforms.contains(Template.languageExtensions)
    }

    /// The parameter values of `settings` (else the defaults) are those CloudFormation applies the
    /// transform with: they decide a `Fn::ForEach` collection given as a `Ref`.
    public func expand(_ loaded: LoadedTemplate, settings: ValidationSettings) -> LoadedTemplate {
        guard let template = loaded.template, Self.isDeclared(in: template) else { return loaded }
        let expander = LanguageExtensionsExpander(template: template, settings: settings, nodeBudget: nodeBudget)
        let tree = expander.run()
        let parsed = TemplateParser.parse(tree)
        // The source's structure findings are about what the transform rewrote (a loop is not a
        // resource); the processed template's own replace them. The loader's stay.
        let loaderRules = Set(LoaderRules.all.map(\.id))
        let kept = loaded.findings.filter { loaderRules.contains($0.rule) }
        let findings = kept + expander.findings.sorted(by: Finding.sourceOrder) + parsed.findings
        // A resource a loop made names the loop as its source (in the plan: `from Fn::ForEach::Workers`).
        var processed = parsed.template ?? template
        for (made, loop) in expander.generatedFrom { processed.sources[made] = .loop(loop) }
        return LoadedTemplate(source: loaded.source, template: processed, findings: findings)
    }
}
