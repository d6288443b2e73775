/// How Lambda stores a deployed function's or layer version's code, from `get-function` /
/// `get-layer-version-by-arn`.
///
/// Current Lambda API models return `Code.ResolvedS3Object` (functions) and
/// `Content.ResolvedS3Object` (layer versions) for self-managed code stored with
/// `S3ObjectStorageMode: REFERENCE`; Lambda-managed code has none. An `aws` CLI whose model
/// predates the field drops it, so its absence means COPY only when the snapshot's CLI reports it.
public enum DeployedStorage: Sendable, Hashable {
    /// In Lambda-managed storage: counts against the code storage quota.
    case copy
    /// Referenced in the named S3 object (self-managed); not counted.
    case reference(S3Location)
    /// A container image in Amazon ECR.
    case image
    /// The snapshot cannot tell (its `aws` CLI does not report `ResolvedS3Object`).
    case unknown

    public var isCounted: Bool { self == .copy }

    /// `COPY`, `REFERENCE`, `Image` or `unknown`, as the reports write it.
    public var label: String {
        switch self {
        case .copy: "COPY"
        case .reference: "REFERENCE"
        case .image: "Image"
        case .unknown: "unknown"
        }
    }
}
