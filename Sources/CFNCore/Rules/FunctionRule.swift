/// A rule that judges each `AWS::Lambda::Function` on its own: what it reports about a function
/// depends on that function and on template-wide facts (parameters, conditions, roles, layers,
/// buckets), never on the other functions. It finds functions only in `context.lambda.functions`.
///
/// The validator therefore runs these rules function by function in small groups (every such rule
/// on one group of functions, then the next group, on every core), with a `RuleContext` that holds
/// only the group: a function's values are read by all the rules while they are in the CPU's cache,
/// instead of once per rule over the whole template. Run on the whole context, a function rule
/// reports the same findings (the tests run the examples that way).
public protocol FunctionRule: TemplateRule {}

extension FunctionRule {
    public static var schedule: RuleSchedule { .eachFunction }
}
