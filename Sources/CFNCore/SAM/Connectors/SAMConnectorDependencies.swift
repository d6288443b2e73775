import CFNLoader

/// A connector policy that another resource must wait for: a profile's `DependedBy`
/// (`_construct_iam_policy` in samtranslator/model/sam_resources.py).
struct SAMConnectorDependency {
    enum Dependent {
        /// The one event source mapping from the source to the destination function.
        case destinationEventSourceMapping(source: String, function: String)
        /// The source itself (a state machine that starts another one synchronously).
        case source(String)
    }

    let policy: String
    let dependent: Dependent
}

extension SAMExpander {
    /// Adds each connector policy to the `DependsOn` of what depends on it (`add_depends_on`), once
    /// every resource is made: a dependency on a template resource makes it a copy with the new list.
    func addConnectorDependencies() {
        guard !connectorDependencies.isEmpty else { return }
        // Event source mappings by (source, function) logical IDs, and where each made resource is, indexed once.
        var mappings: [String: [String]] = [:]
        var locations: [String: (owner: String, position: Int)] = [:]
        let key = { (source: String, function: String) in source + "\u{0}" + function }
        let index = { (logicalId: String, properties: SAMMap) in
            guard let function = properties["FunctionName"].flatMap({ SAMFunction.referencedLogicalId($0, self.document) }),
                  let source = properties["EventSourceArn"].flatMap({ SAMFunction.referencedLogicalId($0, self.document) }) else { return }
            mappings[key(source, function), default: []].append(logicalId)
        }
        for (owner, resources) in expansions {
            for (position, made) in resources.enumerated() {
                locations[made.logicalId] = (owner, position)
                if made.type == "AWS::Lambda::EventSourceMapping" { index(made.logicalId, made.properties) }
            }
        }
        for resource in template.resources where resource.type == "AWS::Lambda::EventSourceMapping" && expansions[resource.logicalId] == nil {
            index(resource.logicalId, resource.properties.flatMap { document.map(.node($0)) } ?? SAMMap(at: resource.idRange))
        }
        for dependency in connectorDependencies {
            let dependent: String
            switch dependency.dependent {
            case let .destinationEventSourceMapping(source, function):
                // Two mappings between the same ends fail to deploy anyway: the translator adds none.
                guard let found = mappings[key(source, function)], found.count == 1 else { continue }
                dependent = found[0]
            case let .source(source):
                dependent = source
            }
            if locations[dependent] == nil, let resource = template.resource(named: dependent) {
                expansions[dependent] = [kept(resource)]
                locations[dependent] = (dependent, 0)
            }
            guard let (owner, position) = locations[dependent] else { continue }
            expansions[owner]?[position].addDependsOn(dependency.policy, document)
        }
    }
}

extension SAMResource {
    /// `insert_unique`: `DependsOn` as a list, with `name` appended unless present.
    mutating func addDependsOn(_ name: String, _ document: SAMDocument) {
        let existing = attributes["DependsOn"]
        var names = existing.map { document.elements($0) ?? [$0] } ?? []
        if !names.contains(where: { document.string($0) == name }) {
            names.append(.string(name, at: idRange))
        }
        attributes.set("DependsOn", .list(names, at: existing.map(document.range) ?? idRange))
    }
}
