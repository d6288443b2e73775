import CFNCore
import Foundation

/// `--artifact-sizes`, `--account-settings` and `--quota-basis`: the files are read here, as bytes,
/// and parsed by the library; local Code/Content paths are measured on disk here, since the
/// library reads no files.
struct PlanStorageInputs {
    struct File {
        let path: String
        let bytes: [UInt8]
    }

    var artifactSizes: File?
    var accountSettings: File?
    var quotaBasis: PlanQuotaBasis
    /// Files that could not be read, as messages.
    var unreadable: [String] = []

    init(artifactSizes: String?, accountSettings: String?, quotaBasis: PlanQuotaBasis) {
        self.quotaBasis = quotaBasis
        if let artifactSizes { self.artifactSizes = read(artifactSizes, "artifact sizes") }
        if let accountSettings { self.accountSettings = read(accountSettings, "account settings") }
    }

    private mutating func read(_ path: String, _ what: String) -> File? {
        guard let bytes = TemplateFiles.read(path) else {
            unreadable.append("\(path): no such \(what) file, or it cannot be read")
            return nil
        }
        return File(path: path, bytes: bytes)
    }

    /// Puts what the files say into the planner's options; returns the problems found in the files.
    /// `headDirectory` is where HEAD's relative code paths start; `head` and `base` are the template
    /// files (nil for BASE from git, standard input or a state file), whose CDK assets are measured.
    func apply(to options: inout PlanOptions, headDirectory: String, head: String? = nil, base: String? = nil) -> [FileReport] {
        var reports: [FileReport] = []
        var sizes = CodeSizes()
        if let file = artifactSizes {
            let (parsed, findings) = ArtifactSizes.parse(file.bytes)
            sizes.artifacts = parsed
            if !findings.isEmpty { reports.append(FileReport(file: file.path, bytes: file.bytes, findings: findings)) }
        }
        let local = LocalMeasureCache(directory: headDirectory)
        sizes.measureHead = { path in local.packaged(path) }
        for (template, isHead) in [(head, true), (base, false)] {
            guard let template, template != "-" else { continue }
            let (assets, report) = CDKAssetInput(template: template).assets()
            if isHead { sizes.headAssets = assets } else { sizes.baseAssets = assets }
            if let report, !reports.contains(where: { $0.file == report.file }) { reports.append(report) }
        }
        var storage = StorageOptions(quotaBasis: quotaBasis == .zipped ? .zipped : .unzipped)
        if let file = accountSettings {
            let (parsed, findings) = AccountSettings.parse(file.bytes)
            storage.account = parsed
            if !findings.isEmpty { reports.append(FileReport(file: file.path, bytes: file.bytes, findings: findings)) }
        }
        options.sizes = sizes
        options.storage = storage
        return reports
    }
}
