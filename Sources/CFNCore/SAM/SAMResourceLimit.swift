/// CloudFormation's limit of 500 resources counts the processed template, after the SAM transform
/// ("Template format error: Number of resources, N, is greater than maximum allowed, 500" comes
/// from the processed template). A SAM template can pass it with fewer resources declared, and
/// one that declares more passes it in the processed template too: one finding says so, about the
/// processed count, at the SAM resource that makes the 501st.
enum SAMResourceLimit {
    /// `source`'s findings without its `template.too-many-resources` when the processed template
    /// has one, and `processed`'s with that finding saying which count it is.
    static func oneFinding(source: [Finding], processed: [Finding], declared: Int, made: Int) -> (source: [Finding], processed: [Finding]) {
        let rule = TemplateRules.tooManyResources.id
        guard let index = processed.firstIndex(where: { $0.rule == rule }) else { return (source, processed) }
        var processed = processed
        processed[index].message = "the processed template has \(made) resources (\(declared) declared, the rest made by the SAM transform); CloudFormation allows at most \(TemplateParser.maxResources) after the transform (the 501st is made from the resource here)"
        return (source.filter { $0.rule != rule }, processed)
    }
}
