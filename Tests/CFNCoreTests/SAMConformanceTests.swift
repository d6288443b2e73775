import CFNCore
import CFNLoader
import Foundation
import Testing

/// The SAM transform against aws-sam-translator's own input/output pairs (Tests/SAMConformance,
/// see its README): the AWS::Lambda::* resources and generated roles must be the translator's
/// (logical IDs, Type, Condition, DeletionPolicy, UpdateReplacePolicy, DependsOn, Properties; lists compared
/// sorted, as the translator's tests compare them), and an input the translator rejects must give
/// a `sam.invalid` error. Pairs whose template uses a SAM type cfn-lambda does not expand (HttpApi,
/// StateMachine, …) are counted apart; known differences are listed with their reason and must
/// still differ, so that the list stays true.
@Suite struct SAMConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SAMConformance")

    /// The parameter values of the translator's harness; its outputs resolve AWS::Region to
    /// ap-southeast-1 with ARNs in the aws partition.
    static let parameters = ["param1": "value1", "param2": "value2", "AWS::Region": "ap-southeast-1", "AWS::Partition": "aws"]

    enum Outcome: Equatable {
        case agrees
        case differs(String)
    }

    static func outcome(_ name: String) throws -> (Outcome, usesUncovered: Bool) {
        let input = try Data(contentsOf: folder.appendingPathComponent("input/\(name).yaml"))
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("output/\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let loaded = LoadedTemplate(bytes: Array(input))
        guard let template = loaded.template else {
            return (expected["errorMessage"] != nil ? .agrees : .differs("does not load"), false)
        }
        let uncovered = template.resources.contains { resource in
            resource.type.map { $0.hasPrefix("AWS::Serverless::") && !SAMTransform.coveredTypes.contains($0) } ?? false
        }
        let functions = Set(template.resources.filter { $0.type == "AWS::Serverless::Function" }.map(\.logicalId))
        let expansion = SAMTransform.expand(template, parameters: parameters)
        let errors = expansion.findings.filter { $0.rule == "sam.invalid" }
        if expected["errorMessage"] != nil {
            return (errors.isEmpty ? .differs("no sam.invalid error") : .agrees, uncovered)
        }
        if let error = errors.first { return (.differs("error: \(error.message)"), uncovered) }
        guard let tree = expansion.template?.tree,
              let actual = try JSONSerialization.jsonObject(with: Data(TemplateText.render(tree, format: .json).utf8)) as? [String: Any]
        else { return (.differs("no output"), uncovered) }
        let want = compared(expected, functions: functions)
        let got = compared(actual, functions: functions)
        var differences: [String] = []
        for key in Set(want.keys).union(got.keys).sorted() where canonical(want[key]) != canonical(got[key]) {
            differences.append(want[key] == nil ? "extra \(key)" : got[key] == nil ? "missing \(key)" : "\(key) differs")
        }
        return (differences.isEmpty ? .agrees : .differs(differences.joined(separator: ", ")), uncovered)
    }

    /// The Lambda resources and generated roles, with the compared keys only.
    static func compared(_ template: [String: Any], functions: Set<String>) -> [String: Any] {
        var result: [String: Any] = [:]
        for (name, value) in template["Resources"] as? [String: Any] ?? [:] {
            guard let resource = value as? [String: Any], let type = resource["Type"] as? String else { continue }
            let isRole = type == "AWS::IAM::Role" && name.hasSuffix("Role") && functions.contains(String(name.dropLast(4)))
            guard type.hasPrefix("AWS::Lambda::") || isRole else { continue }
            result[name] = resource.filter { ["Type", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "DependsOn", "Properties"].contains($0.key) }
        }
        return result
    }

    /// JSON text with keys and lists sorted, so that order does not count.
    static func canonical(_ value: Any?) -> String {
        switch value {
        case nil: return "∅"
        case let map as [String: Any]:
            // `!GetAtt A.B` is the same reference as `[A, B]`; the loader keeps the list form.
            if map.count == 1, let name = map["Fn::GetAtt"] as? String, let dot = name.firstIndex(of: ".") {
                return canonical(["Fn::GetAtt": [String(name[..<dot]), String(name[name.index(after: dot)...])]])
            }
            return "{" + map.keys.sorted().map { "\($0):\(canonical(map[$0]))" }.joined(separator: ",") + "}"
        case let list as [Any]:
            return "[" + list.map { canonical($0) }.sorted().joined(separator: ",") + "]"
        case let string as String:
            return "\"\(string)\""
        case let number as NSNumber:
            return "\(number.doubleValue)"
        default:
            return "\(value!)"
        }
    }

    /// The pair's expected output (`folder/NAME.json`) and the processed template cfn-lambda makes
    /// of its input as JSON, or the first `sam.invalid` error's message.
    static func expanded(_ name: String, expectedIn folder: URL) throws -> (expected: [String: Any], actual: [String: Any]?, error: String?) {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("input/\(name).yaml"))
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let template = try #require(LoadedTemplate(bytes: Array(input)).template)
        let expansion = SAMTransform.expand(template, parameters: parameters)
        if let error = expansion.findings.first(where: { $0.rule == "sam.invalid" }) { return (expected, nil, error.message) }
        let actual = try expansion.template.flatMap {
            try JSONSerialization.jsonObject(with: Data(TemplateText.render($0.tree, format: .json).utf8)) as? [String: Any]
        }
        return (expected, actual, nil)
    }

    /// Every resource of `expected` against the same of `actual`, with all its keys.
    static func sameResources(_ expected: [String: Any], _ actual: [String: Any]) -> Outcome {
        let want = expected["Resources"] as? [String: Any] ?? [:]
        let got = actual["Resources"] as? [String: Any] ?? [:]
        var differences: [String] = []
        for (key, resource) in want.sorted(by: { $0.key < $1.key }) {
            guard let mine = got[key] else { differences.append("missing \(key)"); continue }
            if canonical(resource) != canonical(mine) { differences.append("\(key) differs") }
        }
        return differences.isEmpty ? .agrees : .differs(differences.joined(separator: ", "))
    }

    /// Every pair of `folder` compared by `outcome` (nil: not compared): each agrees, or is listed in
    /// `known` with its reason and still differs. Returns how many agree and how many were compared.
    static func check(_ folder: URL, count: Int, known: [String: String], _ outcome: (String) throws -> Outcome?) throws -> (agree: Int, compared: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count == count)
        var agree = 0
        var compared = 0
        for name in names {
            guard let outcome = try outcome(name) else { continue }
            compared += 1
            if let reason = known[name] {
                #expect(outcome != .agrees, "\(name) now agrees: remove it from the known differences (\(reason))")
            } else {
                #expect(outcome == .agrees, "\(name): \(outcome)")
            }
            if outcome == .agrees { agree += 1 }
        }
        return (agree, compared)
    }

    @Test func pairsAgreeWithTheTranslator() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent("input").path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count == 619)
        var agree = 0
        var inScope = 0
        var inScopeAgree = 0
        for name in names {
            let (outcome, uncovered) = try Self.outcome(name)
            if outcome == .agrees { agree += 1 }
            if uncovered { continue }
            inScope += 1
            if let reason = Self.knownDifferences[name] {
                #expect(outcome != .agrees, "\(name) now agrees: remove it from the known differences (\(reason))")
            } else {
                #expect(outcome == .agrees, "\(name): \(outcome)")
                if outcome == .agrees { inScopeAgree += 1 }
            }
        }
        print("SAM conformance: \(agree) of \(names.count) pairs agree; \(inScopeAgree) of \(inScope) whose SAM resources are all of covered types")
        #expect(inScope - inScopeAgree == Self.knownDifferences.count)
    }

    /// Pairs of covered types that still differ, with the reason.
    static let knownDifferences: [String: String] = [:]
}
