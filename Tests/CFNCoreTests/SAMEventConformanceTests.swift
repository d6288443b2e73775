import CFNCore
import CFNLoader
import Foundation
import Testing

/// What functions' events make beyond Lambda, against the translator's full output
/// (Tests/SAMConformance/events, from scripts/vendor-sam-event-conformance.py): each rule,
/// schedule, dead-letter queue and queue policy, subscription, subscription filter, topic rule and
/// event role, and every event source mapping (with the `DependsOn` a connector adds), key for key,
/// lists compared sorted as in `SAMConformanceTests`.
@Suite struct SAMEventConformanceTests {
    static let folder = SAMConformanceTests.folder.appendingPathComponent("events")

    static func outcome(_ name: String) throws -> SAMConformanceTests.Outcome {
        let (expected, actual, error) = try SAMConformanceTests.expanded(name, expectedIn: folder)
        if let error { return .differs("error: \(error)") }
        guard let actual else { return .differs("no output") }
        return SAMConformanceTests.sameResources(expected, actual)
    }

    @Test func eventResourcesAgreeWithTheTranslator() throws {
        let (agree, compared) = try SAMConformanceTests.check(Self.folder, count: 69, known: Self.knownDifferences, Self.outcome)
        print("SAM event conformance: \(agree) of \(compared) pairs agree on what functions' events make")
    }

    /// Pairs that still differ, with the reason.
    static let knownDifferences: [String: String] = [:]
}
