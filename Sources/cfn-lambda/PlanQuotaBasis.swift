import ArgumentParser

/// `--quota-basis`: which size of an artifact counts against the code storage quota when the
/// artifact sizes give both (default zipped: the account API reports usage in zipped bytes).
enum PlanQuotaBasis: String, ArgumentChoice {
    case unzipped
    case zipped

    static let choices: [Self] = [.unzipped, .zipped]
}
