import Foundation

/// The vendored CloudFormation files, read from this module's resource folder.
///
/// The schema files are byte-for-byte copies of cfn-lint's (see README.md); their known defects are
/// fixed by `patches.json`, which CFNCore applies when it loads a schema. This module only hands out
/// bytes: it parses nothing and never prints.
public enum SchemaFiles {
    /// The resource types with a schema, sorted.
    public static let resourceTypes: [String] = [
        "AWS::IAM::ManagedPolicy",
        "AWS::IAM::Policy",
        "AWS::IAM::Role",
        "AWS::Lambda::Function",
        "AWS::Lambda::LayerVersion",
        "AWS::Lambda::LayerVersionPermission",
        "AWS::S3::Bucket",
        "AWS::S3::BucketPolicy",
    ]

    /// `aws-lambda-function` for `AWS::Lambda::Function`: the file name, without `.json`, under `resources/`.
    public static func fileName(forType type: String) -> String {
        type.lowercased().replacingOccurrences(of: "::", with: "-")
    }

    /// The schema of a resource type as shipped, or nil when there is none.
    public static func data(forType type: String) -> Data? {
        guard resourceTypes.contains(type) else { return nil }
        return resource(fileName(forType: type), subdirectory: "resources")
    }

    /// `lambda-runtime-lifecycle.json`: runtime → deprecated, create-block, update-block, successor.
    public static var runtimeLifecycle: Data? { resource("lambda-runtime-lifecycle") }

    /// `patches.json`: the documented RFC 6902 patches applied on top of the schemas, by type.
    public static var patches: Data? { resource("patches") }

    /// A SAM transform data file under `sam/` (`policy_templates`, `aws_managed_policies`).
    public static func samData(named name: String) -> Data? { resource(name, subdirectory: "sam") }

    /// Whether the schema files were found; without them schema checks are skipped.
    public static var isAvailable: Bool { directory != nil }

    /// The resource folder SwiftPM builds beside the executable (`cfn-lambda_CFNSchemas.resources`,
    /// or a `.bundle` on macOS), or the folder named by `CFN_LAMBDA_SCHEMAS`. Found without
    /// `Bundle.module`, whose generated accessor traps when the folder is missing: a binary copied
    /// without its resources then runs without schema checks instead of crashing.
    public static let directory: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CFN_LAMBDA_SCHEMAS"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in folders {
            candidates.append(folder.appendingPathComponent("cfn-lambda_CFNSchemas.resources"))
            candidates.append(folder.appendingPathComponent("cfn-lambda_CFNSchemas.bundle/Contents/Resources"))
            candidates.append(folder.appendingPathComponent("cfn-lambda_CFNSchemas.bundle"))
        }
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("patches.json").path) }
    }()

    private static func resource(_ name: String, subdirectory: String? = nil) -> Data? {
        guard var url = directory else { return nil }
        if let subdirectory { url.appendPathComponent(subdirectory) }
        return try? Data(contentsOf: url.appendingPathComponent(name + ".json"))
    }
}
