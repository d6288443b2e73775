import CFNLoader

/// A property that holds an AWS ID or ARN: a subnet, a security group, a role, a layer, a KMS key
/// or an S3 bucket. Written as plain text, such a value is often the name of a parameter or
/// resource of the template that lacks its `!Ref`.
struct IdentifierProperty: Sendable {
    enum Kind: Sendable {
        case subnet, securityGroup, role, layer, kmsKey, bucket

        /// What the property takes, for messages.
        var noun: String {
            switch self {
            case .subnet: "a subnet ID"
            case .securityGroup: "a security group ID"
            case .role: "an IAM role ARN"
            case .layer: "a layer version ARN"
            case .kmsKey: "a KMS key ARN"
            case .bucket: "an S3 bucket name"
            }
        }

        /// The start every such ID has (EC2 resource IDs `subnet-0abc…`, `sg-0abc…`; ARNs `arn:`),
        /// for the kinds whose form no other rule judges; nil for the others (roles and layers
        /// have their own rules, bucket names have no fixed start).
        var prefix: String? {
            switch self {
            case .subnet: "subnet-"
            case .securityGroup: "sg-"
            case .kmsKey: "arn:"
            case .role, .layer, .bucket: nil
            }
        }

        /// How a resource of the template gives this value: `!Ref` gives a subnet's or security
        /// group's ID, a bucket's name and a layer version's ARN, but a role's or key's name or ID.
        func reference(to name: String) -> String {
            switch self {
            case .role, .kmsKey: "!GetAtt \(name).Arn"
            case .subnet, .securityGroup, .layer, .bucket: "!Ref \(name)"
            }
        }
    }

    let resourceType: String
    /// The keys below Properties.
    let path: [String]
    /// Whether the property is a list of such values.
    let isList: Bool
    let kind: Kind

    static let all: [IdentifierProperty] = [
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["VpcConfig", "SubnetIds"], isList: true, kind: .subnet),
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["VpcConfig", "SecurityGroupIds"], isList: true, kind: .securityGroup),
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["Role"], isList: false, kind: .role),
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["Layers"], isList: true, kind: .layer),
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["KmsKeyArn"], isList: false, kind: .kmsKey),
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["Code", "SourceKMSKeyArn"], isList: false, kind: .kmsKey),
        IdentifierProperty(resourceType: LambdaFunction.type, path: ["Code", "S3Bucket"], isList: false, kind: .bucket),
        IdentifierProperty(resourceType: LambdaLayerVersion.type, path: ["Content", "S3Bucket"], isList: false, kind: .bucket),
    ]

    static let byType: [String: [IdentifierProperty]] = Dictionary(grouping: all, by: \.resourceType)

    /// One value written as text in such a property.
    struct Value {
        let resource: Resource
        let property: IdentifierProperty
        let text: String
        let node: NodeID
        /// The path for findings: `Properties/VpcConfig/SubnetIds/0`.
        let path: [String]
        /// How the value is named in messages: `SubnetIds[0]`.
        let name: String
        let guardCondition: Guard
    }

    /// The values written as text in the ID properties of the template's resources (not given by a
    /// function or a parameter), under the conditions where each is reached. Read once per run:
    /// `reference.missing-ref` and `reference.id-form` both judge them.
    static func literalValues(in context: RuleContext) -> [Value] {
        if let known = context.cache.identifierValues { return known }
        var values: [Value] = []
        for resource in context.template.resources {
            guard let type = resource.type, let properties = byType[type] else { continue }
            values += literalValues(of: resource, properties, in: context)
        }
        context.cache.identifierValues = values
        return values
    }

    private static func literalValues(of resource: Resource, _ properties: [IdentifierProperty], in context: RuleContext) -> [Value] {
        var values: [Value] = []
        for property in properties {
            let key = property.path[property.path.count - 1]
            for (conditions, value) in context.reachable(resource, path: property.path) {
                guard let value else { continue }
                let items: [(Int?, Resolved)] = property.isList ? (value.elements ?? []).enumerated().map { ($0.offset, $0.element) } : [(nil, value)]
                for (index, item) in items {
                    guard let text = item.text, let node = item.node, context.isWrittenLiterally(item, in: resource) else { continue }
                    let path = ["Properties"] + property.path + (index.map { [String($0)] } ?? [])
                    values.append(Value(resource: resource, property: property, text: text, node: node, path: path,
                                        name: index.map { "\(key)[\($0)]" } ?? key, guardCondition: conditions))
                }
            }
        }
        return values
    }
}
