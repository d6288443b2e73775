/// Findings that say again what another finding already says.
enum FindingOverlap {
    /// The generic schema checks and the Lambda rules sometimes see the same problem (a FunctionName
    /// over 64 characters, a missing Role). The specific rule explains it better, so a `schema.*`
    /// finding at the same place — same start and same path — as another rule's finding is dropped.
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

    /// A value under a tag CloudFormation does not know (`Code: !Rain::S3 {Path: src}`) is input for
    /// a preprocessor, which replaces it before CloudFormation sees the template: what the value
    /// will be is not known. `yaml.unknown-tag` reports the tag; the findings of other rules about
    /// the tagged value or anything inside it (its keys are not Code's properties, it has no code
    /// source) are dropped. Only tags inside a resource count, by the path of the tagged value.
    static func removingFindingsUnderUnknownTags(_ findings: [Finding]) -> [Finding] {
        let tagged = findings.filter { $0.rule == LoaderRules.unknownTag.id && $0.resource != nil && $0.path.count > 2 }.map(\.path)
        guard !tagged.isEmpty else { return findings }
        return findings.filter { finding in
            finding.rule.hasPrefix("yaml.") || !tagged.contains { finding.path.starts(with: $0) }
        }
    }
}
