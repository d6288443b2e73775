import CFNCore
import CFNLoader
import Foundation
import Testing

/// What `AWS::Serverless::CapacityProvider` makes (the provider and its operator role) against
/// the translator's full output (Tests/SAMConformance/capacity, see its README): every key of each
/// made resource, lists compared sorted as in `SAMConformanceTests`; a pair the translator rejects
/// must give a `sam.invalid` error.
@Suite struct SAMCapacityProviderConformanceTests {
    static let folder = SAMConformanceTests.folder.appendingPathComponent("capacity")

    static func outcome(_ name: String) throws -> SAMConformanceTests.Outcome? {
        let (expected, actual, error) = try SAMConformanceTests.expanded(name, expectedIn: folder)
        if let message = expected["errorMessage"] as? String {
            guard let error else { return .differs("no sam.invalid error") }
            return message.contains(error) ? .agrees : .differs("error: \(error)")
        }
        if let error { return .differs("error: \(error)") }
        guard let actual else { return .differs("no output") }
        return SAMConformanceTests.sameResources(expected, actual)
    }

    @Test func madeResourcesAgreeWithTheTranslator() throws {
        let (agree, compared) = try SAMConformanceTests.check(Self.folder, count: 3, known: [:], Self.outcome)
        #expect(compared == 3)
        print("SAM capacity provider conformance: \(agree) of \(compared) pairs agree")
    }
}
