import CFNLoader

/// A finding's rule, place and message, whatever resource it is on: what makes two findings
/// read as the same line of output.
struct FindingSpot: Hashable {
    let rule: String
    let range: SourceRange
    let message: String

    init(_ finding: Finding) {
        rule = finding.rule
        range = finding.range
        message = finding.message
    }
}
