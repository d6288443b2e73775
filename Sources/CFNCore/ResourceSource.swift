/// The resource of the source template a transform made another from: the SAM function `Fn`
/// (`AWS::Serverless::Function`) of `FnRole`, `FnVersion640128d35d` and of the function `Fn` itself.
public struct ResourceSource: Sendable, Hashable {
    /// The logical ID written in the source template.
    public var resource: String
    /// Its type as written (`AWS::Serverless::Function`).
    public var type: String

    public init(resource: String, type: String) {
        self.resource = resource
        self.type = type
    }
}
