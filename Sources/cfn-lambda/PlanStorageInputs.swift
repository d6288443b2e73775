import CFNCore

/// `--artifact-sizes`, `--account-settings` and `--quota-basis`: the files are read here, as bytes;
/// what they mean is the library's business.
///
/// TODO(merge, issue 4 storage): parse `artifactSizes` with `ArtifactSizes` and `accountSettings`
/// with `AccountSettings` (Sources/CFNCore/Plan/Storage/, on the storage branch) in `apply(to:)`:
/// fill `PlanOptions` (quota and usage before from the account settings, the sizes, the quota
/// basis, and a closure that measures a Code/Content local file or folder on disk, since the
/// library reads no files), and return the parsers' findings as reports located in these files.
/// Until then the files are only checked to be readable.
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
    func apply(to options: inout PlanOptions) -> [FileReport] {
        // TODO(merge, issue 4 storage): ArtifactSizes.parse(artifactSizes.bytes),
        // AccountSettings.parse(accountSettings.bytes), quotaBasis -> options.
        []
    }
}
