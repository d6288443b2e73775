import CFNCore
import CFNLoader
import Foundation
import Testing

/// What the SAM transform makes or changes beyond Lambda, against the translator's own outputs
/// (Tests/SAMConformance/beyond, see its README): the CodeDeploy application, deployment groups
/// and service role of `DeploymentPreference`, each alias's `UpdatePolicy`, buckets and user pools
/// that events write into, SQS queues, and the `Conditions` the transform adds. Every resource the
/// translator writes there must be ours, key for key (lists compared sorted); known differences are
/// listed with their reason and must still differ.
@Suite struct SAMBeyondLambdaTests {
    static let folder = SAMConformanceTests.folder.appendingPathComponent("beyond")

    static func outcome(_ name: String) throws -> SAMConformanceTests.Outcome {
        let (expected, actual, error) = try SAMConformanceTests.expanded(name, expectedIn: folder)
        if let error { return .differs("error: \(error)") }
        guard let actual else { return .differs("no output") }
        var differences: [String] = []
        let want = expected["Resources"] as? [String: Any] ?? [:]
        let got = actual["Resources"] as? [String: Any] ?? [:]
        for name in want.keys.sorted() {
            guard let wanted = want[name] as? [String: Any] else { continue }
            guard var made = got[name] as? [String: Any] else {
                differences.append("missing \(name)")
                continue
            }
            // For an alias, only its UpdatePolicy is compared (the rest is SAMConformanceTests').
            let keys = (wanted["Type"] as? String) == "AWS::Lambda::Alias" ? ["Type", "UpdatePolicy"]
                : ["Type", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "DependsOn", "Properties"]
            made = made.filter { keys.contains($0.key) }
            if SAMConformanceTests.canonical(made) != SAMConformanceTests.canonical(wanted) { differences.append("\(name) differs") }
        }
        // UpdatePolicy made where the translator makes none.
        for (name, value) in got where want[name] == nil {
            if let resource = value as? [String: Any], resource["UpdatePolicy"] != nil || (resource["Type"] as? String)?.hasPrefix("AWS::CodeDeploy::") == true {
                differences.append("extra \(name)")
            }
        }
        let wantConditions = expected["Conditions"] as? [String: Any] ?? [:]
        let gotConditions = actual["Conditions"] as? [String: Any] ?? [:]
        if SAMConformanceTests.canonical(wantConditions) != SAMConformanceTests.canonical(gotConditions) { differences.append("Conditions differ") }
        return differences.isEmpty ? .agrees : .differs(differences.joined(separator: ", "))
    }

    @Test func resourcesBeyondLambdaAreTheTranslators() throws {
        let (agree, compared) = try SAMConformanceTests.check(Self.folder, count: 85, known: Self.knownDifferences, Self.outcome)
        print("SAM beyond Lambda: \(agree) of \(compared) pairs agree")
    }

    /// Pairs that still differ, with the reason.
    static let knownDifferences: [String: String] = [:]
}
