/// The rules of a plan's CDK assets: the manifest it reads beside a template, and the assets it
/// cannot measure.
public enum CDKAssetRules {
    public static let manifestInvalid = RuleDescriptor(
        id: "cdk-assets.invalid", severity: .warning, summary: "A CDK asset manifest that cannot be read",
        explanation: "Planning `cdk.out/<Stack>.template.json`, the plan reads the asset manifest beside it (`<Stack>.assets.json`, the cloud assembly schema's `AssetManifest`): `files.<id>.source` gives the asset's `path` (relative to the manifest) and `packaging` (`file`, the default, or `zip` for a folder), `destinations.<name>` the `bucketName` and `objectKey` the CDK CLI uploads it to. An asset that does not fit is left out, and the code it holds counts as of unknown size unless the resource's `aws:asset:path` metadata names it.")

    public static let assetMissing = RuleDescriptor(
        id: "plan.cdk-asset-missing", severity: .warning, summary: "A CDK asset the plan cannot measure",
        explanation: "A function's `Code` or a layer version's `Content` is a CDK asset (its `S3Key` is an `objectKey` of the asset manifest, or its `aws:asset:path` metadata names it), but the asset is not in the `cdk.out` folder, cannot be read, or is made by an `executable` at deploy time; or the template is in a cloud assembly (a folder with `manifest.json`) without its asset manifest, and code of unknown size has no `aws:asset:path` metadata. Its size is not known: the storage totals leave it out and say so, and the unzipped size check cannot count it. Run `cdk synth` again, plan the `cdk.out` the deployment will use, or give the size with `--artifact-sizes`.")

    public static let assetRefused = RuleDescriptor(
        id: "plan.cdk-asset-refused", severity: .warning, summary: "A CDK asset Lambda will refuse: not a zip, or an empty one",
        explanation: "Lambda takes a function's code and a layer version's content as a zip archive with at least one file, and refuses anything else with \"Uploaded file must be a non-empty zip\" (InvalidParameterValueException), which fails the deployment. A file asset whose central directory cannot be read is not such an archive (and its unzipped size is not known); a zip without entries, or a folder asset with no files (the CDK CLI zips it as it is, empty when a bundling step wrote nothing), is empty. Rebuild the asset (check the bundling output) and run `cdk synth` again.")

    public static let all: [RuleDescriptor] = [manifestInvalid, assetMissing, assetRefused]
}
