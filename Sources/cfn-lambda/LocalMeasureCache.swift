import CFNCore
import Foundation

/// Sizes of local code by path, measured once: a folder is deflated once, not once per function
/// or CDK asset that names it (SAM's `Globals` often give every function the same `CodeUri`).
final class LocalMeasureCache: @unchecked Sendable {
    let directory: String
    private let lock = NSLock()
    private var sizes: [String: MeasuredAsset?] = [:]

    init(directory: String) {
        self.directory = directory
    }

    /// A CDK asset, packaged as its manifest says.
    func asset(_ path: String, _ packaging: CDKAssetManifest.Packaging?) -> MeasuredAsset? {
        cached("asset:" + (packaging?.rawValue ?? "") + ":" + path) {
            LocalCodeSize.measureAsset(path, packaging: packaging, relativeTo: directory)
        }
    }

    /// A `Code`/`Content`/`CodeUri` path as `aws cloudformation package` and `sam package` upload it.
    func packaged(_ path: String) -> MeasuredAsset? {
        cached("package:" + path) { LocalCodeSize.measure(path, relativeTo: directory) }
    }

    private func cached(_ key: String, _ measure: () -> MeasuredAsset?) -> MeasuredAsset? {
        lock.lock()
        defer { lock.unlock() }
        if let known = sizes[key] { return known }
        let measured = measure()
        sizes[key] = measured
        return measured
    }
}
