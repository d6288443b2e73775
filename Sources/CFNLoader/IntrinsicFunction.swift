/// A CloudFormation intrinsic function, as written in long form (`Fn::Sub`, `Ref`, `Condition`)
/// or as a YAML short-form tag (`!Sub`, `!Ref`, `!Condition`).
///
/// Both forms load to the same `NodeKind.intrinsic` node.
public enum IntrinsicFunction: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case ref
    case getAtt
    case sub
    case join
    case select
    case split
    case `if`
    case equals
    case and
    case or
    case not
    case condition
    case findInMap
    case importValue
    case getAZs
    case base64
    case cidr
    case transform
    case length
    case toJsonString
    // Rule functions, valid in the Rules section.
    case contains
    case eachMemberEquals
    case eachMemberIn
    case refAll
    case valueOf
    case valueOfAll

    /// The long-form key: `Ref`, `Condition` or `Fn::Name`.
    public var longName: String {
        switch self {
        case .ref: "Ref"
        case .condition: "Condition"
        case .getAtt: "Fn::GetAtt"
        case .sub: "Fn::Sub"
        case .join: "Fn::Join"
        case .select: "Fn::Select"
        case .split: "Fn::Split"
        case .if: "Fn::If"
        case .equals: "Fn::Equals"
        case .and: "Fn::And"
        case .or: "Fn::Or"
        case .not: "Fn::Not"
        case .findInMap: "Fn::FindInMap"
        case .importValue: "Fn::ImportValue"
        case .getAZs: "Fn::GetAZs"
        case .base64: "Fn::Base64"
        case .cidr: "Fn::Cidr"
        case .transform: "Fn::Transform"
        case .length: "Fn::Length"
        case .toJsonString: "Fn::ToJsonString"
        case .contains: "Fn::Contains"
        case .eachMemberEquals: "Fn::EachMemberEquals"
        case .eachMemberIn: "Fn::EachMemberIn"
        case .refAll: "Fn::RefAll"
        case .valueOf: "Fn::ValueOf"
        case .valueOfAll: "Fn::ValueOfAll"
        }
    }

    /// The YAML short-form tag: `!Ref`, `!GetAtt`, ...
    public var tag: String {
        switch self {
        case .ref: "!Ref"
        case .condition: "!Condition"
        default: "!" + longName.dropFirst(4)
        }
    }

    public var description: String { longName }

    /// The function named by a long-form key, compared on raw bytes (no `String` on the hot path).
    public static func longForm<C: Collection>(_ bytes: C) -> IntrinsicFunction? where C.Element == UInt8 {
        lookup(bytes, in: longNames)
    }

    /// The function named by a short-form tag such as `!GetAtt`.
    public static func shortForm<C: Collection>(_ bytes: C) -> IntrinsicFunction? where C.Element == UInt8 {
        lookup(bytes, in: tags)
    }

    private static let longNames: [(IntrinsicFunction, [UInt8])] = allCases.map { ($0, Array($0.longName.utf8)) }
    private static let tags: [(IntrinsicFunction, [UInt8])] = allCases.map { ($0, Array($0.tag.utf8)) }

    private static func lookup<C: Collection>(_ bytes: C, in table: [(IntrinsicFunction, [UInt8])]) -> IntrinsicFunction?
    where C.Element == UInt8 {
        let count = bytes.count
        guard count >= 3, count <= 22 else { return nil }
        for (function, name) in table where name.count == count && name.elementsEqual(bytes) {
            return function
        }
        return nil
    }
}
