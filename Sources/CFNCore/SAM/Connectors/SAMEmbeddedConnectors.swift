import CFNLoader

/// A resource's `Connectors` attribute: each entry becomes the connector `<Resource><Connector>`
/// with the resource as its `Source` (`_get_embedded_connectors` in
/// samtranslator/translator/translator.py); the attribute itself is dropped from the output.
extension SAMExpander {
    func expandEmbeddedConnectors() {
        let tree = template.tree
        for resource in template.resources where resource.type == SAMConnector.type {
            if let made = expansions[resource.logicalId] { connectorIds[resource.logicalId] = made.map(\.logicalId) }
        }
        defer {
            addConnectorDependencies()
            replaceConnectorDependencies()
        }
        for resource in template.resources {
            guard let connectors = tree.value(forKey: "Connectors", in: resource.node) else { continue }
            let sourceId = resource.logicalId
            // A resource the transform rejected makes no connectors.
            guard !errors.contains(where: { $0.resource == sourceId }) else { continue }
            // What the resource became, else the resource as written without the attribute.
            var made = expansions[sourceId] ?? [kept(resource)]
            guard let entries = document.entries(.node(connectors)) else {
                errors.append((sourceId, SAMError("Attribute '\(sourceId).Connectors' should be a map.", at: tree.range(connectors))))
                continue
            }
            for entry in entries {
                let fullId = sourceId + entry.key
                do {
                    guard let fields = document.entries(entry.value) else {
                        throw Failure(fullId, SAMError("\(sourceId).\(fullId) should be a map.", at: entry.keyRange))
                    }
                    guard let propertiesValue = fields.last(where: { $0.key == "Properties" })?.value, var properties = document.map(propertiesValue),
                          !properties.entries.isEmpty else {
                        throw Failure(sourceId, SAMError("Attribute 'Connectors.\(entry.key).Properties' should be a map.", at: entry.keyRange))
                    }
                    var source = [SAMEntry("Id", .string(sourceId, at: resource.idRange), keyRange: entry.keyRange)]
                    if let reference = properties["SourceReference"] {
                        guard let given = document.entries(reference) else {
                            throw Failure(sourceId, SAMError("Property 'Connectors.\(entry.key).Properties.SourceReference' should be a map.", at: document.range(reference)))
                        }
                        if given.contains(where: { $0.key == "Id" }) {
                            throw Failure(entry.key, SAMError("'Id' shouldn't be defined in 'SourceReference'.", at: document.range(reference)))
                        }
                        source += given
                        properties.remove("SourceReference")
                    }
                    properties.set("Source", .map(source, at: entry.keyRange), keyRange: entry.keyRange)
                    if template.hasResource(named: fullId) {
                        throw Failure(nil, SAMError("Transforming resource with id [\(sourceId)] attempts to create a new resource with id [\(fullId)] and type \"\(SAMConnector.type)\". A resource with that id already exists within this template. Please use a different id for that resource.",
                                                       at: entry.keyRange))
                    }
                    var attributes = SAMMap(at: entry.keyRange)
                    for field in fields where SAMConnector.attributeNames.contains(field.key) {
                        attributes.set(field.key, field.value, keyRange: field.keyRange)
                    }
                    let connector = try SAMConnector(self, id: fullId, at: entry.keyRange, properties: properties, attributes: attributes).expand()
                    connectorIds[fullId] = connector.map(\.logicalId)
                    made += connector
                } catch let failure as Failure {
                    errors.append((failure.resource, failure.error))
                } catch let error as SAMError {
                    errors.append((fullId, error))
                } catch {
                    errors.append((fullId, SAMError("\(error)", at: entry.keyRange)))
                }
            }
            expansions[sourceId] = made
        }
    }

    /// An error the translator reports on another resource than the connector.
    private struct Failure: Error {
        let resource: String?
        let error: SAMError
        init(_ resource: String?, _ error: SAMError) {
            self.resource = resource
            self.error = error
        }
    }

    /// A made resource's `DependsOn` naming a connector names what the connector made instead.
    private func replaceConnectorDependencies() {
        guard !connectorIds.isEmpty else { return }
        for (samId, resources) in expansions {
            for index in resources.indices {
                guard let dependsOn = resources[index].attributes["DependsOn"] else { continue }
                let names = document.elements(dependsOn) ?? [dependsOn]
                guard names.contains(where: { document.string($0).flatMap { connectorIds[$0] } != nil }) else { continue }
                let range = document.range(dependsOn)
                var seen: Set<String> = []
                let replaced = names.flatMap { name in
                    document.string(name).flatMap { connectorIds[$0] }.map { $0.map { SAMValue.string($0, at: range) } } ?? [name]
                }.filter { seen.insert(document.string($0) ?? "\($0)").inserted }
                expansions[samId]?[index].attributes.set("DependsOn", .list(replaced, at: range))
            }
        }
    }

    /// A resource of the template as written, less its `Connectors`.
    func kept(_ resource: Resource) -> SAMResource {
        var kept = SAMResource(resource.logicalId, resource.type ?? "", at: resource.idRange)
        for entry in document.entries(.node(resource.node)) ?? [] where !["Type", "Properties", "Connectors"].contains(entry.key) {
            kept.attributes.set(entry.key, entry.value, keyRange: entry.keyRange)
        }
        if let node = resource.properties, let map = document.map(.node(node)) { kept.properties = map }
        return kept
    }
}
