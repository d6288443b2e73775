/// A resource after resolution: its `Resource`, the guard under which it exists, and its resolved
/// Properties. The typed Lambda resources are subclasses that add accessors, so that this
/// initializer is written once. A class, though immutable: rules iterate every function of a
/// template, and a copy is then one reference instead of every field (hence `@unchecked`).
public class ResolvedResource: @unchecked Sendable {
    public let resource: Resource
    /// The resource's condition, as a guard.
    public let guardCondition: Guard
    public let properties: Resolved?

    public required init(resource: Resource, guardCondition: Guard, properties: Resolved?) {
        self.resource = resource
        self.guardCondition = guardCondition
        self.properties = properties
    }
}
