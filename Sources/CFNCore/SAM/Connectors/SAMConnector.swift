import CFNLoader

/// `AWS::Serverless::Connector` (and each of a resource's embedded `Connectors`): the policy,
/// queue or topic policy, or Lambda permissions its profile makes for `Source` to reach each
/// `Destination` (`SamConnector` in samtranslator/model/sam_resources.py, profiles in
/// schemas/sam/connector_profiles.json).
struct SAMConnector {
    static let type = "AWS::Serverless::Connector"

    let expander: SAMExpander
    let id: String
    let idRange: SourceRange
    let properties: SAMMap
    /// `Condition`, `DeletionPolicy`, `UpdateReplacePolicy`, `UpdatePolicy`, `Metadata` and `DependsOn`, carried to what it makes.
    let attributes: SAMMap
    var document: SAMDocument { expander.document }

    static let attributeNames = ["DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "Metadata"]

    init(_ expander: SAMExpander, _ resource: Resource) throws {
        self.expander = expander
        id = resource.logicalId
        idRange = resource.idRange
        var properties = SAMMap(at: resource.idRange)
        if let node = resource.properties {
            guard let map = expander.document.map(.node(node)) else {
                throw SAMError("Type of property 'Properties' is invalid.", at: expander.document.range(.node(node)))
            }
            properties = map
        }
        self.properties = properties
        var attributes = SAMMap(at: resource.idRange)
        for name in Self.attributeNames {
            if let node = resource.node(name) {
                attributes.set(name, .node(node), keyRange: expander.document.keyRange(name, in: .node(resource.node)) ?? resource.idRange)
            }
        }
        self.attributes = attributes
    }

    init(_ expander: SAMExpander, id: String, at range: SourceRange, properties: SAMMap, attributes: SAMMap) {
        self.expander = expander
        self.id = id
        idRange = range
        self.properties = properties
        self.attributes = attributes
    }

    func keyRange(_ key: String) -> SourceRange {
        properties.entries.last { $0.key == key }?.keyRange ?? idRange
    }

    func expand() throws -> [SAMResource] {
        // A YAML null is None to the translator: a missing property.
        var properties = properties
        properties.entries.removeAll { document.isNull($0.value) }
        for entry in properties.entries where !["Source", "Destination", "Permissions"].contains(entry.key) {
            throw SAMError("property \(entry.key) not defined for resource of type \(Self.type)", at: entry.keyRange)
        }
        for key in ["Source", "Destination", "Permissions"] where properties[key] == nil {
            throw SAMError("Missing required property '\(key)'.", at: idRange)
        }
        guard let source = properties["Source"], let destinationValue = properties["Destination"], let permissionsValue = properties["Permissions"] else { return [] }
        let isMap = { (value: SAMValue) in self.document.entries(value) != nil || self.document.intrinsic(value) != nil }
        guard isMap(source) else { throw SAMError("Type of property 'Source' is invalid.", at: keyRange("Source")) }
        let destinations = document.entries(destinationValue) != nil || document.intrinsic(destinationValue) != nil
            ? [destinationValue] : document.elements(destinationValue)
        guard let destinations, destinations.allSatisfy(isMap) else {
            throw SAMError("Type of property 'Destination' is invalid.", at: keyRange("Destination"))
        }
        guard let permissionValues = document.elements(permissionsValue) else {
            throw SAMError("Type of property 'Permissions' is invalid.", at: keyRange("Permissions"))
        }
        var permissions: Set<String> = []
        for value in permissionValues {
            guard let text = document.text(value) else { throw SAMError("Type of property 'Permissions' is invalid.", at: keyRange("Permissions")) }
            permissions.insert(text)
        }
        let multiple = document.elements(destinationValue) != nil
        var made: [SAMResource] = []
        for (index, destinationRef) in destinations.enumerated() {
            let destination: SAMConnectorReference
            let sourceReference: SAMConnectorReference
            do {
                destination = try SAMConnectorReference.resolve(destinationRef, connecting: source, expander)
            } catch let failure as SAMConnectorReference.Failure {
                throw SAMError(failure.message, at: keyRange("Destination"))
            }
            do {
                sourceReference = try SAMConnectorReference.resolve(source, connecting: destinationRef, expander)
            } catch let failure as SAMConnectorReference.Failure {
                throw SAMError(failure.message, at: keyRange("Source"))
            }
            var resources = try generate(sourceReference, destination, permissions: permissions, suffix: multiple ? "Destination\(index)" : "")
            for position in resources.indices { addMetadata(&resources[position], sourceReference, destination) }
            made += resources
        }
        guard !made.isEmpty else { throw SAMError("'Destination' is an empty list", at: keyRange("Destination")) }
        return made
    }

    private func generate(_ source: SAMConnectorReference, _ destination: SAMConnectorReference, permissions: Set<String>, suffix: String) throws -> [SAMResource] {
        guard let profile = expander.data.connectorProfiles["Permissions"]?[source.type]?[destination.type],
              let kind = profile["Type"]?.string, let settings = profile["Properties"] else {
            throw SAMError("Unable to create connector from \(source.type) to \(destination.type); it's not supported or the template is invalid.", at: idRange)
        }
        let categories = settings["AccessCategories"]?.object ?? [:]
        let names = categories.keys.sorted()
        let at = keyRange("Permissions")
        guard !permissions.isEmpty else {
            throw SAMError("'Permissions' cannot be empty; valid values are: \(names.joined(separator: ", ")).", at: at)
        }
        for permission in permissions.sorted() where categories[permission] == nil {
            throw SAMError("Unsupported 'Permissions' provided for connector from \(source.type) to \(destination.type); valid values are: \(names.joined(separator: ", ")).", at: at)
        }
        if let combinations = settings["ValidAccessCategories"]?.array {
            let valid = combinations.map { ($0.strings ?? []).sorted() }
            if !valid.contains(permissions.sorted()) {
                throw SAMError("Unsupported 'Permissions' provided for connector from \(source.type) to \(destination.type); valid combinations are: \(valid.map { $0.joined(separator: " + ") }.joined(separator: ", ")).", at: at)
            }
        }
        let replacements: [(name: String, value: SAMValue?)] = [
            ("Source.Arn", source.arn), ("Destination.Arn", destination.arn), ("Source.ResourceId", source.resourceId),
            ("Destination.ResourceId", destination.resourceId), ("Source.Name", source.name), ("Destination.Name", destination.name),
            ("Source.Qualifier", source.qualifier), ("Destination.Qualifier", destination.qualifier),
        ]
        var replaced: [String: SAMValue] = [:]
        do {
            for name in names { replaced[name] = try SAMConnectorProfile.value(categories[name] ?? .null, replacements, at: idRange) }
        } catch let missing as SAMConnectorProfile.Missing {
            throw SAMError(missing.message, at: idRange)
        }
        let chosen = names.filter(permissions.contains)
        let sourcePolicy = settings["SourcePolicy"]?.bool ?? false
        let owner = sourcePolicy ? source : destination
        let side = sourcePolicy ? "Source" : "Destination"
        let statements = { () -> SAMValue in
            let list = chosen.flatMap { self.document.value("Statement", in: replaced[$0] ?? .list([], at: self.idRange)).flatMap(self.document.elements) ?? [] }
            return .map([SAMEntry("Version", .string("2012-10-17", at: self.idRange), keyRange: self.idRange),
                         SAMEntry("Statement", .list(list, at: self.idRange), keyRange: self.idRange)], at: self.idRange)
        }
        // A policy of the profile's statements on the role, queue or topic of the end it names.
        let policy = { (name: String, type: String, key: String, target: SAMValue?, what: String) throws -> [SAMResource] in
            guard let target else { throw SAMError("Unable to get \(what) from '\(side)' resource.", at: self.keyRange(side)) }
            var policy = self.resource("\(self.id)\(name)\(suffix)", type)
            policy.properties.set("PolicyDocument", statements())
            policy.properties.set(key, .list([target], at: self.idRange))
            return [policy]
        }
        switch kind {
        case "AWS_IAM_ROLE_MANAGED_POLICY":
            let made = try policy("Policy", "AWS::IAM::ManagedPolicy", "Roles", owner.roleName, "IAM role name")
            switch (settings["DependedBy"]?.string, source.logicalId, destination.logicalId) {
            case let ("DESTINATION_EVENT_SOURCE_MAPPING", source?, function?):
                expander.connectorDependencies.append(SAMConnectorDependency(policy: made[0].logicalId, dependent: .destinationEventSourceMapping(source: source, function: function)))
            case let ("SOURCE", source?, _):
                expander.connectorDependencies.append(SAMConnectorDependency(policy: made[0].logicalId, dependent: .source(source)))
            default:
                break
            }
            return made
        case "AWS_SQS_QUEUE_POLICY":
            return try policy("QueuePolicy", "AWS::SQS::QueuePolicy", "Queues", owner.queueUrl, "SQS queue URL")
        case "AWS_SNS_TOPIC_POLICY":
            return try policy("TopicPolicy", "AWS::SNS::TopicPolicy", "Topics", owner.arn, "SNS topic ARN")
        case "AWS_LAMBDA_PERMISSION":
            guard let arn = owner.arn else { throw SAMError("Unable to get Lambda function ARN from '\(side)' resource.", at: keyRange(side)) }
            return chosen.map { name in
                var permission = resource("\(id)\(name)LambdaPermission\(suffix)", "AWS::Lambda::Permission")
                let category = replaced[name] ?? .map([], at: idRange)
                permission.properties.set("Action", document.value("Action", in: category))
                permission.properties.set("FunctionName", arn)
                permission.properties.set("Principal", document.value("Principal", in: category))
                permission.properties.set("SourceArn", document.value("SourceArn", in: category))
                permission.properties.set("SourceAccount", document.value("SourceAccount", in: category))
                return permission
            }
        default:
            throw SAMError("Profile type \(kind) is not supported", at: idRange)
        }
    }

    private func resource(_ logicalId: String, _ type: String) -> SAMResource {
        var made = SAMResource(logicalId, type, at: idRange)
        made.attributes = attributes
        return made
    }

    /// `aws:sam:connectors` metadata naming the connector's ends, merged into the connector's own.
    private func addMetadata(_ resource: inout SAMResource, _ source: SAMConnectorReference, _ destination: SAMConnectorReference) {
        let end = { (reference: SAMConnectorReference) in
            SAMValue.map([SAMEntry("Type", .string(reference.writtenType ?? reference.type, at: self.idRange), keyRange: self.idRange)], at: self.idRange)
        }
        let connector = SAMValue.map([SAMEntry(id, .map([SAMEntry("Source", end(source), keyRange: idRange),
                                                         SAMEntry("Destination", end(destination), keyRange: idRange)], at: idRange), keyRange: idRange)],
                                     at: idRange)
        var metadata = attributes["Metadata"].flatMap(document.map) ?? SAMMap(at: idRange)
        metadata.set("aws:sam:connectors", connector, keyRange: idRange)
        resource.attributes.set("Metadata", metadata.value, keyRange: idRange)
    }
}
