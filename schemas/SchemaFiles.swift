import Foundation

/// The vendored CloudFormation files, read from this module's resource bundle.
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

    private static func resource(_ name: String, subdirectory: String? = nil) -> Data? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: subdirectory) else {
            return nil
        }
        return try? Data(contentsOf: url)
    }
}
