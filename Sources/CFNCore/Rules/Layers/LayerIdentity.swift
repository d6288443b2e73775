/// Which layer a `Layers` element names, when that can be told without deploying: a known ARN
/// text, a layer version of this template (`!Ref Layer` or `!GetAtt Layer.LayerVersionArn`, which
/// are the same ARN), or a parameter without a value (the same parameter twice is the same value).
enum LayerIdentity: Hashable, CustomStringConvertible {
    case arn(String)
    case resource(String)
    case parameter(String)

    init?(_ value: Resolved) {
        switch value.kind {
        case .scalar(let text, _):
            self = .arn(text)
        case .unknown(let unknown):
            switch unknown.origin {
            case .resource(let name)?: self = .resource(name)
            case .attribute(let name, "LayerVersionArn")?: self = .resource(name)
            case .parameter(let name)?: self = .parameter(name)
            default: return nil
            }
        default:
            return nil
        }
    }

    var description: String {
        switch self {
        case .arn(let text): text
        case .resource(let name): name
        case .parameter(let name): "from parameter \(name)"
        }
    }
}
