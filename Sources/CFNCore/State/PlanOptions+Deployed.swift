extension PlanOptions {
    /// Plans over the deployed stack (`plan --state`): BASE's code sizes and storage modes are
    /// Lambda's, BASE's functions use the subnets and security groups Lambda has, and the quota and
    /// usage are the account's, unless `keepAccountSettings` (an `--account-settings` file was given
    /// and wins).
    public mutating func use(_ state: DeployedState, keepAccountSettings: Bool = false) {
        deployed = state
        sizes.deployed = state.deployedCode
        if !keepAccountSettings, let account = state.accountSettings { storage.account = account }
    }
}
