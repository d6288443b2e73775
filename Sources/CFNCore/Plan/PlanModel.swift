import CFNLoader

/// What a deployment will do, as data: renderers read it and never compute.
///
/// The JSON form is a public contract (formatVersion 2): fields are added, never removed or changed.
public struct Plan: Sendable, Hashable {
    /// Every resource of either template, sorted by logical ID.
    public var changes: [ResourceChange]
    /// Every code storage mode switch (COPY ↔ REFERENCE), sorted by logical ID.
    public var transitions: [StorageTransition]
    public var storage: StorageSummary
    public var enis: ENISummary
    /// Predicted failures and plan-time warnings, and the validate findings of HEAD.
    public var findings: [Finding]
    /// The CDK assets HEAD's code is, with their measured sizes, sorted by path.
    public var assets: [CodeAsset] = []

    public init(changes: [ResourceChange], transitions: [StorageTransition], storage: StorageSummary,
                enis: ENISummary, findings: [Finding]) {
        self.changes = changes
        self.transitions = transitions
        self.storage = storage
        self.enis = enis
        self.findings = findings
    }

    public func count(_ action: ResourceChange.Action) -> Int { changes.filter { $0.action == action }.count }
}

/// What happens to one resource.
public struct ResourceChange: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case create, update, replace, delete, none
    }

    public var logicalId: String
    /// The HEAD type, or the BASE type for a deletion.
    public var type: String
    public var action: Action
    /// The action depends on conditions or create-only values that are not known.
    public var conditional: Bool
    /// The property paths that cause the action, sorted.
    public var causes: [String]
    public var details: [ChangeDetail]
    /// Lambda-managed code storage change of this resource in bytes; nil when not known (or not Lambda).
    public var storageDeltaBytes: Int64?
    /// The resource a transform made this one from (the SAM function of `FnVersion…`); nil for a
    /// resource written in the template.
    public var source: ResourceSource?
    /// Where the user edits this resource in HEAD: its logical ID, or for a generated resource its
    /// source's; nil for a deletion with nothing left in HEAD to point at.
    public var range: SourceRange?
    /// CloudFormation removes the resource from the stack and leaves it in the account: a `delete`
    /// kept by `DeletionPolicy` `Retain` (or `RetainExceptOnCreate`), the old resource of a `replace`
    /// kept by `UpdateReplacePolicy: Retain`. A retained function version or layer version keeps
    /// its code in Lambda-managed storage. False for other actions; nil when the policy is not known.
    public var retained: Bool? = false
    /// A retained function version (`retained` true) that Lambda deletes all the same: the logical
    /// ID of its function, which this deployment deletes or replaces without keeping the old one.
    /// DeleteFunction without a qualifier deletes every version of the function (Lambda API
    /// reference, DeleteFunction), so the version's code is freed. Nil otherwise.
    public var deletedWithFunction: String?
    /// The logical ID is a hash of where packaging uploads the code (a SAM version or layer version
    /// of code at a local path): CloudFormation will see another one. A `replace` then adds the
    /// resource under its new logical ID and removes the old one as a deletion does.
    public var logicalIdFromPackaging = false

    public init(logicalId: String, type: String, action: Action, conditional: Bool = false, causes: [String] = [],
                details: [ChangeDetail] = [], storageDeltaBytes: Int64? = nil) {
        self.logicalId = logicalId
        self.type = type
        self.action = action
        self.conditional = conditional
        self.causes = causes
        self.details = details
        self.storageDeltaBytes = storageDeltaBytes
    }
}

/// One changed property: where, before and after (nil when absent), why, and whether it forces replacement.
public struct ChangeDetail: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// The template text changed.
        case direct
        /// A parameter's value changed.
        case parameter
        /// A referenced resource is replaced or changed (a new layer version ARN, say).
        case reference
        /// The files at a local code path changed while the template text did not (`LocalCodeChanges`).
        case localCode
    }

    public enum Replacement: String, Sendable, Hashable {
        case never, always, conditional
    }

    public var path: String
    public var before: PlanValue?
    public var after: PlanValue?
    public var reason: Reason
    public var requiresReplacement: Replacement
    /// For `reference`: the resource whose change causes this one.
    public var referencedResource: String?
    /// Where the new value is written in HEAD (for a SAM template: the SAM property or the `Globals`
    /// line it came from, or the reference to the replaced resource); nil when the property is removed.
    public var range: SourceRange?

    public init(path: String, before: PlanValue?, after: PlanValue?, reason: Reason, requiresReplacement: Replacement,
                referencedResource: String? = nil, range: SourceRange? = nil) {
        self.path = path
        self.before = before
        self.after = after
        self.reason = reason
        self.requiresReplacement = requiresReplacement
        self.referencedResource = referencedResource
        self.range = range
    }
}

