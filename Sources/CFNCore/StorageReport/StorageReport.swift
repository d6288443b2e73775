/// Where a deployed stack's Lambda-managed code storage goes (`cfn-lambda storage`): every
/// function version and layer version with its size, what keeps it, which are reclaimable, the
/// totals against the account's quota and how many deployments are left at the recent rate.
public struct StorageReport: Sendable, Hashable {
    public var stack: String
    public var region: String?
    /// Functions (`$LATEST`, then versions by number) by logical ID, then layer versions by layer and number.
    public var items: [StorageItem]
    /// One per function of the stack, by logical ID.
    public var functions: [StorageFunctionTotal]
    public var summary: StorageReportSummary
    /// What the state does not say (each said once): versions not recorded, calls that failed.
    public var notes: [String]

    public init(stack: String, region: String?, items: [StorageItem], functions: [StorageFunctionTotal],
                summary: StorageReportSummary, notes: [String]) {
        self.stack = stack
        self.region = region
        self.items = items
        self.functions = functions
        self.summary = summary
        self.notes = notes
    }

    /// The items nothing refers to, whose deletion frees their storage.
    public var reclaimable: [StorageItem] { items.filter(\.reclaimable) }
}

/// One function version or layer version.
public struct StorageItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A function's unpublished code, `$LATEST`: deleted only with the function.
        case function
        /// A published function version.
        case functionVersion = "function-version"
        case layerVersion = "layer-version"
    }

    /// The logical ID of the function, or of the stack's layer version of the same layer.
    public var resource: String
    public var kind: Kind
    public var arn: String?
    /// `$LATEST` or a number.
    public var version: String
    /// The function name, or the layer's ARN (what the delete commands take).
    public var name: String
    public var codeSizeBytes: Int64?
    /// Where the code is: `COPY` counts against the quota; `REFERENCE` and `Image` do not; `unknown`.
    public var storage: DeployedStorage
    /// What keeps it (`$LATEST`, `alias:NAME`, `alias-routing:NAME`, `provisioned-concurrency`,
    /// `provisioned-concurrency:ALIAS`, `event-source-mapping:UUID`, `stack:LOGICAL-ID`,
    /// `function:NAME`, `function:NAME:VERSION`, or `unknown` when what refers to it is not known).
    public var keptBy: [String]
    public var reclaimable: Bool

    public init(resource: String, kind: Kind, arn: String?, version: String, name: String, codeSizeBytes: Int64?,
                storage: DeployedStorage, keptBy: [String], reclaimable: Bool) {
        self.resource = resource
        self.kind = kind
        self.arn = arn
        self.version = version
        self.name = name
        self.codeSizeBytes = codeSizeBytes
        self.storage = storage
        self.keptBy = keptBy
        self.reclaimable = reclaimable
    }

    /// The bytes it holds in Lambda-managed storage; nil when its size or storage mode is not known.
    public var storedBytes: Int64? {
        switch storage {
        case .reference, .image: 0
        case .unknown: nil
        case .copy: codeSizeBytes
        }
    }

    /// The command that deletes it (never run by cfn-lambda).
    public func deleteCommand(region: String?) -> String {
        let regionOption = region.map { " --region \($0)" } ?? ""
        switch kind {
        case .layerVersion: return "aws lambda delete-layer-version --layer-name \(name) --version-number \(version)\(regionOption)"
        case .function, .functionVersion: return "aws lambda delete-function --function-name \(name) --qualifier \(version)\(regionOption)"
        }
    }
}

/// A function's storage: `$LATEST` and its versions.
public struct StorageFunctionTotal: Sendable, Hashable {
    public var resource: String
    public var name: String
    /// The known bytes; a lower bound when `isLowerBound`.
    public var totalBytes: Int64
    public var reclaimableBytes: Int64
    /// Published versions (nil when not known).
    public var versions: Int?
    public var isLowerBound: Bool

    public init(resource: String, name: String, totalBytes: Int64, reclaimableBytes: Int64, versions: Int?, isLowerBound: Bool) {
        self.resource = resource
        self.name = name
        self.totalBytes = totalBytes
        self.reclaimableBytes = reclaimableBytes
        self.versions = versions
        self.isLowerBound = isLowerBound
    }
}

public struct StorageReportSummary: Sendable, Hashable {
    /// The stack's known bytes in Lambda-managed storage; a lower bound when `isLowerBound`.
    public var totalBytes: Int64
    public var reclaimableBytes: Int64
    /// Some size, storage mode or list of versions is not known: the totals are at least this.
    public var isLowerBound: Bool
    /// The known sizes of code whose storage mode is not known (the snapshot's `aws` CLI does not
    /// report `ResolvedS3Object`): not in `totalBytes`, and stored only if it is COPY.
    public var unknownModeBytes: Int64
    /// `AccountLimit.TotalCodeSize`, or Lambda's default when the state does not have it.
    public var quotaBytes: Int64
    /// `AccountUsage.TotalCodeSize` (every stack of the account and Region); nil when not known.
    public var usageBytes: Int64?
    /// What one deployment adds at the recent rate: a new version of each function that publishes
    /// versions and of each layer that keeps older versions, at its latest size.
    public var bytesPerDeployment: Int64
    /// Deployments left before the quota at that rate; nil when a deployment adds nothing known.
    public var deploymentsRemaining: Int64?
    /// The usage is not known and the stack's total stands for it: at most this many.
    public var deploymentsRemainingIsUpperBound: Bool

    public init(totalBytes: Int64, reclaimableBytes: Int64, isLowerBound: Bool, unknownModeBytes: Int64 = 0, quotaBytes: Int64,
                usageBytes: Int64?, bytesPerDeployment: Int64, deploymentsRemaining: Int64?, deploymentsRemainingIsUpperBound: Bool) {
        self.totalBytes = totalBytes
        self.reclaimableBytes = reclaimableBytes
        self.isLowerBound = isLowerBound
        self.unknownModeBytes = unknownModeBytes
        self.quotaBytes = quotaBytes
        self.usageBytes = usageBytes
        self.bytesPerDeployment = bytesPerDeployment
        self.deploymentsRemaining = deploymentsRemaining
        self.deploymentsRemainingIsUpperBound = deploymentsRemainingIsUpperBound
    }
}
