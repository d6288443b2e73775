/// The alternatives of a value, each with the guard under which it is the value (nil where the
/// value is absent): what `Resolved.alternatives(under:_:)` and `RuleContext.reachable` give.
///
/// Most values have one alternative (no `Fn::If` on the way), and rules ask for them for every
/// function, many times: one is kept inline, so that the common answer allocates nothing; more are
/// kept in an array.
public struct GuardedAlternatives: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    public typealias Element = (guardCondition: Guard, value: Resolved?)

    /// The first alternative, when there is one.
    private var head: Element?
    /// The alternatives after the first.
    private var tail: [Element] = []

    public init() {}

    public init(_ only: Element) {
        head = only
    }

    public init(arrayLiteral elements: Element...) {
        for element in elements { append(element) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    public subscript(position: Int) -> Element {
        if position == 0, let head { return head }
        return tail[position - 1]
    }

    public mutating func append(_ element: Element) {
        if head == nil { head = element } else { tail.append(element) }
    }

    public mutating func append(contentsOf elements: GuardedAlternatives) {
        for element in elements { append(element) }
    }

    public static func += (lhs: inout GuardedAlternatives, rhs: GuardedAlternatives) {
        lhs.append(contentsOf: rhs)
    }
}
