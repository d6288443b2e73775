extension PlanOptions {
    /// Plans over the deployed stack (`plan --state`): BASE's code sizes and storage modes are
    /// Lambda's (its function versions' too), BASE's functions use the subnets and security groups
    /// Lambda has, and the quota and usage are the account's, unless `keepAccountSettings` (an
    /// `--account-settings` file was given and wins).
    ///
    /// Without the account's usage, the usage before is the stack's own storage as `cfn-lambda
    /// storage` counts it (`$LATEST`, every published version, retained ones included, and the
    /// layer versions): a lower bound, so that the usage before plus the plan's change is still a
    /// true sum of what the stack holds.
    public mutating func use(_ state: DeployedState, keepAccountSettings: Bool = false) {
        deployed = state
        sizes.deployed = state.deployedCode
        if !keepAccountSettings, let account = state.accountSettings { storage.account = account }
        guard storage.account.totalCodeSizeUsage == nil else { return }
        let report = StorageReport(state: state)
        storage.account.totalCodeSizeUsage = report.summary.totalBytes
        var note = "the account's usage is not known; this is the stack's own code storage as the state file records it "
            + "($LATEST, published versions, layer versions)"
        if !state.recordsVersions {
            note += "; the state file lists no versions (it is from before snapshot read them), so published and retained "
                + "versions are not counted: take a new snapshot"
        } else if report.summary.isLowerBound {
            note += "; some sizes or storage modes are not known and are left out"
        }
        storage.usageBeforeNote = note
    }
}
