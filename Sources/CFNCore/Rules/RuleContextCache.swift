import CFNLoader
import Foundation

/// What several rules ask a `RuleContext` for, kept once computed and then shared: the evaluated
/// places, and the intrinsic calls and resource references under each root. Safe to use from many
/// threads; a value two threads compute at once is computed twice, with the same result.
final class RuleContextCache: @unchecked Sendable {
    typealias References = [(target: String, node: NodeID, range: SourceRange, guardCondition: Guard)]

    private let lock = NSLock()
    // Guarded by `lock`.
    private var storedPlaces: [EvaluatedPlace]?
    private var storedSites: [NodeID: [IntrinsicSite]] = [:]
    private var storedSitesOfPlaces: [[IntrinsicSite]]?
    private var storedReferencesOfPlaces: [References]?
    private var storedReferences: [NodeID: References] = [:]
    private var storedSelfManagedCode: [Set<String>: [SelfManagedCode]] = [:]
    private var storedSelfManagedOwners: [(resource: Resource, property: String)]?
    private var storedBucketsByName: [String: [(resource: Resource, guardCondition: Guard)]]?
    private var storedIdentifierValues: [IdentifierProperty.Value]?
    private var storedPolicyAttachments: PolicyAttachments?

    var evaluatedPlaces: [EvaluatedPlace]? {
        get { lock.withLock { storedPlaces } }
        set { lock.withLock { storedPlaces = newValue } }
    }

    /// By the place's index in `evaluatedPlaces`.
    var sitesOfPlaces: [[IntrinsicSite]]? {
        get { lock.withLock { storedSitesOfPlaces } }
        set { lock.withLock { storedSitesOfPlaces = newValue } }
    }

    /// By the place's index in `evaluatedPlaces`, with guards as reached from an unconditional start.
    var referencesOfPlaces: [References]? {
        get { lock.withLock { storedReferencesOfPlaces } }
        set { lock.withLock { storedReferencesOfPlaces = newValue } }
    }

    func intrinsicSites(under root: NodeID) -> [IntrinsicSite]? {
        lock.withLock { storedSites[root] }
    }

    func store(_ sites: [IntrinsicSite], under root: NodeID) {
        lock.withLock { storedSites[root] = sites }
    }

    /// With guards as reached from an unconditional start.
    func references(under root: NodeID) -> References? {
        lock.withLock { storedReferences[root] }
    }

    func store(_ references: References, under root: NodeID) {
        lock.withLock { storedReferences[root] = references }
    }

    /// The self-managed code combinations, by the keys whose values split them.
    func selfManagedCode(valued: Set<String>) -> [SelfManagedCode]? {
        lock.withLock { storedSelfManagedCode[valued] }
    }

    func store(_ code: [SelfManagedCode], valued: Set<String>) {
        lock.withLock { storedSelfManagedCode[valued] = code }
    }

    /// The functions and layer versions whose resolved Properties mention REFERENCE, in source order.
    var selfManagedOwners: [(resource: Resource, property: String)]? {
        get { lock.withLock { storedSelfManagedOwners } }
        set { lock.withLock { storedSelfManagedOwners = newValue } }
    }

    /// The template's S3 buckets by each known `BucketName`, with the guard under which it is the name.
    var bucketsByName: [String: [(resource: Resource, guardCondition: Guard)]]? {
        get { lock.withLock { storedBucketsByName } }
        set { lock.withLock { storedBucketsByName = newValue } }
    }

    /// The values written as text in the template's ID properties, in source order.
    var identifierValues: [IdentifierProperty.Value]? {
        get { lock.withLock { storedIdentifierValues } }
        set { lock.withLock { storedIdentifierValues = newValue } }
    }

    /// The template's IAM policy resources by the role they attach to.
    var policyAttachments: PolicyAttachments? {
        get { lock.withLock { storedPolicyAttachments } }
        set { lock.withLock { storedPolicyAttachments = newValue } }
    }
}
