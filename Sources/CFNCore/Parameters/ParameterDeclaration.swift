import CFNLoader

/// One entry of the template's `Parameters` section, with the nodes of its attributes.
public struct ParameterDeclaration: Sendable {
    public let name: String
    public let node: NodeID
    public let keyNode: NodeID
    /// `Type` as written: `String`, `Number`, `List<Number>`, `CommaDelimitedList`,
    /// `AWS::EC2::Subnet::Id`, `List<AWS::EC2::SecurityGroup::Id>`, `AWS::SSM::Parameter::Value<String>`, ...
    public let type: String?
    public let defaultNode: NodeID?
    public let allowedValues: [String]?
    public let allowedValuesNode: NodeID?
    public let allowedPattern: String?
    public let minLength: Int?
    public let maxLength: Int?
    public let minValue: Double?
    public let maxValue: Double?

    /// A list type: its value is a comma-separated string that `Ref` returns as a list.
    public var isList: Bool {
        guard let type else { return false }
        return type == "CommaDelimitedList" || type.hasPrefix("List<")
    }

    /// An SSM parameter type: the given value names an SSM parameter, whose value is only read at deploy time.
    public var isSSM: Bool { type?.hasPrefix("AWS::SSM::Parameter::") ?? false }

    /// A numeric type (`Number`, `List<Number>`): values must parse as numbers.
    public var isNumeric: Bool { type == "Number" || type == "List<Number>" }

    init(name: String, keyNode: NodeID, node: NodeID, tree: NodeTree) {
        self.name = name
        self.keyNode = keyNode
        self.node = node
        func scalar(_ key: String) -> String? { tree.value(forKey: key, in: node).flatMap { tree.string($0) } }
        func number(_ key: String) -> Double? { scalar(key).flatMap(Double.init) }
        type = scalar("Type")
        defaultNode = tree.value(forKey: "Default", in: node)
        allowedValuesNode = tree.value(forKey: "AllowedValues", in: node)
        allowedValues = allowedValuesNode.flatMap { list in
            tree.kind(list) == .sequence ? tree.elements(list).compactMap { tree.string($0) } : nil
        }
        allowedPattern = scalar("AllowedPattern")
        minLength = number("MinLength").map { Int($0) }
        maxLength = number("MaxLength").map { Int($0) }
        minValue = number("MinValue")
        maxValue = number("MaxValue")
    }

    /// The finite set of values the parameter can take, when `AllowedValues` bounds it.
    public var domain: Set<String>? { allowedValues.map(Set.init) }
}