/// A code storage mode switch of a function or layer version.
public struct StorageTransition: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable {
        case copy = "COPY"
        case reference = "REFERENCE"
    }

    public var logicalId: String
    public var from: Mode
    public var to: Mode
    public var deltaBytes: Int64?

    public init(logicalId: String, from: Mode, to: Mode, deltaBytes: Int64?) {
        self.logicalId = logicalId
        self.from = from
        self.to = to
        self.deltaBytes = deltaBytes
    }
}

/// Lambda-managed code storage before and after, against the account's quota.
public struct StorageSummary: Sendable, Hashable {
    public var quotaBytes: Int64
    public var usageBeforeBytes: Int64?
    /// The sum of the known deltas; a lower bound when `unknownSizes` is not empty.
    public var deltaBytes: Int64
    public var usageAfterBytes: Int64?
    /// Whether the usage goes over the quota during the deployment (at `usagePeakBytes`, or from no
    /// usage before when that is not known): true or false when it can be known; nil otherwise.
    public var exceedsQuota: Bool?
    /// Functions and layer versions whose delta counts an estimated zipped size (a CDK asset folder,
    /// zipped only at deploy time), sorted.
    public var estimatedSizes: [String] = []
    /// Artifacts whose size is not known (`s3://bucket/key?versionId=…`, a local path, or a logical ID).
    public var unknownSizes: [String]
    /// The usage after every create and update and before the cleanup phase deletes what is removed
    /// or replaced: the most the deployment needs. Nil when the usage before is not known.
    public var usagePeakBytes: Int64?
    /// Nil when `usageBeforeBytes` is the account's `AccountUsage.TotalCodeSize` (or not known);
    /// otherwise why it is only a lower bound: the stack's own storage from a state file, say.
    public var usageBeforeNote: String?

    public init(quotaBytes: Int64, usageBeforeBytes: Int64?, deltaBytes: Int64, usageAfterBytes: Int64?,
                exceedsQuota: Bool?, unknownSizes: [String], usagePeakBytes: Int64? = nil) {
        self.quotaBytes = quotaBytes
        self.usageBeforeBytes = usageBeforeBytes
        self.deltaBytes = deltaBytes
        self.usageAfterBytes = usageAfterBytes
        self.exceedsQuota = exceedsQuota
        self.unknownSizes = unknownSizes
        self.usagePeakBytes = usagePeakBytes
    }

    /// Lambda's default quota for Lambda-managed code storage: 300 GB per Region (seed).
    public static let defaultQuotaBytes: Int64 = 322_122_547_200
}

/// Hyperplane network interfaces: one per unique combination of subnet and security-group set.
public struct ENISummary: Sendable, Hashable {
    public var create: [ENICombination]
    public var reclaim: [ENICombination]
    /// Functions whose subnets or security groups are not known.
    public var unknown: [String]

    public init(create: [ENICombination], reclaim: [ENICombination], unknown: [String]) {
        self.create = create
        self.reclaim = reclaim
        self.unknown = unknown
    }
}

public struct ENICombination: Sendable, Hashable, Comparable {
    public var subnetId: String
    /// Sorted.
    public var securityGroupIds: [String]
    /// The functions using this combination, sorted.
    public var functions: [String]
    /// The combination is created (or reclaimed) only under conditions not known here: a function's
    /// `Condition` or an `Fn::If` in its VpcConfig, in either template.
    public var conditional: Bool

    public init(subnetId: String, securityGroupIds: [String], functions: [String], conditional: Bool = false) {
        self.subnetId = subnetId
        self.securityGroupIds = securityGroupIds.sorted()
        self.functions = functions.sorted()
        self.conditional = conditional
    }

    public static func < (lhs: ENICombination, rhs: ENICombination) -> Bool {
        (lhs.subnetId, lhs.securityGroupIds.joined(separator: ",")) < (rhs.subnetId, rhs.securityGroupIds.joined(separator: ","))
    }
}
