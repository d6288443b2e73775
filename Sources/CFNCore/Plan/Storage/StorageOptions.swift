/// What the code storage plan needs besides the templates and sizes.
public struct StorageOptions: Sendable, Hashable {
    /// Which size counts when an artifact gives both (`--quota-basis`, default zipped).
    public var quotaBasis: QuotaBasis
    /// The quota, the usage before, and the unzipped size limit (`--account-settings`).
    public var account: AccountSettings
    /// Set when `account.totalCodeSizeUsage` is not the account's figure but a lower bound of it
    /// (`plan --state` without the account's usage): why. The summary repeats it.
    public var usageBeforeNote: String?

    public init(quotaBasis: QuotaBasis = .zipped, account: AccountSettings = AccountSettings()) {
        self.quotaBasis = quotaBasis
        self.account = account
    }
}
