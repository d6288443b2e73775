/// A call of a snapshot that returned no response: an entry of the state file's `errors`.
public struct SnapshotProblem: Hashable, Sendable {
    /// The `responses` member the call would have filled.
    public let member: SnapshotMember
    /// Its key in that member (function name, layer version ARN); nil for the single responses.
    public let key: String?
    /// `aws lambda get-function --function-name f`.
    public let command: String
    public let error: AWSCallError
    /// One line a person can act on: what failed, why, and what to do.
    public let explanation: String

    public init(member: SnapshotMember, key: String?, call: AWSCall, error: AWSCallError, stack: String, region: String?) {
        self.member = member
        self.key = key
        self.command = call.commandLine
        self.error = error
        self.explanation = Self.explain(member: member, key: key, call: call, error: error, stack: stack, region: region)
    }

    /// Information rather than a failure: a layer version that no longer exists, or one without a policy.
    public var isExpected: Bool {
        error.kind == .resourceNotFound && (member == .getLayerVersionByArn || member == .getLayerVersionPolicy)
    }

    static func explain(member: SnapshotMember, key: String?, call: AWSCall, error: AWSCallError, stack: String, region: String?) -> String {
        let command = call.commandLine
        let message = error.message.collapsingWhitespace
        let code = error.code.map { "\($0): " } ?? ""
        switch error.kind {
        case .stackNotFound:
            return "no stack named \(stack) in \(region ?? "the aws CLI's region") (\(code)\(message)): check --stack, --region and --profile"
        case .accessDenied:
            let resource = Self.deniedResource(in: error.message) ?? call.resource
            return "\(command) was denied (\(error.code ?? "access denied")): the credentials need the IAM permission "
                + "\(call.iamAction)\(resource.map { " on \($0)" } ?? "")"
        case .throttled:
            return "\(command) was throttled and every retry too (\(code)\(message)): try again later, or with fewer calls at once"
        case .resourceNotFound where member == .getLayerVersionByArn:
            return "layer version \(key ?? "") does not exist (\(code)\(message))"
        case .resourceNotFound where member == .getLayerVersionPolicy:
            return "layer version \(key ?? "") has no permission policy"
        case .resourceNotFound where member == .getFunction:
            return "function \(key ?? "") of the stack does not exist (\(code)\(message)): it was deleted outside CloudFormation"
        case .noCredentials:
            return "the aws CLI found no credentials (\(message)): run `aws configure` or `aws sso login`, pass --profile, "
                + "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        case .rejectedCredentials:
            return "the credentials were rejected (\(code)\(message)): refresh them (for example with `aws sso login`) or pass another --profile"
        case .noRegion:
            return "the aws CLI has no region (\(message)): pass --region, or set AWS_REGION or a region in the profile"
        case .profileNotFound:
            return "\(message): check --profile and AWS_PROFILE"
        case .unreachable:
            return "\(message): check --endpoint-url, --region and the network"
        case .timedOut(let seconds):
            return "\(command): no answer within \(seconds) s (--call-timeout); the call was stopped"
        case .notStarted:
            return "\(command): the aws CLI could not be started: \(message)"
        case .notJSON:
            return "\(command): \(message) (is the call implemented where --endpoint-url points?)"
        case .other(let status):
            return "\(command) failed (exit status \(status)): \(message.isEmpty ? "nothing on standard error" : message)"
        case .service, .resourceNotFound:
            return "\(command) failed (\(code)\(message))"
        }
    }

    /// `…is not authorized to perform: lambda:GetFunction on resource: ARN because …` → ARN.
    static func deniedResource(in message: String) -> String? {
        guard let start = message.range(of: " on resource: ") else { return nil }
        let rest = message[start.upperBound...]
        let end = rest.range(of: " because ")?.lowerBound ?? rest.firstIndex(where: { $0 == " " || $0 == "\n" }) ?? rest.endIndex
        let resource = String(rest[..<end])
        return resource.isEmpty ? nil : resource
    }
}

extension String {
    /// The text on one line: every run of white space becomes one space, none at either end.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }).joined(separator: " ")
    }
}
