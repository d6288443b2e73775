import ArgumentParser

/// `--quota-basis`: which size of an artifact counts against the code storage quota when the
/// artifact sizes give both (Lambda's quota page states the limit unzipped; the account API
/// reports zipped bytes).
enum PlanQuotaBasis: String, ExpressibleByArgument, CaseIterable {
    case unzipped
    case zipped
}
