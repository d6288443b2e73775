/// The versions part of a state file: `listVersionsByFunction`, `listAliases`,
/// `listProvisionedConcurrencyConfigs`, `listEventSourceMappings` and `listLayerVersions`.
extension StateFileReader {
    /// Reads the versions of every function of `state` and the version lists of its layers.
    mutating func readVersions(into state: inout DeployedState) {
        state.recordsVersions = responses["listVersionsByFunction"].exists
        for (logicalId, function) in state.functions.sorted(by: { $0.key < $1.key }) {
            let name = state.physicalId(of: logicalId) ?? function.name
            state.versions[logicalId] = readVersions(ofFunction: name)
        }
        for (layer, response) in responses["listLayerVersions"].entries {
            let list = response["LayerVersions"]
            guard list.isSequence else {
                problem("responses.listLayerVersions.\(layer) has no LayerVersions", at: response)
                continue
            }
            state.layerVersionLists[layer] = list.elements.compactMap { $0["LayerVersionArn"].string }
        }
    }

    mutating func readVersions(ofFunction name: String) -> DeployedVersions {
        var result = DeployedVersions()
        if let list = list(responses["listVersionsByFunction"][name], "Versions", call: "listVersionsByFunction", key: name) {
            result.versions = list.compactMap { item in
                guard let version = item["Version"].string, version != "$LATEST" else { return nil }
                return DeployedFunctionVersion(version: version, arn: item["FunctionArn"].string, codeSize: item["CodeSize"].integer,
                                               codeSha256: item["CodeSha256"].string, description: item["Description"].string,
                                               layers: item["Layers"].elements.compactMap { $0["Arn"].string })
            }
        }
        if let list = list(responses["listAliases"][name], "Aliases", call: "listAliases", key: name) {
            result.aliases = list.compactMap { item in
                guard let alias = item["Name"].string, let version = item["FunctionVersion"].string else { return nil }
                let weights = item["RoutingConfig"]["AdditionalVersionWeights"].entries.map(\.key)
                return DeployedAlias(name: alias, arn: item["AliasArn"].string, functionVersion: version,
                                     additionalVersions: weights.sorted(by: SnapshotFileWriter.precedes))
            }
        }
        if let list = list(responses["listProvisionedConcurrencyConfigs"][name], "ProvisionedConcurrencyConfigs",
                           call: "listProvisionedConcurrencyConfigs", key: name) {
            result.provisionedConcurrency = list.compactMap { item in
                item["FunctionArn"].string.flatMap(DeployedEventSourceMapping.qualifier(ofFunctionArn:))
            }
        }
        if let list = list(responses["listEventSourceMappings"][name], "EventSourceMappings", call: "listEventSourceMappings", key: name) {
            result.eventSourceMappings = list.compactMap { item in
                guard let uuid = item["UUID"].string else { return nil }
                return DeployedEventSourceMapping(uuid: uuid, qualifier: item["FunctionArn"].string
                    .flatMap(DeployedEventSourceMapping.qualifier(ofFunctionArn:)))
            }
        }
        return result
    }

    /// The items of a list response; nil when the response is absent (not read, or the call
    /// failed) or has no such list (reported).
    mutating func list(_ response: StateValue, _ field: String, call: String, key: String) -> [StateValue]? {
        guard response.exists else { return nil }
        guard response[field].isSequence else {
            problem("responses.\(call).\(key) has no \(field)", at: response)
            return nil
        }
        return response[field].elements
    }
}
