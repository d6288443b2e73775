/// A Lambda resource after resolution: its `Resource`, the guard under which it exists, and its
/// resolved Properties, with typed accessors added by each type.
public protocol LambdaResource: Sendable {
    static var type: String { get }
    var resource: Resource { get }
    /// The resource's condition, as a guard.
    var guardCondition: Guard { get }
    var properties: Resolved? { get }
    init(resource: Resource, guardCondition: Guard, properties: Resolved?)
}

extension LambdaResource {
    public var logicalId: String { resource.logicalId }
    /// A property's resolved value, nil when absent (or removed with AWS::NoValue).
    public subscript(_ property: String) -> Resolved? { properties?[property] }
}
