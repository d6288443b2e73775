import CFNLoader

/// A CloudFormation template over its node tree: the sections and the resources, each with its node
/// (and so its source range). Values stay nodes; resolution happens later, on demand.
public struct Template: Sendable {
    public enum Section: String, CaseIterable, Sendable {
        case formatVersion = "AWSTemplateFormatVersion"
        case description = "Description"
        case metadata = "Metadata"
        case parameters = "Parameters"
        case rules = "Rules"
        case mappings = "Mappings"
        case conditions = "Conditions"
        case transform = "Transform"
        case resources = "Resources"
        case outputs = "Outputs"
        case hooks = "Hooks"

        /// By position: hashing the case would hash its raw string.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(ordinal)
        }

        /// The case's position in `allCases`.
        var ordinal: Int {
            switch self {
            case .formatVersion: 0
            case .description: 1
            case .metadata: 2
            case .parameters: 3
            case .rules: 4
            case .mappings: 5
            case .conditions: 6
            case .transform: 7
            case .resources: 8
            case .outputs: 9
            case .hooks: 10
            }
        }
    }

    public let tree: NodeTree
    public let root: NodeID
    /// Each section present, with the node of its value.
    public let sections: [Section: NodeID]
    /// Resources in source order.
    public let resources: [Resource]
    /// The resources a transform made, by logical ID, and what each came from; empty for a template
    /// as written.
    public internal(set) var sources: [String: ResourceSource] = [:]

    /// Position in `resources` by logical ID (the first, when an ID repeats).
    private let index: [String: Int]
    /// `sections` by `Section.ordinal`: rules ask for sections many times, and hashing a case
    /// hashes its raw string.
    private let sectionNodes: [NodeID?]

    public init(tree: NodeTree, root: NodeID, sections: [Section: NodeID], resources: [Resource]) {
        self.tree = tree
        self.root = root
        self.sections = sections
        self.resources = resources
        self.index = Dictionary(resources.enumerated().map { ($1.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        self.sectionNodes = Section.allCases.map { sections[$0] }
    }

    public func section(_ section: Section) -> NodeID? { sectionNodes[section.ordinal] }

    public func resource(named logicalId: String) -> Resource? {
        position(ofResourceNamed: logicalId).map { resources[$0] }
    }

    /// The position in `resources` of the (first) resource with this logical ID.
    public func position(ofResourceNamed logicalId: String) -> Int? {
        index[logicalId]
    }

    /// Whether some logical ID is written more than once in `Resources`.
    public var repeatsLogicalIds: Bool { index.count != resources.count }

    /// Whether a resource has this logical ID: `resource(named:) != nil` without copying the resource.
    public func hasResource(named logicalId: String) -> Bool {
        position(ofResourceNamed: logicalId) != nil
    }

    /// Entries of a mapping section (Parameters, Mappings, Conditions, Outputs, ...) in source order.
    public func entries(of section: Section) -> MappingEntries? {
        guard let node = sectionNodes[section.ordinal], tree.kind(node) == .mapping else { return nil }
        return tree.entries(node)
    }
}

/// One entry of `Resources`, with the nodes of its attributes.
///
/// A class, though immutable: rules pass resources around and iterate all of them many times, and
/// a copy is then one reference instead of every field.
public final class Resource: Sendable {
    public let logicalId: String
    /// The range of the logical ID key.
    public let idRange: SourceRange
    public let node: NodeID
    /// The literal Type, when it is a string.
    public let type: String?
    /// The attributes written, by name. Made when asked for: the resource keeps them by position.
    public var attributes: [Attribute: NodeID] {
        var attributes: [Attribute: NodeID] = [:]
        for attribute in Attribute.allCases {
            if let node = attributeNodes[attribute.ordinal] { attributes[attribute] = node }
        }
        return attributes
    }
    /// Where the resource is in its template's `resources` (-1 when not made by `TemplateParser`):
    /// what a rule context keeps per resource is found there without hashing the logical ID.
    let position: Int
    /// The attributes by `Attribute.ordinal`: rules ask for attributes many times, and hashing a
    /// case hashes its raw string (and a dictionary per resource cost the parser a tenth of its time).
    private let attributeNodes: [NodeID?]

    public enum Attribute: String, CaseIterable, Sendable {
        case type = "Type"
        case properties = "Properties"
        case condition = "Condition"
        case dependsOn = "DependsOn"
        case deletionPolicy = "DeletionPolicy"
        case updateReplacePolicy = "UpdateReplacePolicy"
        case metadata = "Metadata"
        case creationPolicy = "CreationPolicy"
        case updatePolicy = "UpdatePolicy"
        case version = "Version"

        /// The attribute a key names, read from its UTF-8 bytes without making a string: by length,
        /// then the bytes (`init(rawValue:)` compares a string with every case's name).
        init?(utf8 bytes: some Collection<UInt8>) {
            let candidates: [Attribute] = switch bytes.count {
            case 4: [.type]
            case 7: [.version]
            case 8: [.metadata]
            case 9: [.condition, .dependsOn]
            case 10: [.properties]
            case 12: [.updatePolicy]
            case 14: [.deletionPolicy, .creationPolicy]
            case 19: [.updateReplacePolicy]
            default: []
            }
            guard let match = candidates.first(where: { $0.rawValue.utf8.elementsEqual(bytes) }) else { return nil }
            self = match
        }

        /// By position: hashing the case would hash its raw string.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(ordinal)
        }

        /// The case's position in `allCases`.
        var ordinal: Int {
            switch self {
            case .type: 0
            case .properties: 1
            case .condition: 2
            case .dependsOn: 3
            case .deletionPolicy: 4
            case .updateReplacePolicy: 5
            case .metadata: 6
            case .creationPolicy: 7
            case .updatePolicy: 8
            case .version: 9
            }
        }
    }

    public convenience init(logicalId: String, idRange: SourceRange, node: NodeID, type: String?, attributes: [Attribute: NodeID]) {
        self.init(logicalId: logicalId, idRange: idRange, node: node, type: type, attributeNodes: Self.nodesByOrdinal(attributes),
                  position: -1)
    }

    /// `attributeNodes` by `Attribute.ordinal`, one for each case.
    init(logicalId: String, idRange: SourceRange, node: NodeID, type: String?, attributeNodes: [NodeID?], position: Int) {
        self.logicalId = logicalId
        self.idRange = idRange
        self.node = node
        self.type = type
        self.attributeNodes = attributeNodes
        self.position = position
    }

    /// `attributes` in an array by `Attribute.ordinal`, made without hashing a case.
    private static func nodesByOrdinal(_ attributes: [Attribute: NodeID]) -> [NodeID?] {
        var nodes = [NodeID?](repeating: nil, count: Attribute.allCases.count)
        for (attribute, node) in attributes { nodes[attribute.ordinal] = node }
        return nodes
    }

    public subscript(_ attribute: Attribute) -> NodeID? { attributeNodes[attribute.ordinal] }
    public var properties: NodeID? { attributeNodes[Attribute.properties.ordinal] }

    /// The `Properties` key, where a property missing from them is reported; nil without Properties.
    public func propertiesKey(in tree: NodeTree) -> NodeID? {
        guard let properties else { return nil }
        return tree.entries(node).first { $0.value == properties }?.key
    }

    /// The path of an attribute of this resource, for findings.
    public func path(_ components: String...) -> [String] { ["Resources", logicalId] + components }
}
