import CFNLoader

/// The template's `Globals` section, merged into each SAM resource as the translator merges it
/// (`samtranslator/plugins/globals/globals.py`): a resource's own scalar wins, mappings merge key by
/// key, lists are the global elements then the resource's. Merged values keep their own source range,
/// so a value from `Globals` points at the `Globals` line.
struct SAMGlobals {
    /// Properties each resource type accepts in `Globals`, in the order the translator's messages list them (`supported_properties`).
    static let supported: [String: [String]] = [
        "Function": [
            "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig",
            "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
            "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary",
            "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument",
            "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
            "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
            "SourceKMSKeyArn", "TenancyConfig", "DurableConfig", "CapacityProviderConfig", "FunctionScalingConfig",
            "PublishToLatestPublished", "VersionDeletionPolicy",
        ],
        "Api": [
            "Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize", "MergeDefinitions", "Variables",
            "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize", "Cors",
            "GatewayResponses", "AccessLogSetting", "CanarySetting", "TracingEnabled", "OpenApiVersion", "Domain",
            "AlwaysDeploy", "PropagateTags", "SecurityPolicy", "EndpointAccessMode",
        ],
        "HttpApi": [
            "Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration", "DefaultRouteSettings", "Domain",
            "RouteSettings", "FailOnWarnings", "PropagateTags",
        ],
        "SimpleTable": ["SSESpecification"],
        "StateMachine": ["PropagateTags"],
        "LayerVersion": ["PublishLambdaVersion"],
        "CapacityProvider": ["VpcConfig", "OperatorRole", "Tags", "InstanceRequirements", "ScalingConfig", "KmsKeyArn", "PropagateTags"],
        "WebSocketApi": [
            "AccessLogSettings", "ApiKeySelectionExpression", "DefaultRouteSettings", "DisableExecuteApiEndpoint",
            "DisableSchemaValidation", "Domain", "FailOnWarnings", "IpAddressType", "PropagateTags",
            "RouteSelectionExpression", "RouteSettings", "StageVariables", "Tags",
        ],
    ]

    /// The global properties by resource type name (`Function`, `LayerVersion`, …).
    private(set) var byType: [String: [SAMEntry]] = [:]

    init() {}

    /// Reads `Globals`; its errors are the translator's, located at the offending key.
    init(_ node: NodeID?, _ document: SAMDocument, errors: inout [SAMError]) {
        guard let node else { return }
        let value = SAMValue.node(node)
        guard let sections = document.entries(value) else {
            errors.append(SAMError("'Globals' section is invalid. It must be a non-empty dictionary", at: document.range(value)))
            return
        }
        for section in sections {
            guard let allowed = Self.supported[section.key] else {
                let types = Self.supported.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                errors.append(SAMError("'Globals' section is invalid. '\(section.key)' is not supported. Must be one of the following values - [\(types)]",
                                       at: section.keyRange))
                continue
            }
            guard let properties = document.entries(section.value) else {
                errors.append(SAMError("'Globals' section is invalid. Value of \(section.key) must be a dictionary",
                                       at: document.range(section.value)))
                continue
            }
            var accepted: [SAMEntry] = []
            for property in properties {
                if allowed.contains(property.key) {
                    accepted.append(property)
                } else {
                    errors.append(SAMError("'Globals' section is invalid. '\(property.key)' is not a supported property of '\(section.key)'. Must be one of the following values - [\(allowed.map { "'\($0)'" }.joined(separator: ", "))]",
                                           at: property.keyRange))
                }
            }
            byType[section.key] = accepted
        }
    }

    /// `local` with the globals of `type` merged under it, less those the resource's `IgnoreGlobals`
    /// names (`*` for all).
    func merge(_ type: String, into local: SAMMap, ignoring ignore: SAMValue? = nil, resource: String = "",
               _ document: SAMDocument) throws -> SAMMap {
        guard var globals = byType[type], !globals.isEmpty else { return local }
        if let ignore {
            if document.string(ignore) == "*" {
                return local
            } else if let names = document.elements(ignore) {
                for name in names {
                    guard let text = document.string(name), globals.contains(where: { $0.key == text }) else {
                        throw SAMError("Resource \(resource) has invalid resource attribute 'IgnoreGlobals' on item '\(document.string(name) ?? "")'.",
                                       at: document.range(name))
                    }
                    globals.removeAll { $0.key == text }
                }
            } else {
                throw SAMError("Resource \(resource) has invalid resource attribute 'IgnoreGlobals'.", at: document.range(ignore))
            }
        }
        let merged = mergeEntries(globals, local.entries, document)
        return SAMMap(at: local.range, merged)
    }

    private func mergeEntries(_ global: [SAMEntry], _ local: [SAMEntry], _ document: SAMDocument) -> [SAMEntry] {
        var result = global
        for entry in local {
            if let index = result.firstIndex(where: { $0.key == entry.key }) {
                result[index].value = merge(result[index].value, entry.value, document)
                result[index].keyRange = entry.keyRange
            } else {
                result.append(entry)
            }
        }
        return result
    }

    private func merge(_ global: SAMValue, _ local: SAMValue, _ document: SAMDocument) -> SAMValue {
        switch (token(global, document), token(local, document)) {
        case (.map, .map):
            let merged = mergeEntries(document.entries(global) ?? [], document.entries(local) ?? [], document)
            return .map(merged, at: document.range(local))
        case (.list, .list):
            return .list((document.elements(global) ?? []) + (document.elements(local) ?? []), at: document.range(local))
        default:
            return local
        }
    }

    private enum Token { case primitive, map, list }

    /// An intrinsic function merges as a scalar does.
    private func token(_ value: SAMValue, _ document: SAMDocument) -> Token {
        if document.intrinsic(value) != nil { return .primitive }
        if document.entries(value) != nil { return .map }
        if document.elements(value) != nil { return .list }
        return .primitive
    }
}
