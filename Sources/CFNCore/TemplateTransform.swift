/// A stage between loading and resolution that rewrites a template into the one CloudFormation
/// processes (a `Transform` such as SAM's). See `TemplatePipeline`.
public protocol TemplateTransform: Sendable {
    /// The loaded template with this transform applied: `loaded` itself when the transform does not
    /// apply, else a template whose nodes may be new, and `loaded`'s findings with any the
    /// transform adds (a malformed resource it could not expand, say), each with a location.
    /// `settings` are this template's values (BASE's differ from HEAD's in a plan): a transform that
    /// resolves parameters itself, as SAM does, reads them here.
    func expand(_ loaded: LoadedTemplate, settings: ValidationSettings) -> LoadedTemplate
}
