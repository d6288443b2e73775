/// When `Validator.checks` runs a rule among the check jobs: what the rule reads decides what it
/// should not run at the same time as.
public enum RuleSchedule: Sendable {
    /// On a job of its own, among the first.
    case wholeTemplate
    /// Function by function, with the other function rules on groups of functions (`FunctionRule`).
    case eachFunction
    /// Reads the intrinsic calls of every evaluated place (`RuleContext.sitesOfPlaces`): the first
    /// such rule finds them, the others start once they are likely found.
    case readsIntrinsicSites
    /// Reads the resource references another rule collects (`RuleContext.referencesOfPlaces`):
    /// starts after the rules that read the intrinsic calls.
    case readsCollectedReferences
}
