import Foundation
import Testing

/// `cfn-lambda plan` on a synthesized CDK app (templates/cdk/cdk.out): the code sizes come from the
/// assets beside the template, without --artifact-sizes.
///
/// The fixture, made by hand as `cdk synth` lays it out: ApiFunction's code is a folder asset
/// (packaging zip: index.js, 179 bytes, and lib/orders.js, 3280 bytes), WorkerFunction's a zip
/// file asset (worker.py, 2420 bytes, deflated to a 233-byte zip), and DepsLayer's a zip file
/// asset (python/orders_deps/__init__.py, 1700 bytes, and money.py, 2600 bytes: a 390-byte zip).
@Suite struct CDKPlanCLITests {
    static let folder = ReadmeExampleTests.root.appendingPathComponent("templates/cdk/cdk.out")
    static let template = "OrdersStack.template.json"
    static let api = "asset.14c2529eb4498c5d1ffd6915d05bf58a91bdda796af59f41d480d11c099d0479"
    static let worker = "asset.87eba76e7f3164534045ba922e7770fb58bbd14ad732bbf5ba6f11cc56989e6e.zip"
    static let layer = "asset.f93464a48a2b9281080b555fac1081b1852154552800cbc6a2440ad1e3629033.zip"

    /// A copy of the fixture to change.
    static func copy() throws -> Scratch {
        let scratch = try Scratch([:])
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: scratch.url.appendingPathComponent("cdk.out"))
        return scratch
    }

    static func plan(_ arguments: [String]) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let result = try CLI.run(["plan", "-f", "json"] + arguments)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (result.status, json, result.stderr)
    }

    static func deltas(_ plan: [String: Any]) -> [String: Int] {
        let changes = plan["changes"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: changes.compactMap { change in
            (change["storageDeltaBytes"] as? Int).map { (change["logicalId"] as? String ?? "", $0) }
        })
    }

    static func assets(_ plan: [String: Any]) -> [String: [String: Any]] {
        let list = plan["assets"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["path"] as? String ?? "", $0) })
    }

    @Test func theAssetsBesideTheTemplateGiveTheSizes() throws {
        let (status, plan, _) = try Self.plan([Self.folder.appendingPathComponent(Self.template).path])
        #expect(status == 0)
        // Zipped: the zip files' own sizes; the folder's zip estimated (zlib's default level, raw
        // deflate: 147 and 92 bytes, as Python's zlib.compressobj(6, DEFLATED, -15) makes them, plus
        // 30 + 16 + 46 bytes and the name twice per entry, and 22 for the end record).
        #expect(Self.deltas(plan) == ["ApiFunction": 487, "WorkerFunction": 233, "DepsLayer": 390])
        let storage = try #require(plan["storage"] as? [String: Any])
        #expect(storage["deltaBytes"] as? Int == 487 + 233 + 390)
        #expect(storage["unknownSizes"] as? [String] == [])
        #expect(storage["estimatedSizes"] as? [String] == ["ApiFunction"])
        let assets = Self.assets(plan)
        #expect(assets.count == 3)
        let api = try #require(assets[Self.api])
        #expect(api["packaging"] as? String == "zip")
        #expect(api["source"] as? String == "manifest")
        #expect(api["logicalIds"] as? [String] == ["ApiFunction"])
        #expect(api["unzippedBytes"] as? Int == 179 + 3280)
        #expect(api["zippedBytes"] as? Int == 487)
        #expect(api["zippedEstimated"] as? Bool == true)
        let worker = try #require(assets[Self.worker])
        #expect(worker["packaging"] as? String == "file")
        #expect(worker["zippedBytes"] as? Int == 233)
        #expect(worker["unzippedBytes"] as? Int == 2420)
        #expect(worker["zippedEstimated"] as? Bool == false)
        #expect(assets[Self.layer]?["unzippedBytes"] as? Int == 1700 + 2600)
    }

    @Test func textSaysWhichSizeIsEstimated() throws {
        let result = try CLI.run(["plan", Self.folder.appendingPathComponent(Self.template).path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  + ApiFunction (AWS::Lambda::Function) will be created, storage +487 bytes (estimated)\n"))
        #expect(result.stdout.contains("Code storage (Lambda-managed): +1.1 KiB (estimated)\n"))
        #expect(result.stdout.contains("  zipped sizes estimated (the folder is zipped at deploy): ApiFunction\n"))
        #expect(result.stdout.contains("    \(Self.api) (folder, zipped at deploy) for ApiFunction: 487 bytes zipped (estimated), 3.4 KiB unzipped\n"))
        #expect(result.stdout.contains("    \(Self.worker) (file) for WorkerFunction: 233 bytes zipped, 2.4 KiB unzipped\n"))
    }

    @Test func theUnzippedSizesReachTheLimitCheck() throws {
        let scratch = try Scratch(["settings.json": #"{"AccountLimit": {"TotalCodeSize": 322122547200, "CodeSizeUnzipped": 6000}}"#])
        let result = try CLI.run(["plan", "--account-settings", scratch.path("settings.json"),
                                  Self.folder.appendingPathComponent(Self.template).path])
        #expect(result.status == 1)
        // WorkerFunction: 2420 bytes of its own and 4300 of DepsLayer; ApiFunction's 3459 fit.
        #expect(result.stdout.contains(
            ":88:13: error: function WorkerFunction is 6720 bytes (6.6 KiB) unzipped with its layers, above Lambda's limit of 6000 bytes (5.9 KiB) for a function and its layers (code 2420 bytes (2.4 KiB), layer DepsLayer 4300 bytes (4.2 KiB)); Lambda rejects the code [plan.code-size-unzipped]\n"))
        #expect(!result.stdout.contains("function ApiFunction is"))
    }

    @Test func withoutTheManifestTheMetadataNamesTheAssets() throws {
        let scratch = try Self.copy()
        try FileManager.default.removeItem(atPath: scratch.path("cdk.out/OrdersStack.assets.json"))
        let (status, plan, _) = try Self.plan([scratch.path("cdk.out/" + Self.template)])
        #expect(status == 0)
        #expect(Self.deltas(plan) == ["ApiFunction": 487, "WorkerFunction": 233, "DepsLayer": 390])
        #expect(Self.assets(plan).values.map { $0["source"] as? String } == ["metadata", "metadata", "metadata"])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "plan.cdk-asset-missing" })
    }

    @Test func withoutTheManifestOrTheMetadataTheSizeIsUnknownAndSaidSo() throws {
        let scratch = try Self.copy()
        try FileManager.default.removeItem(atPath: scratch.path("cdk.out/OrdersStack.assets.json"))
        let head = scratch.path("cdk.out/" + Self.template)
        let template = try String(contentsOfFile: head, encoding: .utf8)
        try template.replacingOccurrences(of: #""aws:asset:path": "\#(Self.worker)","#, with: "")
            .write(toFile: head, atomically: true, encoding: .utf8)
        let (status, plan, _) = try Self.plan([head])
        #expect(status == 0)
        #expect(Self.deltas(plan) == ["ApiFunction": 487, "DepsLayer": 390])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let missing = findings.filter { $0["rule"] as? String == "plan.cdk-asset-missing" }
        #expect(missing.map { $0["line"] as? Int } == [88])
        #expect(missing.first?["message"] as? String == "the size of the Code of function WorkerFunction is not known: the cloud assembly has no asset manifest \(scratch.path("cdk.out/OrdersStack.assets.json")) beside the template to find its asset by S3 key, and the resource has no aws:asset:path metadata; run `cdk synth` again or give its size with --artifact-sizes")
    }

    @Test func aMissingAssetIsAWarningAndAnUnknownSize() throws {
        let scratch = try Self.copy()
        try FileManager.default.removeItem(atPath: scratch.path("cdk.out/" + Self.api))
        let head = scratch.path("cdk.out/" + Self.template)
        let (status, plan, _) = try Self.plan([head])
        #expect(status == 0)
        #expect(Self.deltas(plan) == ["WorkerFunction": 233, "DepsLayer": 390])
        let storage = try #require(plan["storage"] as? [String: Any])
        #expect(storage["unknownSizes"] as? [String] == [Self.api])
        #expect(storage["estimatedSizes"] as? [String] == [])
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let missing = findings.filter { $0["rule"] as? String == "plan.cdk-asset-missing" }
        #expect(missing.count == 1)
        #expect(missing.first?["severity"] as? String == "warning")
        #expect(missing.first?["line"] as? Int == 60)
        #expect(missing.first?["column"] as? Int == 13)
        #expect(missing.first?["message"] as? String == "the Code of function ApiFunction is the CDK asset the asset manifest's \(Self.api), which is not in the template's folder or cannot be read: its size is not known, and the storage totals leave it out; run `cdk synth` again or give its size with --artifact-sizes")
        let api = try #require(Self.assets(plan)[Self.api])
        #expect(api["zippedBytes"] is NSNull)
        #expect(api["unzippedBytes"] is NSNull)
    }

    @Test func anUnreadableManifestIsAWarningInIt() throws {
        let scratch = try Self.copy()
        try Data(#"{"version": "36.0.0", "files": {"abc": {"source": {"path": "x", "packaging": "tar"}}}}"#.utf8)
            .write(to: URL(fileURLWithPath: scratch.path("cdk.out/OrdersStack.assets.json")))
        let (status, plan, _) = try Self.plan([scratch.path("cdk.out/" + Self.template)])
        #expect(status == 0)
        let findings = try #require(plan["findings"] as? [[String: Any]])
        let invalid = try #require(findings.first { $0["rule"] as? String == "cdk-assets.invalid" })
        #expect((invalid["file"] as? String)?.hasSuffix("cdk.out/OrdersStack.assets.json") == true)
        #expect(invalid["message"] as? String == "`packaging` of file asset 'abc' must be \"file\" or \"zip\"")
        // The metadata still names every asset.
        #expect(Self.deltas(plan) == ["ApiFunction": 487, "WorkerFunction": 233, "DepsLayer": 390])
    }

    @Test func artifactSizesWinOverMeasuredAssets() throws {
        let key = String(Self.worker.dropFirst("asset.".count))
        let scratch = try Scratch(["sizes.json": #"{"s3://cdk-hnb659fds-assets-111111111111-eu-west-1/\#(key)": {"zipped": 5000, "unzipped": 9000}}"#])
        let head = Self.folder.appendingPathComponent(Self.template).path
        // Without --account-id the bucket is not known: the entry matches by key and the manifest's bucketName.
        for settings in [[], ["--account-id", "111111111111", "--region", "eu-west-1"]] {
            let (status, plan, _) = try Self.plan(settings + ["--artifact-sizes", scratch.path("sizes.json"), head])
            #expect(status == 0)
            #expect(Self.deltas(plan) == ["ApiFunction": 487, "WorkerFunction": 5000, "DepsLayer": 390])
            #expect(Self.assets(plan)[Self.worker] == nil)
        }
        // An entry for another account's bucket is not this object.
        let (_, plan, _) = try Self.plan(["--account-id", "222222222222", "--region", "eu-west-1",
                                          "--artifact-sizes", scratch.path("sizes.json"), head])
        #expect(Self.deltas(plan)["WorkerFunction"] == 233)
    }

    @Test func changedCodeIsTheNewAssetLessTheOld() throws {
        // BASE: the same app before the worker's code changed (another cdk.out, another asset).
        let scratch = try Self.copy()
        let base = scratch.path("cdk.out/" + Self.template)
        let template = try String(contentsOfFile: base, encoding: .utf8)
        let newKey = String(repeating: "a", count: 64)
        try FileManager.default.copyItem(atPath: scratch.path("cdk.out"), toPath: scratch.path("next"))
        try template.replacingOccurrences(of: Self.worker, with: "asset.\(newKey)")
            .replacingOccurrences(of: String(Self.worker.dropFirst("asset.".count)), with: newKey + ".zip")
            .write(toFile: scratch.path("next/" + Self.template), atomically: true, encoding: .utf8)
        // The manifest is the old one: the metadata names the new asset.
        try FileManager.default.createDirectory(atPath: scratch.path("next/asset.\(newKey)"), withIntermediateDirectories: true)
        try Data(repeating: UInt8(ascii: "x"), count: 100_000).write(to: URL(fileURLWithPath: scratch.path("next/asset.\(newKey)/worker.py")))
        let (status, plan, _) = try Self.plan([base, scratch.path("next/" + Self.template)])
        #expect(status == 0)
        let deltas = Self.deltas(plan)
        let asset = try #require(Self.assets(plan)["asset.\(newKey)"])
        #expect(asset["source"] as? String == "metadata")
        #expect(asset["unzippedBytes"] as? Int == 100_000)
        let zipped = try #require(asset["zippedBytes"] as? Int)
        // 100000 equal bytes deflate to a few hundred.
        #expect(zipped > 22 && zipped < 1000)
        #expect(deltas["WorkerFunction"] == zipped - 233)
        #expect(deltas["ApiFunction"] == 0)
        let findings = try #require(plan["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "plan.cdk-asset-missing" })
    }
}
