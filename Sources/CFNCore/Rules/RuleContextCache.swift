import CFNLoader
import Foundation

/// What several rules ask a `RuleContext` for, computed on first use and then shared: the evaluated
/// places, and the intrinsic calls and resource references under each root. Safe to use from many threads; a value two
/// threads compute at once is computed twice, with the same result.
final class RuleContextCache: @unchecked Sendable {
    typealias References = [(target: String, node: NodeID, range: SourceRange, guardCondition: Guard)]

    private let lock = NSLock()
    // Guarded by `lock`.
    private var places: [EvaluatedPlace]?
    private var references: [NodeID: References] = [:]
    private var sites: [NodeID: [IntrinsicSite]] = [:]

    func evaluatedPlaces(_ make: () -> [EvaluatedPlace]) -> [EvaluatedPlace] {
        if let cached = lock.withLock({ places }) { return cached }
        let made = make()
        lock.withLock { places = made }
        return made
    }

    func intrinsicSites(under root: NodeID, _ make: () -> [IntrinsicSite]) -> [IntrinsicSite] {
        if let cached = lock.withLock({ sites[root] }) { return cached }
        let made = make()
        lock.withLock { sites[root] = made }
        return made
    }

    /// The references under `root`, with guards as reached from an unconditional start.
    func references(under root: NodeID, _ make: () -> References) -> References {
        if let cached = lock.withLock({ references[root] }) { return cached }
        let made = make()
        lock.withLock { references[root] = made }
        return made
    }
}
