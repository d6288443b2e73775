/// What `plan.version-config-not-published` says about a function whose configuration changes
/// while a version of it stays the same. A published version is an immutable snapshot of the
/// function's code and configuration (Lambda docs, "Manage Lambda function versions": a version
/// includes the code, the runtime and all the function settings, environment variables included),
/// so an update that publishes nothing changes only `$LATEST`.
enum UnpublishedConfiguration {
    /// The function properties a published version keeps as they were when it was published (the
    /// settings `UpdateFunctionConfiguration` changes, and the architecture); the code is the sibling
    /// rule's. Tags, reserved concurrency and the name belong to the function, not to a version.
    static let snapshotProperties: Set<String> = [
        "Architectures", "DeadLetterConfig", "Environment", "EphemeralStorage", "FileSystemConfigs", "Handler",
        "ImageConfig", "KmsKeyArn", "Layers", "LoggingConfig", "MemorySize", "Runtime", "SnapStart", "Timeout",
        "TracingConfig", "VpcConfig",
    ]

    /// The details of a function's change that a version snapshots, sorted by path.
    static func details(of functionChange: ResourceChange) -> [ChangeDetail] {
        functionChange.details.filter { detail in
            detail.path.split(separator: "/").first.map { snapshotProperties.contains(String($0)) } == true
        }
    }

    /// A detail's path, with what changed it when not the template text.
    static func describe(_ detail: ChangeDetail) -> String {
        switch detail.reason {
        case .direct: detail.path
        case .parameter: "\(detail.path) by a parameter value"
        case .reference: "\(detail.path) by replacing \(detail.referencedResource ?? "a referenced resource")"
        case .localCode: "\(detail.path) by its local files"
        }
    }

    /// How to publish a new version with the change. SAM (aws-sam-translator 1.110,
    /// `SamFunction._construct_version`) hashes into the version's logical ID the code, Environment,
    /// MemorySize and SnapStart, or with `AutoPublishAliasAllProperties` every property, each as
    /// written, before parameters are resolved; a layer's content only where the
    /// `AWS::Serverless::LayerVersion` sets `PublishLambdaVersion`. It resolves parameters in
    /// `AutoPublishCodeSha256`, which it hashes too.
    static func fix(for details: [ChangeDetail], samFunction: String?) -> String {
        guard let samFunction else {
            return "give the version a new logical ID with each configuration change, or change its Description with it, "
                + "so that CloudFormation publishes a new one"
        }
        var fixes: [String] = []
        let written = details.filter { $0.reason == .direct }
        if written.contains(where: { !$0.path.hasPrefix("Layers") }) {
            fixes.append("set AutoPublishAliasAllProperties: true on \(samFunction), so that SAM hashes every property into the version's logical ID")
        }
        if written.contains(where: { $0.path.hasPrefix("Layers") }) {
            fixes.append("for a layer, set AutoPublishAliasAllProperties: true on \(samFunction) and PublishLambdaVersion: true on "
                + "the AWS::Serverless::LayerVersion, so that SAM hashes the layer's content into the version's logical ID")
        }
        if details.contains(where: { $0.reason != .direct }) {
            fixes.append("SAM hashes the properties as written, before parameters are resolved (Environment, MemorySize and SnapStart, "
                + "or every property with AutoPublishAliasAllProperties), so a parameter's new value or a replaced resource "
                + "publishes nothing: pass the value that changes in AutoPublishCodeSha256 too, which SAM resolves before hashing")
        }
        return fixes.joined(separator: "; ")
    }
}
