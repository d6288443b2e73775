import CFNCore
import CFNLoader
import Foundation
import Testing

/// SimpleTable, Application and StateMachine against the translator's full output for what they
/// make (Tests/SAMConformance/types, from scripts/vendor-sam-types-conformance.py): every key of
/// each made resource, lists compared sorted as in `SAMConformanceTests`; a pair the translator
/// rejects must give a `sam.invalid` error. Pairs that also use a SAM type cfn-lambda does not
/// expand are compared too, on these resources only.
@Suite struct SAMTypesConformanceTests {
    static let folder = SAMConformanceTests.folder.appendingPathComponent("types")

    static let types: Set<String> = ["AWS::Serverless::SimpleTable", "AWS::Serverless::Application", "AWS::Serverless::StateMachine"]

    /// The pair's outcome; nil while it uses one of these types that is not expanded yet.
    static func outcome(_ name: String) throws -> SAMConformanceTests.Outcome? {
        let input = try Data(contentsOf: SAMConformanceTests.folder.appendingPathComponent("input/\(name).yaml"))
        let template = try #require(LoadedTemplate(bytes: Array(input)).template)
        if template.resources.contains(where: { $0.type.map { types.contains($0) && !SAMTransform.coveredTypes.contains($0) } ?? false }) {
            return nil
        }
        let (expected, actual, error) = try SAMConformanceTests.expanded(name, expectedIn: folder)
        if expected["errorMessage"] != nil { return error == nil ? .differs("no sam.invalid error") : .agrees }
        if let error { return .differs("error: \(error)") }
        guard let actual else { return .differs("no output") }
        return SAMConformanceTests.sameResources(expected, actual)
    }

    @Test func madeResourcesAgreeWithTheTranslator() throws {
        let (agree, compared) = try SAMConformanceTests.check(Self.folder, count: 30, known: Self.knownDifferences, Self.outcome)
        print("SAM types conformance: \(agree) of \(compared) pairs agree on what SimpleTable, Application and StateMachine make")
    }

    /// Pairs that still differ, with the reason.
    static let knownDifferences: [String: String] = [:]
}
