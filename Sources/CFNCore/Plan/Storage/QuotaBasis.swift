/// Which size of a .zip counts against Lambda-managed code storage when an artifact gives both.
///
/// Lambda's quota page states the 300 GB limit in unzipped terms, while `get-account-settings` has
/// long reported zipped bytes; `--quota-basis` picks one (default unzipped). A single number given
/// for an artifact is used whatever the basis.
public enum QuotaBasis: String, Sendable, Hashable, CaseIterable {
    case unzipped
    case zipped
}
