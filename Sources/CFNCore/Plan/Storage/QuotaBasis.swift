/// Which size of a .zip counts against Lambda-managed code storage when an artifact gives both.
///
/// Lambda meters deployment packages and layer archives as uploaded, and `get-account-settings`
/// reports usage (`AccountUsage.TotalCodeSize`) in zipped bytes, so zipped is the default: usage
/// before plus the plan's delta is then one sum. `--quota-basis unzipped` counts unzipped sizes
/// instead (the 250 MB per-function check always uses them). A single number given for an artifact
/// is used whatever the basis.
public enum QuotaBasis: String, Sendable, Hashable, CaseIterable {
    case unzipped
    case zipped
}
