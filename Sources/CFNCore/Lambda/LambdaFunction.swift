/// An `AWS::Lambda::Function` after resolution: each property as a `Resolved` value (which knows
/// where it is written), possibly with `Fn::If` alternatives inside.
public final class LambdaFunction: ResolvedResource, LambdaResource, @unchecked Sendable {
    public static let type = "AWS::Lambda::Function"

    public var functionName: Resolved? { self["FunctionName"] }
    public var packageType: Resolved? { self["PackageType"] }
    public var runtime: Resolved? { self["Runtime"] }
    public var handler: Resolved? { self["Handler"] }
    public var role: Resolved? { self["Role"] }
    public var code: Resolved? { self["Code"] }
    public var layers: Resolved? { self["Layers"] }
    public var architectures: Resolved? { self["Architectures"] }
    public var memorySize: Resolved? { self["MemorySize"] }
    public var timeout: Resolved? { self["Timeout"] }
    public var ephemeralStorage: Resolved? { self["EphemeralStorage"] }
    public var environment: Resolved? { self["Environment"] }
    public var vpcConfig: Resolved? { self["VpcConfig"] }
    public var fileSystemConfigs: Resolved? { self["FileSystemConfigs"] }
}

/// Where a function's or layer's code comes from, read from one alternative of `Code`/`Content`.
public struct CodeLocation: Sendable, Hashable {
    public var zipFile: Resolved?
    public var s3Bucket: Resolved?
    public var s3Key: Resolved?
    public var s3ObjectVersion: Resolved?
    public var imageUri: Resolved?
    /// `S3ObjectStorageMode`: `COPY` (the default when absent) or `REFERENCE`.
    public var storageMode: Resolved?

    public init(_ code: Resolved?) {
        zipFile = code?["ZipFile"]
        s3Bucket = code?["S3Bucket"]
        s3Key = code?["S3Key"]
        s3ObjectVersion = code?["S3ObjectVersion"]
        imageUri = code?["ImageUri"]
        storageMode = code?["S3ObjectStorageMode"]
    }

    /// True when the storage mode is known to be REFERENCE; false when it is known COPY or absent.
    public var isReference: Bool? {
        guard let storageMode else { return false }
        if storageMode.isUnknown { return nil }
        return storageMode.text == "REFERENCE"
    }
}
