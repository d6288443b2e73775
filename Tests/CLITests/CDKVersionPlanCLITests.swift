import Foundation
import Testing

/// CDK's `currentVersion`: an `AWS::Lambda::Version` whose logical ID hashes the function's code,
/// kept by `DeletionPolicy: Retain` (as `lambda.Function.currentVersion` writes it). A code change
/// renames it: the new version stores a copy of the new asset, the old one stays.
@Suite struct CDKVersionPlanCLITests {
    /// The fixture's template with ApiFunction's current version `versionId` added.
    static func template(at path: String, versionId: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var template = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var resources = try #require(template["Resources"] as? [String: Any])
        resources[versionId] = [
            "Type": "AWS::Lambda::Version",
            "Properties": ["FunctionName": ["Ref": "ApiFunction"]],
            "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain",
            "Metadata": ["aws:cdk:path": "OrdersStack/ApiFunction/CurrentVersion/Resource"],
        ]
        template["Resources"] = resources
        return template
    }

    static func write(_ template: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: template, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: path))
    }

    @Test func aNewCurrentVersionStoresTheNewAssetAndTheOldIsRetained() throws {
        let scratch = try CDKPlanCLITests.copy()
        let base = scratch.path("cdk.out/" + CDKPlanCLITests.template)
        try Self.write(try Self.template(at: base, versionId: "ApiFunctionCurrentVersion4E1A2B3C"), to: base)
        // HEAD: the API's code changed, so CDK gives it a new asset and its version a new logical ID.
        try FileManager.default.copyItem(atPath: scratch.path("cdk.out"), toPath: scratch.path("next"))
        let head = scratch.path("next/" + CDKPlanCLITests.template)
        let newKey = String(repeating: "b", count: 64)
        var template = try Self.template(at: base, versionId: "ApiFunctionCurrentVersion9F8E7D6C")
        var resources = try #require(template["Resources"] as? [String: Any])
        resources["ApiFunctionCurrentVersion4E1A2B3C"] = nil
        var function = try #require(resources["ApiFunction"] as? [String: Any])
        var properties = try #require(function["Properties"] as? [String: Any])
        var code = try #require(properties["Code"] as? [String: Any])
        code["S3Key"] = newKey + ".zip"
        properties["Code"] = code
        function["Properties"] = properties
        var metadata = try #require(function["Metadata"] as? [String: Any])
        metadata["aws:asset:path"] = "asset.\(newKey)"
        function["Metadata"] = metadata
        resources["ApiFunction"] = function
        template["Resources"] = resources
        try Self.write(template, to: head)
        let folder = scratch.path("next/asset.\(newKey)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(String(repeating: "exports.handler = async () => ({ statusCode: 204 });\n", count: 200).utf8)
            .write(to: URL(fileURLWithPath: folder + "/index.js"))

        let (status, plan, _) = try CDKPlanCLITests.plan([base, head])
        #expect(status == 0)
        let asset = try #require(CDKPlanCLITests.assets(plan)["asset.\(newKey)"])
        #expect(asset["unzippedBytes"] as? Int == 53 * 200)  // 53 bytes a line
        #expect(asset["logicalIds"] as? [String] == ["ApiFunction", "ApiFunctionCurrentVersion9F8E7D6C"])
        let zipped = try #require(asset["zippedBytes"] as? Int)
        let changes = try #require(plan["changes"] as? [[String: Any]])
        func change(_ id: String) -> [String: Any]? { changes.first { $0["logicalId"] as? String == id } }
        // The function's code: the new asset's estimated zip for BASE's 487 bytes.
        #expect(change("ApiFunction")?["action"] as? String == "update")
        #expect(change("ApiFunction")?["storageDeltaBytes"] as? Int == zipped - 487)
        // The new version: a copy of the new code. The old one: retained, its copy kept.
        #expect(change("ApiFunctionCurrentVersion9F8E7D6C")?["action"] as? String == "create")
        #expect(change("ApiFunctionCurrentVersion9F8E7D6C")?["storageDeltaBytes"] as? Int == zipped)
        #expect(change("ApiFunctionCurrentVersion4E1A2B3C")?["action"] as? String == "delete")
        #expect(change("ApiFunctionCurrentVersion4E1A2B3C")?["retained"] as? Bool == true)
        #expect(change("ApiFunctionCurrentVersion4E1A2B3C")?["storageDeltaBytes"] as? Int == 0)
        let storage = try #require(plan["storage"] as? [String: Any])
        #expect(storage["deltaBytes"] as? Int == 2 * zipped - 487)
        #expect(storage["estimatedSizes"] as? [String] == ["ApiFunction", "ApiFunctionCurrentVersion9F8E7D6C"])
    }
}
