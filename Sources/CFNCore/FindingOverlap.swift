/// Findings that say again what another finding already says.
enum FindingOverlap {
    /// The generic schema checks and the Lambda rules sometimes see the same problem (a FunctionName
    /// over 64 characters, a missing Role). The specific rule explains it better, so a `schema.*`
    /// finding at the same place — same start and same path — as a finding of a rule that restates
    /// that schema check (`RuleDescriptor.restates`) is dropped. A different fact about the same value
    /// (ZipFile with `Runtime: java21.x`, and java21.x not being a runtime) keeps both findings.
    /// A Lambda rule's path names the `Fn::If` branch it judged (`Timeout/Fn::If/1`), the schema's
    /// does not: paths are compared without those steps.
    static func removingRedundantSchemaFindings(_ findings: [Finding]) -> [Finding] {
        struct Place: Hashable {
            let start: UInt32
            let path: [String]
            let schemaRule: String
        }
        var restated = Set<Place>()
        for finding in findings where !finding.rule.hasPrefix("schema.") {
            guard let rules = restatedSchemaRules[finding.rule] else { continue }
            let path = withoutBranches(finding.path)
            for rule in rules { restated.insert(Place(start: finding.range.start, path: path, schemaRule: rule)) }
        }
        guard !restated.isEmpty else { return findings }
        return findings.filter { finding in
            !finding.rule.hasPrefix("schema.")
                || !restated.contains(Place(start: finding.range.start, path: withoutBranches(finding.path), schemaRule: finding.rule))
        }
    }

    /// The schema checks each rule restates, by rule id, for the rules that restate any.
    static let restatedSchemaRules: [String: Set<String>] = Dictionary(
        RuleCatalog.all.filter { !$0.restates.isEmpty }.map { ($0.id, $0.restates) }, uniquingKeysWith: { $0.union($1) })

    /// The path without its `Fn::If` steps (the function's name and the branch index after it).
    static func withoutBranches(_ path: [String]) -> [String] {
        guard path.contains("Fn::If") else { return path }
        var result: [String] = []
        var index = path.startIndex
        while index < path.endIndex {
            if path[index] == "Fn::If" {
                index += 2
                continue
            }
            result.append(path[index])
            index += 1
        }
        return result
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
