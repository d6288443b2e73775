import CFNCore
import CFNLoader
import Foundation
import Testing

/// What the transform makes for HTTP APIs (`AWS::Serverless::HttpApi` and the implicit
/// `ServerlessHttpApi`) against the translator's own outputs (Tests/SAMConformance/httpapi, from
/// scripts/vendor-sam-httpapi-conformance.py): the AWS::ApiGatewayV2 API with its OpenAPI `Body`,
/// stage, domain and API mappings, the Route 53 record set groups, the authorizers' permissions and
/// the conditions added for them, every key of each compared (lists sorted, as in
/// `SAMConformanceTests`). Known differences are listed with their reason and must still differ.
@Suite struct SAMHttpApiConformanceTests {
    static let folder = SAMConformanceTests.folder.appendingPathComponent("httpapi")

    /// Each expected resource's outcome (by logical ID), and the pair's conditions'.
    static func outcomes(_ name: String) throws -> [String: SAMConformanceTests.Outcome] {
        let input = try Data(contentsOf: SAMConformanceTests.folder.appendingPathComponent("input/\(name).yaml"))
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let want = expected["Resources"] as? [String: Any] ?? [:]
        let template = try #require(LoadedTemplate(bytes: Array(input)).template)
        let expansion = SAMTransform.expand(template, parameters: SAMConformanceTests.parameters)
        var outcomes: [String: SAMConformanceTests.Outcome] = [:]
        if let error = expansion.findings.first(where: { $0.rule == "sam.invalid" }) {
            for key in want.keys { outcomes[key] = .differs("error: \(error.message)") }
            return outcomes
        }
        let tree = try #require(expansion.template?.tree)
        let actual = try #require(try JSONSerialization.jsonObject(with: Data(TemplateText.render(tree, format: .json).utf8)) as? [String: Any])
        let got = actual["Resources"] as? [String: Any] ?? [:]
        for (key, resource) in want {
            guard let mine = got[key] else { outcomes[key] = .differs("missing"); continue }
            outcomes[key] = SAMConformanceTests.canonical(resource) == SAMConformanceTests.canonical(mine) ? .agrees : .differs("differs")
        }
        let wantConditions = expected["Conditions"] as? [String: Any] ?? [:]
        let gotConditions = actual["Conditions"] as? [String: Any] ?? [:]
        for (key, condition) in wantConditions {
            outcomes["Conditions." + key] = SAMConformanceTests.canonical(condition) == SAMConformanceTests.canonical(gotConditions[key])
                ? .agrees : .differs("condition differs")
        }
        return outcomes
    }

    @Test func httpApiResourcesAreTheTranslators() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count == 42)
        var pairsAgreeing = 0
        var resourcesAgreeing = 0
        var resources = 0
        for name in names {
            let outcomes = try Self.outcomes(name)
            let differing = outcomes.filter { $0.value != .agrees }.map { "\($0.key) \($0.value)" }.sorted()
            resources += outcomes.count
            resourcesAgreeing += outcomes.count - differing.count
            if differing.isEmpty { pairsAgreeing += 1 }
            if let reason = Self.knownDifferences[name] {
                #expect(!differing.isEmpty, "\(name) now agrees: remove it from the known differences (\(reason))")
            } else {
                #expect(differing.isEmpty, "\(name): \(differing.joined(separator: ", "))")
            }
        }
        print("SAM HTTP API conformance: \(pairsAgreeing) of \(names.count) pairs, \(resourcesAgreeing) of \(resources) resources and conditions agree")
    }

    /// Pairs that still differ, with the reason.
    static let knownDifferences: [String: String] = [:]
}
