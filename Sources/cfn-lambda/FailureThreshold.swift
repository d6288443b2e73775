import ArgumentParser
import CFNCore

/// `--fail-on`: the least severe finding that makes `validate` exit 1.
enum FailureThreshold: String, ArgumentChoice {
    case error
    case warning
    case info

    static let choices: [Self] = [.error, .warning, .info]

    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }
}
