import CFNLoader

/// How a file's bytes become what the analyses read, in three stages:
///
///     load (LoadedTemplate) → transform (each TemplateTransform, in order) → resolve (ResolvedTemplate)
///
/// then the rules (`Validator`), the plan (`Analysis.plan`) and drift (`Analysis.drift`) read the
/// resolved template. Every command goes through `load` and `resolve`, BASE and HEAD alike, so a
/// transform given here applies everywhere.
public struct TemplatePipeline: Sendable {
    public var limits: LoaderLimits
    /// Applied in order between loading and resolution: each may replace the template with the one
    /// CloudFormation processes after it, and add findings (the SAM transform plugs in here).
    public var transforms: [any TemplateTransform]

    /// The transforms CloudFormation applies that cfn-lambda knows, in the order it applies them.
    public static let knownTransforms: [any TemplateTransform] = [LanguageExtensionsTransform(), SAMTemplateTransform()]

    public init(limits: LoaderLimits = .default, transforms: [any TemplateTransform] = []) {
        self.limits = limits
        self.transforms = transforms
    }

    /// The bytes loaded, their structure read, and every transform applied with `settings`, the
    /// values of this template (those `resolve` is given for it).
    public func load(_ bytes: [UInt8], settings: ValidationSettings) -> LoadedTemplate {
        transforms.reduce(LoadedTemplate(bytes: bytes, limits: limits)) { loaded, transform in
            transform.expand(loaded, settings: settings)
        }
    }

    /// The template's parameters, conditions, properties and Lambda model resolved with `settings`.
    public func resolve(_ template: Template, settings: ValidationSettings) -> ResolvedTemplate {
        ResolvedTemplate(template: template, settings: settings)
    }
}
