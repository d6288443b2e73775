import CFNLoader

/// The Lambda code storage settings of the account, from `--account-settings FILE` (what
/// `aws lambda get-account-settings` prints).
public struct AccountSettings: Sendable, Hashable {
    /// `AccountLimit.TotalCodeSize`: the quota of Lambda-managed code storage.
    public var totalCodeSizeLimit: Int64
    /// `AccountUsage.TotalCodeSize`: the storage used before the deployment; nil when not known.
    public var totalCodeSizeUsage: Int64?
    /// `AccountLimit.CodeSizeUnzipped`: the most a function and its layers may be, unzipped.
    public var codeSizeUnzippedLimit: Int64

    /// 250 MB, what `get-account-settings` reports as `CodeSizeUnzipped` (seed: 250 MB unzipped).
    public static let defaultCodeSizeUnzipped: Int64 = 262_144_000

    public init(totalCodeSizeLimit: Int64 = StorageSummary.defaultQuotaBytes, totalCodeSizeUsage: Int64? = nil,
                codeSizeUnzippedLimit: Int64 = AccountSettings.defaultCodeSizeUnzipped) {
        self.totalCodeSizeLimit = totalCodeSizeLimit
        self.totalCodeSizeUsage = totalCodeSizeUsage
        self.codeSizeUnzippedLimit = codeSizeUnzippedLimit
    }

    /// The settings (defaults where the file says nothing readable), and findings located in the
    /// file. Other fields of `get-account-settings` (concurrency, function count) are ignored.
    public static func parse(_ bytes: [UInt8]) -> (settings: AccountSettings, findings: [Finding]) {
        let invalid = StorageRules.accountSettingsInvalid
        let (loaded, loaderFindings) = StorageInputFile.load(bytes, invalid: invalid)
        guard let file = loaded else { return (AccountSettings(), loaderFindings) }
        var findings = loaderFindings
        func problem(_ message: String, _ node: NodeID) {
            let finding = Finding(invalid, message, at: file.range(node))
            if !findings.contains(finding) { findings.append(finding) }
        }
        let tree = file.tree
        guard tree.kind(file.root) == .mapping else {
            problem("an account settings file is the JSON object `aws lambda get-account-settings` prints, with AccountLimit and AccountUsage", file.root)
            return (AccountSettings(), findings)
        }
        /// The byte count at `section.field`: nil when absent, reported when not a byte count.
        func count(_ section: String, _ field: String) -> (value: Int64?, present: Bool) {
            guard let sectionNode = tree.value(forKey: section, in: file.root) else { return (nil, false) }
            guard tree.kind(sectionNode) == .mapping else {
                problem("\(section) must be an object", sectionNode)
                return (nil, true)
            }
            guard let node = tree.value(forKey: field, in: sectionNode) else { return (nil, false) }
            guard let value = file.byteCount(node) else {
                problem("\(section).\(field) must be a byte count (a whole number, at least 0)", node)
                return (nil, true)
            }
            return (value, true)
        }
        var settings = AccountSettings()
        let limit = count("AccountLimit", "TotalCodeSize")
        let usage = count("AccountUsage", "TotalCodeSize")
        let unzipped = count("AccountLimit", "CodeSizeUnzipped")
        if let value = limit.value { settings.totalCodeSizeLimit = value }
        settings.totalCodeSizeUsage = usage.value
        if let value = unzipped.value { settings.codeSizeUnzippedLimit = value }
        if !limit.present, !usage.present {
            problem("the file has neither AccountLimit.TotalCodeSize nor AccountUsage.TotalCodeSize; give what `aws lambda get-account-settings` prints", file.root)
        }
        return (settings, findings)
    }
}
