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
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let template = try #require(LoadedTemplate(bytes: Array(input)).template)
        if template.resources.contains(where: { $0.type.map { types.contains($0) && !SAMTransform.coveredTypes.contains($0) } ?? false }) {
            return nil
        }
        let expansion = SAMTransform.expand(template, parameters: SAMConformanceTests.parameters)
        let errors = expansion.findings.filter { $0.rule == "sam.invalid" }
        if expected["errorMessage"] != nil { return errors.isEmpty ? .differs("no sam.invalid error") : .agrees }
        if let error = errors.first { return .differs("error: \(error.message)") }
        guard let tree = expansion.template?.tree,
              let actual = try JSONSerialization.jsonObject(with: Data(TemplateText.render(tree, format: .json).utf8)) as? [String: Any]
        else { return .differs("no output") }
        let want = expected["Resources"] as? [String: Any] ?? [:]
        let got = actual["Resources"] as? [String: Any] ?? [:]
        var differences: [String] = []
        for (key, resource) in want.sorted(by: { $0.key < $1.key }) {
            guard let mine = got[key] as? [String: Any] else { differences.append("missing \(key)"); continue }
            if SAMConformanceTests.canonical(resource) != SAMConformanceTests.canonical(mine) {
                differences.append("\(key) differs")
            }
        }
        return differences.isEmpty ? .agrees : .differs(differences.joined(separator: ", "))
    }

    @Test func madeResourcesAgreeWithTheTranslator() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count == 30)
        var agree = 0
        var compared = 0
        for name in names {
            guard let outcome = try Self.outcome(name) else { continue }
            compared += 1
            if let reason = Self.knownDifferences[name] {
                #expect(outcome != .agrees, "\(name) now agrees: remove it from the known differences (\(reason))")
            } else {
                #expect(outcome == .agrees, "\(name): \(outcome)")
            }
            if outcome == .agrees { agree += 1 }
        }
        print("SAM types conformance: \(agree) of \(compared) pairs agree on what SimpleTable, Application and StateMachine make")
    }

    /// Pairs that still differ, with the reason.
    static let knownDifferences: [String: String] = [:]
}
