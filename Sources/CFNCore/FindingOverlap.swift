/// The generic schema checks and the Lambda rules sometimes see the same problem (a FunctionName
/// over 64 characters, a missing Role). The specific rule explains it better, so a `schema.*`
/// finding at the same place — same start and same path — as another rule's finding is dropped.
enum FindingOverlap {
    static func removingRedundantSchemaFindings(_ findings: [Finding]) -> [Finding] {
        struct Place: Hashable {
            let start: UInt32
            let path: [String]
        }
        let specific = Set(findings.filter { !$0.rule.hasPrefix("schema.") }.map { Place(start: $0.range.start, path: $0.path) })
        guard !specific.isEmpty else { return findings }
        return findings.filter { finding in
            !finding.rule.hasPrefix("schema.") || !specific.contains(Place(start: finding.range.start, path: finding.path))
        }
    }
}
