/// Why an `aws` CLI call did not return a response, read from what the CLI printed.
public struct AWSCallError: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `An error occurred (CODE) when calling the OPERATION operation: MESSAGE`, of no kind below.
        case service
        case throttled
        case accessDenied
        case resourceNotFound
        /// `ValidationError: Stack with id NAME does not exist`.
        case stackNotFound
        /// `Unable to locate credentials` (botocore's NoCredentialsError).
        case noCredentials
        /// Expired, unknown or badly signed credentials.
        case rejectedCredentials
        /// `You must specify a region`.
        case noRegion
        /// `The config profile (NAME) could not be found`.
        case profileNotFound
        /// `Could not connect to the endpoint URL: …`.
        case unreachable
        case timedOut(seconds: Int)
        case notStarted
        /// Exit status 0, but standard output is not one JSON object.
        case notJSON
        /// A failure the CLI printed in no form above.
        case other(status: Int32)
    }

    public let kind: Kind
    /// The AWS error code, when the CLI printed one (`ResourceNotFoundException`).
    public let code: String?
    /// The CLI's error message (after `operation: `), or what it printed, or what happened.
    public let message: String

    public init(kind: Kind, code: String?, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// Error codes AWS uses for throttling; the CLI prints an HTTP status when there is no code.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown", "429",
    ]

    static let accessDeniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
    ]

    static let rejectedCredentialCodes: Set<String> = [
        "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "UnrecognizedClientException",
        "SignatureDoesNotMatch", "InvalidSignatureException", "RequestExpired",
    ]

    /// The error of a failed call, or nil when the call succeeded (exit 0).
    public static func of(_ result: AWSCallResult) -> AWSCallError? {
        switch result.termination {
        case .exited(0):
            return nil
        case .timedOut(let seconds):
            return AWSCallError(kind: .timedOut(seconds: seconds), code: nil, message: "no answer within \(seconds) s; the call was stopped")
        case .notStarted(let reason):
            return AWSCallError(kind: .notStarted, code: nil, message: reason)
        case .exited(let status):
            return parse(stderr: String(decoding: result.stderr, as: UTF8.self), status: status)
        }
    }

    /// Reads what the CLI printed on standard error when it exited with `status`.
    public static func parse(stderr: String, status: Int32) -> AWSCallError {
        let text = stderr.trimmingWhitespace
        if let (code, message) = serviceError(in: text) {
            return AWSCallError(kind: kind(code: code, message: message), code: code, message: message)
        }
        if text.contains("Unable to locate credentials") || text.contains("NoCredentialsError") {
            return AWSCallError(kind: .noCredentials, code: nil, message: text)
        }
        if text.contains("You must specify a region") {
            return AWSCallError(kind: .noRegion, code: nil, message: text)
        }
        if text.contains("The config profile (") && text.contains("could not be found") {
            return AWSCallError(kind: .profileNotFound, code: nil, message: text)
        }
        if text.contains("Could not connect to the endpoint URL") {
            return AWSCallError(kind: .unreachable, code: nil, message: text)
        }
        if text.contains("Token has expired") || text.contains("The SSO session associated with this profile has expired") {
            return AWSCallError(kind: .rejectedCredentials, code: nil, message: text)
        }
        return AWSCallError(kind: .other(status: status), code: nil, message: text)
    }

    /// `An error occurred (CODE) when calling the OPERATION operation[ (reached max retries: N)]: MESSAGE`.
    static func serviceError(in text: String) -> (code: String, message: String)? {
        let marker = "An error occurred ("
        guard let start = text.range(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let close = rest.firstIndex(of: ")") else { return nil }
        let code = String(rest[..<close])
        guard !code.isEmpty, let operation = rest[close...].range(of: " operation") else { return nil }
        var tail = rest[operation.upperBound...]
        if tail.hasPrefix(" ("), let retries = tail.firstIndex(of: ")") {
            tail = tail[tail.index(after: retries)...]
        }
        guard tail.hasPrefix(": ") else { return nil }
        return (code, String(tail.dropFirst(2)).trimmingWhitespace)
    }

    static func kind(code: String, message: String) -> Kind {
        if throttlingCodes.contains(code) || message.hasPrefix("Rate exceeded") { return .throttled }
        if accessDeniedCodes.contains(code) || message.contains("is not authorized to perform") { return .accessDenied }
        if rejectedCredentialCodes.contains(code) { return .rejectedCredentials }
        if code == "ResourceNotFoundException" { return .resourceNotFound }
        if code == "ValidationError" && message.hasPrefix("Stack with id ") && message.hasSuffix(" does not exist") { return .stackNotFound }
        return .service
    }

    /// Whether another attempt may succeed: AWS asked the caller to slow down.
    public var isThrottling: Bool { kind == .throttled }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
