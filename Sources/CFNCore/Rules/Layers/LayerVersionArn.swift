/// A layer version ARN, `arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>`, or an
/// AWS-managed layer, `arn:<partition>:lambda:::awslayer:<name>` (both forms the
/// AWS::Lambda::Function schema's `Layers` pattern accepts).
struct LayerVersionArn: Equatable {
    var partition: String
    /// Empty for an AWS-managed layer.
    var region: String
    var account: String
    var name: String
    /// Nil for an AWS-managed layer.
    var version: String?

    /// The layer's ARN without the version: two versions of one layer share it.
    var layerArn: String {
        version == nil ? "arn:\(partition):lambda:::awslayer:\(name)"
            : "arn:\(partition):lambda:\(region):\(account):layer:\(name)"
    }

    static let example = "arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3"

    /// Parses the text, or says what is wrong with it.
    static func parse(_ text: String) -> Result<LayerVersionArn, Problem> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 6, parts[0] == "arn" else { return .failure(.notAnARN) }
        guard parts[2] == "lambda" else { return .failure(.notLambda(service: parts[2])) }
        guard isToken(parts[1], allowing: "-") else { return .failure(.malformed) }
        if parts[5] == "awslayer" {
            guard parts.count == 7, parts[3].isEmpty, parts[4].isEmpty, isToken(parts[6], allowing: "-_") else {
                return .failure(.malformed)
            }
            return .success(LayerVersionArn(partition: parts[1], region: "", account: "", name: parts[6], version: nil))
        }
        guard parts[5] == "layer" else { return .failure(.notLayer(resourceType: parts[5])) }
        guard isToken(parts[3], allowing: "-") else { return .failure(.malformed) }
        guard parts[4].utf8.count == 12, parts[4].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return .failure(.badAccount(parts[4]))
        }
        guard parts.count >= 7, isToken(parts[6], allowing: "-_") else { return .failure(.malformed) }
        guard parts.count == 8 else { return .failure(parts.count == 7 ? .noVersion : .malformed) }
        guard !parts[7].isEmpty, parts[7].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return .failure(.badVersion(parts[7]))
        }
        return .success(LayerVersionArn(partition: parts[1], region: parts[3], account: parts[4], name: parts[6], version: parts[7]))
    }

    enum Problem: Error, Equatable {
        case notAnARN
        case notLambda(service: String)
        case notLayer(resourceType: String)
        case badAccount(String)
        case noVersion
        case badVersion(String)
        case malformed

        var explanation: String {
            switch self {
            case .notAnARN: "is not an ARN"
            case .notLambda(let service): "is an ARN of service '\(service)', not a Lambda layer version"
            case .notLayer(let type): "is a Lambda '\(type)' ARN, not a layer version"
            case .badAccount(let account): "has account ID '\(account)', which is not 12 digits"
            case .noVersion: "names a layer but no version; add the version number at the end"
            case .badVersion(let version): "has version '\(version)', which is not a version number"
            case .malformed: "is not a well-formed layer version ARN"
            }
        }
    }

    /// Non-empty and only ASCII letters, digits and the given punctuation.
    private static func isToken(_ text: String, allowing punctuation: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || punctuation.unicodeScalars.contains(scalar)
        }
    }
}
