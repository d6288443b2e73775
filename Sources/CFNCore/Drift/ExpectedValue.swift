/// A template value as the deployed stack has it: a known text, or the physical ID of a resource of
/// the stack the template refers to (`!Ref Layer` is the layer version ARN, `!Ref Subnet` the
/// subnet ID); an ARN attribute is known by the physical ID it ends with (`!GetAtt Role.Arn` ends
/// with the role's name).
enum ExpectedValue: Hashable {
    case text(String)
    /// An ARN ending with this physical ID (after `/` or `:`).
    case arnOf(String)

    /// Nil when the value is not known (a deploy-time value, an unresolved choice).
    init?(_ value: Resolved, physicalIds: [String: String]) {
        switch value.kind {
        case .scalar(let text, _):
            self = .text(text)
        case .unknown(let unknown):
            switch unknown.origin {
            case .resource(let name)?:
                guard let id = physicalIds[name] else { return nil }
                self = .text(id)
            case .attribute(let name, let attribute)?:
                guard let id = physicalIds[name] else { return nil }
                if attribute == "Arn" {
                    self = .arnOf(id)
                } else if NetworkID.idAttributes.contains(attribute) {
                    self = .text(id)
                } else {
                    return nil
                }
            default:
                return nil
            }
        default:
            return nil
        }
    }

    func matches(_ actual: String) -> Bool {
        switch self {
        case .text(let text): actual == text
        case .arnOf(let id): actual == id || actual.hasSuffix("/" + id) || actual.hasSuffix(":" + id)
        }
    }

    var description: String {
        switch self {
        case .text(let text): text
        case .arnOf(let id): "the ARN of \(id)"
        }
    }

    /// The items of a list, each known; nil when the list or an item is not known.
    static func list(_ value: Resolved?, physicalIds: [String: String]) -> [ExpectedValue]? {
        guard let value else { return [] }
        guard let elements = value.elements else { return nil }
        var result: [ExpectedValue] = []
        for element in elements {
            if case .noValue = element.kind { continue }
            guard let item = ExpectedValue(element, physicalIds: physicalIds) else { return nil }
            result.append(item)
        }
        return result
    }
}
