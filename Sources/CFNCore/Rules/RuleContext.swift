/// What a rule reads: the resolved template, with the functions it judges in this run in
/// `lambda.functions` (all of them, or one group: see `FunctionRule`) and the caches the run's
/// rules share (evaluated places, intrinsic calls, references, self-managed code).
public final class RuleContext: ResolvedTemplate, @unchecked Sendable {
    /// Shared by every context of one run, the groups' included.
    let cache: RuleContextCache

    /// A context for one run of the rules over `resolved`.
    public init(_ resolved: ResolvedTemplate) {
        cache = RuleContextCache()
        super.init(resolved, lambda: resolved.lambda)
    }

    /// Resolves `template` and makes a context for it.
    public convenience override init(template: Template, settings: ValidationSettings) {
        self.init(ResolvedTemplate(template: template, settings: settings))
    }

    /// The same context with only some of the template's functions in `lambda.functions`: what a
    /// `FunctionRule` checks to judge those functions alone. Everything else, the cache included,
    /// is shared with `base`.
    public init(_ base: RuleContext, functions: some Sequence<LambdaFunction>) {
        cache = base.cache
        super.init(base, lambda: LambdaModel(functions: Array(functions), layerVersions: base.lambda.layerVersions,
                                             layerVersionPermissions: base.lambda.layerVersionPermissions))
    }
}
