/// What every command applies the same way: the template values, the configuration (rules turned
/// off or weighed differently) and the pipeline templates go through.
public struct AnalysisSettings: Sendable {
    public var settings: ValidationSettings
    public var configuration: Configuration
    public var pipeline: TemplatePipeline

    /// `pipeline` by default applies the transforms cfn-lambda knows (SAM's).
    public init(settings: ValidationSettings = ValidationSettings(), configuration: Configuration = .empty,
                pipeline: TemplatePipeline? = nil) {
        self.settings = settings
        self.configuration = configuration
        self.pipeline = pipeline ?? TemplatePipeline(transforms: TemplatePipeline.knownTransforms)
    }

    /// The validator these settings make.
    public var validator: Validator {
        var validator = Validator(settings: settings, configuration: configuration)
        validator.pipeline = pipeline
        return validator
    }
}
