import CFNCore
import Foundation

/// The CDK asset manifest beside a template (`cdk.out/<Stack>.template.json` has
/// `<Stack>.assets.json`), read here as bytes and parsed by the library, and the measure of the
/// assets on disk, each measured once however often the plan asks.
struct CDKAssetInput {
    /// The manifest's path, and its bytes when it exists and can be read.
    var manifestPath: String?
    var manifestBytes: [UInt8]?
    /// The manifest's path when the template is in a cloud assembly (`manifest.json` beside it) without one.
    var missingManifest: String?
    let directory: String

    /// `template` as named on the command line; `-` and git revisions have no folder to read.
    init(template: String) {
        directory = PathText.directory(of: template)
        let name = PathText.lastComponent(of: template)
        guard name.hasSuffix(".template.json") else { return }
        let path = (directory as NSString).appendingPathComponent(String(name.dropLast(".template.json".count)) + ".assets.json")
        guard FileManager.default.fileExists(atPath: path) else {
            let assembly = (directory as NSString).appendingPathComponent("manifest.json")
            if FileManager.default.fileExists(atPath: assembly) { missingManifest = path }
            return
        }
        manifestPath = path
        manifestBytes = TemplateFiles.read(path)
    }

    /// The library's view of the assets; a report when the manifest has problems.
    func assets() -> (assets: CDKAssets, report: FileReport?) {
        var manifest: CDKAssetManifest?
        var report: FileReport?
        if let manifestPath, let bytes = manifestBytes {
            let (parsed, findings) = CDKAssetManifest.parse(bytes)
            manifest = parsed
            if !findings.isEmpty { report = FileReport(file: manifestPath, bytes: bytes, findings: findings) }
        }
        let cache = LocalMeasureCache(directory: directory)
        var assets = CDKAssets(manifest: manifest, measure: { cache.asset($0, $1) })
        assets.missingManifest = missingManifest
        return (assets, report)
    }
}
