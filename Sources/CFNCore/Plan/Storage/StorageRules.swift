/// The rules of the plan's code storage part: the two input files it reads, and the deployment
/// failures it predicts.
public enum StorageRules {
    public static let artifactSizesInvalid = RuleDescriptor(
        id: "artifact-sizes.invalid", severity: .error, summary: "An artifact sizes file that cannot be read",
        explanation: "`--artifact-sizes FILE` is a JSON object from S3 URLs to sizes: `{\"s3://bucket/key\": 10485760, \"s3://bucket/key?versionId=V\": {\"zipped\": 10485760, \"unzipped\": 31457280}}`. A key is `s3://bucket/key`, optionally with `?versionId=`; a value is a byte count or an object with `zipped` and/or `unzipped` byte counts. An entry that does not fit is left out, and the artifact it names counts as of unknown size.")

    public static let accountSettingsInvalid = RuleDescriptor(
        id: "account-settings.invalid", severity: .error, summary: "An account settings file that cannot be read",
        explanation: "`--account-settings FILE` is what `aws lambda get-account-settings` prints: the quota of Lambda-managed code storage is `AccountLimit.TotalCodeSize` (300 GB, 322122547200 bytes, when absent), the usage before the deployment `AccountUsage.TotalCodeSize`, and the unzipped size limit of a function and its layers `AccountLimit.CodeSizeUnzipped` (250 MB, 262144000 bytes, when absent). A value that is not a byte count is left out.")

    public static let codeStorageQuota = RuleDescriptor(
        id: "plan.code-storage-quota", severity: .error,
        summary: "A change that takes Lambda-managed code storage over the account's quota",
        explanation: "Lambda keeps a copy of the code of every function and layer version stored with `S3ObjectStorageMode: COPY` (the default when the field is absent) in Lambda-managed storage, limited per account and Region (300 GB by default; `AccountLimit.TotalCodeSize`). Creating such a function or layer version, updating its code, replacing it, or switching it from REFERENCE to COPY fails when the storage it needs goes beyond the quota. CloudFormation deletes removed and replaced resources only in the cleanup phase after every create and update, so the plan adds the deployment's creates, updates and switches to the usage before it (`AccountUsage.TotalCodeSize`, from `--account-settings`) and reports each change that adds storage when that total is over the quota. Switch to `S3ObjectStorageMode: REFERENCE`, delete unused function versions and layer versions, or ask for a higher quota.")

    public static let codeSizeUnzipped = RuleDescriptor(
        id: "plan.code-size-unzipped", severity: .error,
        summary: "A function whose code and layers are above Lambda's unzipped size limit",
        explanation: "The code of a function and all its layers, unzipped, must fit in 250 MB (262144000 bytes; `AccountLimit.CodeSizeUnzipped`), with Lambda-managed or self-managed (REFERENCE) storage alike. The plan adds the unzipped sizes it knows, from `{\"zipped\": N, \"unzipped\": M}` entries of `--artifact-sizes` and inline `ZipFile` source, for the function and the layer versions of the same template it lists in `Layers`, and reports a function it creates, replaces or whose `Code` or `Layers` change when they are over the limit: Lambda rejects the deployment. Sizes given as a single number are not known to be unzipped and are left out.")

    public static let all: [RuleDescriptor] = [artifactSizesInvalid, accountSettingsInvalid, codeStorageQuota, codeSizeUnzipped]
}
