/// Where a resource a transform made comes from: the SAM function `Fn` (`AWS::Serverless::Function`)
/// of `FnRole`, `FnVersion640128d35d` and of the function `Fn` itself; the `Fn::ForEach` loop that
/// made a resource, or made the SAM resource it comes from; or both.
public struct ResourceSource: Sendable, Hashable {
    /// The logical ID of the source resource the user edits: the SAM resource, or for a resource a
    /// loop made as written, the loop (`Fn::ForEach::Queues`).
    public var resource: String
    /// Its type as written (`AWS::Serverless::Function`), `Fn::ForEach` for a loop.
    public var type: String
    /// The `Fn::ForEach::Name` loop that made the resource or its SAM resource; nil when no loop did.
    public var loop: String?

    public init(resource: String, type: String, loop: String? = nil) {
        self.resource = resource
        self.type = type
        self.loop = loop
    }

    /// A resource the loop `name` (`Fn::ForEach::Queues`) made as written.
    public static func loop(_ name: String) -> ResourceSource {
        ResourceSource(resource: name, type: "Fn::ForEach", loop: name)
    }

    /// What a finding on `generated` names as its origin: the SAM resource, or where that is
    /// `generated` itself (the SAM function `Fn` of `Fn`), the loop; nil when neither differs.
    public func origin(of generated: String) -> String? {
        if resource != generated { return resource }
        return loop.flatMap { $0 != generated ? $0 : nil }
    }
}
