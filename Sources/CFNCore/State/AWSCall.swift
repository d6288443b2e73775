/// One read-only call of the `aws` CLI: `aws SERVICE OPERATION PARAMETERS… OPTIONS…`.
public struct AWSCall: Hashable, Sendable {
    public let service: String
    public let operation: String
    /// The operation's own parameters (`--function-name f`).
    public let parameters: [String]
    /// The global options every call of a run shares (`--output json --region us-east-1`).
    public let options: [String]
    /// What the IAM permission applies to, when it is known before the call (a function ARN).
    public let resource: String?

    public init(service: String, operation: String, parameters: [String], options: [String] = [], resource: String? = nil) {
        self.service = service
        self.operation = operation
        self.parameters = parameters
        self.options = options
        self.resource = resource
    }

    /// The arguments after `aws`.
    public var arguments: [String] { [service, operation] + parameters + options }

    /// What messages and the state file show: `aws lambda get-function --function-name f`.
    public var commandLine: String { (["aws", service, operation] + parameters).joined(separator: " ") }

    /// The IAM action the call needs: `lambda:GetFunction`. `get-layer-version-by-arn` is
    /// authorized as `lambda:GetLayerVersion`.
    public var iamAction: String {
        if service == "lambda" && operation == "get-layer-version-by-arn" { return "lambda:GetLayerVersion" }
        let words = operation.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return "\(service):\(words.joined())"
    }

    /// Every operation `snapshot` may call, as `service operation`. None of them changes anything.
    public static let readOnlyOperations: Set<String> = [
        "cloudformation describe-stacks", "cloudformation get-template", "cloudformation describe-stack-resources",
        "lambda get-account-settings", "lambda get-function", "lambda get-layer-version-by-arn",
        "lambda get-layer-version-policy", "lambda list-versions-by-function", "lambda list-aliases",
        "lambda list-provisioned-concurrency-configs", "lambda list-event-source-mappings", "lambda list-layer-versions",
    ]
}
