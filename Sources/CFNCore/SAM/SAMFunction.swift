import CFNLoader

/// `AWS::Serverless::Function` → `AWS::Lambda::Function`, its execution role, version and alias,
/// URL and event sources (`SamFunction.to_cloudformation` in samtranslator/model/sam_resources.py).
struct SAMFunction: SAMMacroResource {
    static let createdByTag = "lambda:createdBy"

    static let properties: Set<String> = [
        "FunctionName", "Handler", "Runtime", "CodeUri", "ImageUri", "PackageType", "InlineCode", "DeadLetterQueue",
        "Description", "MemorySize", "Timeout", "VpcConfig", "Role", "AssumeRolePolicyDocument", "Policies", "RolePath",
        "PermissionsBoundary", "Environment", "Events", "Tags", "PropagateTags", "Tracing", "KmsKeyArn",
        "DeploymentPreference", "ReservedConcurrentExecutions", "Layers", "EventInvokeConfig", "EphemeralStorage",
        "AutoPublishAlias", "AutoPublishCodeSha256", "AutoPublishAliasAllProperties", "VersionDescription",
        "ProvisionedConcurrencyConfig", "FileSystemConfigs", "ImageConfig", "CodeSigningConfigArn", "Architectures",
        "SnapStart", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn",
        "CapacityProviderConfig", "FunctionScalingConfig", "VersionDeletionPolicy", "PublishToLatestPublished",
        "TenancyConfig", "DurableConfig",
    ]

    /// Properties copied to the Lambda function as they are, in the order the translator sets them.
    static let passedThrough = [
        "FunctionName", "Handler", "Runtime", "Description", "MemorySize", "Timeout", "VpcConfig", "Role", "Environment",
        "KmsKeyArn", "ReservedConcurrentExecutions", "Layers", "FileSystemConfigs", "ImageConfig", "PackageType",
        "Architectures", "SnapStart", "EphemeralStorage",
    ]
    static let passedThroughAfter = [
        "CodeSigningConfigArn", "RuntimeManagementConfig", "LoggingConfig", "TenancyConfig", "RecursiveLoop",
        "DurableConfig",
    ]

    let expander: SAMExpander
    let resource: Resource
    let id: String
    let idRange: SourceRange
    /// Held, not read through `expander` on each use: reading it out of the class retains its tree's arrays.
    let document: SAMDocument
    /// The function's properties with `Globals.Function` merged in; YAML nulls dropped (SAM reads them as absent).
    let properties: SAMMap

    init(_ expander: SAMExpander, _ resource: Resource) throws {
        self.expander = expander
        self.resource = resource
        document = expander.document
        id = resource.logicalId
        idRange = resource.idRange
        properties = try expander.properties(of: resource, globals: "Function")
    }

    func range(_ key: String) -> SourceRange {
        self[key].map(document.range) ?? idRange
    }

    func error(_ message: String, at key: String? = nil) -> SAMError {
        SAMError(message, at: key.map(keyRange) ?? idRange)
    }

    // MARK: Expansion

    func expand() throws -> [SAMResource] {
        try validate()
        var function = SAMResource(id, "AWS::Lambda::Function", at: idRange)
        for attribute in ["DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata", "DependsOn"] {
            if let node = resource.node(attribute) { function.attributes.set(attribute, .node(node), keyRange: attributeKeyRange(attribute)) }
        }
        function.properties = try lambdaProperties()
        var resources = [function]

        var alias: SAMResource?
        if let aliasValue = publishedAlias {
            let name = try aliasName(aliasValue)
            if let sha = self["AutoPublishCodeSha256"] {
                let resolved = expander.parameters.resolve(sha, document)
                guard let text = document.text(resolved) ?? document.string(resolved), document.intrinsic(resolved) == nil else {
                    throw error("AutoPublishCodeSha256 must be a string", at: "AutoPublishCodeSha256")
                }
                let description = self["Description"].map { expander.parameters.resolve($0, document) }
                if let description, document.intrinsic(description) != nil || document.entries(description) != nil {
                    resources[0].properties.set("Description", .intrinsic(.join, .list([
                        .string(" ", at: range("AutoPublishCodeSha256")),
                        .list([description, .string(text, at: range("AutoPublishCodeSha256"))], at: range("Description")),
                    ], at: range("Description")), at: range("Description")))
                } else if let description, let prefix = document.string(description), !prefix.isEmpty {
                    resources[0].properties.set("Description", .string("\(prefix) \(text)", at: range("Description")))
                } else {
                    resources[0].properties.set("Description", .string(text, at: range("AutoPublishCodeSha256")), keyRange: keyRange("AutoPublishCodeSha256"))
                }
                let version = try self.version(&resources[0], codeSha256: text)
                alias = try self.alias(name, version: version)
                resources.append(version)
            } else {
                let version = try self.version(&resources[0], codeSha256: nil)
                alias = try self.alias(name, version: version)
                resources.append(version)
            }
        }
        let group = try self["DeploymentPreference"].flatMap { try deploymentGroup($0, alias: &alias) }
        if let alias { resources.append(alias) }
        if let group { resources.append(group) }
        if let url = self["FunctionUrlConfig"] {
            resources += try functionURL(url, alias: alias)
        }
        var destinationPolicies: [SAMValue] = []
        if let config = self["EventInvokeConfig"], document.isTruthy(config) {
            let made = try SAMEventInvokeConfig(function: self).make(config: config, alias: alias)
            resources += made.resources
            destinationPolicies = made.policies
        }

        var role: SAMResource?
        if let given = self["Role"] {
            if let (function, argument) = document.intrinsic(given), function == .if {
                role = try conditionalRole(given, argument, &resources[0], destinationPolicies)
            }
        } else {
            role = try SAMFunctionRole(self, destinationPolicies: destinationPolicies).make()
            resources[0].properties.set("Role", .getAtt("\(id)Role", "Arn", at: idRange), keyRange: idRange)
            resources[0].properties.entries.sort { Self.order($0.key) < Self.order($1.key) }
        }
        let target = alias.map { SAMValue.ref($0.logicalId, at: idRange) } ?? .ref(id, at: idRange)
        var events = SAMFunctionEvents(self, target: target, functionArn: alias.map { .ref($0.logicalId, at: idRange) } ?? .getAtt(id, "Arn", at: idRange))
        let eventResources = try events.make(role: &role)
        if let role { resources.append(role) }
        resources += eventResources
        // `Fn.DestinationQueue` / `Fn.DestinationTopic` name the last queue or topic made (`referable_properties`).
        for (property, type) in [("DestinationQueue", "AWS::SQS::Queue"), ("DestinationTopic", "AWS::SNS::Topic")] {
            if let last = resources.last(where: { $0.type == type }) { expander.derived["\(id).\(property)"] = last.logicalId }
        }
        // `propagate_tags`: every generated resource that takes tags gets the function's, without SAM's own.
        if document.isTruthy(self["PropagateTags"]), let tags = self["Tags"], document.isTruthy(tags) {
            for index in resources.indices where Self.taggedTypes.contains(resources[index].type) {
                resources[index].properties.set("Tags", tagList(withSAMTag: false), keyRange: keyRange("Tags"))
            }
        }
        return resources
    }

    /// `Role: !If [C, !Ref AWS::NoValue, X]`: the generated role where the condition leaves no role
    /// (`_make_lambda_role`); the role gets the condition, or a `NOT` condition of it.
    private func conditionalRole(_ given: SAMValue, _ argument: SAMValue, _ function: inout SAMResource, _ destinationPolicies: [SAMValue]) throws -> SAMResource? {
        guard let parts = document.elements(argument), parts.count == 3 else {
            let count = document.elements(argument)?.count
            throw error("Malformed 'Role' property: Fn::If requires 3 arguments\(count == nil ? "" : "")." , at: "Role")
        }
        guard let condition = document.string(parts[0]) else { throw error("Malformed 'Role' property: the condition must be a string.", at: "Role") }
        let thenNone = document.isNoValue(parts[1])
        let elseNone = document.isNoValue(parts[2])
        guard thenNone || elseNone else { return nil }
        var role = try SAMFunctionRole(self, destinationPolicies: destinationPolicies).make()
        let arn = SAMValue.getAtt("\(id)Role", "Arn", at: idRange)
        let at = document.range(given)
        if thenNone, elseNone {
            function.properties.set("Role", arn)
        } else if thenNone {
            function.properties.set("Role", .intrinsic(.if, .list([parts[0], arn, parts[2]], at: at), at: at))
            role.attributes.set("Condition", .string(condition, at: at), keyRange: keyRange("Role"))
        } else {
            function.properties.set("Role", .intrinsic(.if, .list([parts[0], parts[1], arn], at: at), at: at))
            role.attributes.set("Condition", .string("NOT\(condition)", at: at), keyRange: keyRange("Role"))
            if !expander.conditions.contains(where: { $0.key == "NOT\(condition)" }) {
                expander.conditions.append(SAMEntry("NOT\(condition)", .intrinsic(.not, .list([.intrinsic(.condition, parts[0], at: at)], at: at), at: at),
                                                    keyRange: keyRange("Role")))
            }
        }
        return role
    }

    /// The made types whose `Tags` `PropagateTags` sets (those with `Tags` among their `property_types`).
    static let taggedTypes: Set<String> = ["AWS::Lambda::Function", "AWS::IAM::Role", "AWS::IoT::TopicRule", "AWS::SQS::Queue", "AWS::SNS::Topic"]

    /// A note that part of the function is not expanded.
    func partial(_ property: String, _ what: String) -> Finding {
        Finding(SAMRules.partlyExpanded, "\(property) of '\(id)' is only partly expanded: \(what)",
                at: keyRange(property), resource: id, resourceType: "AWS::Serverless::Function",
                path: resource.path("Properties", property))
    }

    /// Position of a Lambda property in the translator's output order, for a stable output.
    private static func order(_ key: String) -> Int { outputOrder[key] ?? 100 }

    private static let outputOrder: [String: Int] = Dictionary(
        uniqueKeysWithValues: (passedThrough + ["Code", "Tags", "TracingConfig", "DeadLetterConfig"] + passedThroughAfter).enumerated().map { ($1, $0) })

    private func validate() throws {
        for entry in properties.entries where !Self.properties.contains(entry.key) {
            throw SAMError("property \(entry.key) not defined for resource of type AWS::Serverless::Function", at: entry.keyRange)
        }
        let exclusive = [("CapacityProviderConfig", "ProvisionedConcurrencyConfig"), ("CapacityProviderConfig", "VpcConfig")]
        for (a, b) in exclusive where self[a] != nil && self[b] != nil {
            throw error("Cannot specify '\(a)' and '\(b)' together.", at: b)
        }
        for (property, required) in [("FunctionScalingConfig", "CapacityProviderConfig"), ("VersionDeletionPolicy", "AutoPublishAlias")]
        where self[property] != nil && self[required] == nil {
            throw error("'\(property)' requires '\(required)'.", at: property)
        }
        if let role = self["Role"], document.intrinsic(role) == nil, document.text(role) == nil {
            throw error("Property 'Role' should be a string.", at: "Role")
        }
        for property in ["Layers", "Architectures"] {
            if let value = self[property], document.elements(value) == nil, document.intrinsic(value) == nil {
                throw error("Type of property '\(property)' is invalid.", at: property)
            }
        }
        for property in ["Events", "Tags", "DeadLetterQueue", "SnapStart", "FunctionUrlConfig", "DeploymentPreference", "EventInvokeConfig"] {
            if let value = self[property], document.entries(value) == nil {
                throw error("Type of property '\(property)' is invalid.", at: property)
            }
        }
        if let value = self["AutoPublishAliasAllProperties"], case .bool = document.python(value) {} else if self["AutoPublishAliasAllProperties"] != nil {
            throw error("Type of property 'AutoPublishAliasAllProperties' is invalid.", at: "AutoPublishAliasAllProperties")
        }
        // `PropertyType(False, one_of(IS_STR))`: a string, or an intrinsic function left to CloudFormation.
        if let alias = self["AutoPublishAlias"], document.intrinsic(alias) == nil, document.entries(alias)?.count != 1, document.text(alias) == nil {
            throw error("Type of property 'AutoPublishAlias' is invalid.", at: "AutoPublishAlias")
        }
        if let dlq = self["DeadLetterQueue"] {
            guard let type = expander.value("Type", in: dlq), expander.value("TargetArn", in: dlq) != nil else {
                throw error("'DeadLetterQueue' requires Type and TargetArn properties to be specified.", at: "DeadLetterQueue")
            }
            guard let text = document.string(type) else {
                throw SAMError("Property 'DeadLetterQueue.Type' should be a string.", at: document.range(type))
            }
            guard text == "SQS" || text == "SNS" else {
                throw SAMError("'DeadLetterQueue' requires Type of ['SQS', 'SNS']", at: document.range(type))
            }
        }
        if self["ProvisionedConcurrencyConfig"] != nil, publishedAlias == nil {
            throw error("To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function", at: "ProvisionedConcurrencyConfig")
        }
        if let tags = self["Tags"], document.value("lambda:createdBy", in: tags) != nil {
            throw error("lambda:createdBy is a reserved Tag key name and cannot be set on your resource. Please change the tag key in the input.", at: "Tags")
        }
        if self["TenancyConfig"] != nil {
            for (property, message) in [
                ("ProvisionedConcurrencyConfig", "Provisioned concurrency is not supported for functions enabled with tenancy configuration."),
                ("FunctionUrlConfig", "Function URL is not supported for functions enabled with tenancy configuration."),
                ("SnapStart", "SnapStart is not supported for functions enabled with tenancy configuration."),
            ] where self[property] != nil {
                throw error(message, at: property)
            }
        }
    }

    private func lambdaProperties() throws -> SAMMap {
        var out = SAMMap(at: resource.properties.map { document.range(.node($0)) } ?? idRange)
        for key in Self.passedThrough {
            if let value = self[key] { out.set(key, value, keyRange: keyRange(key)) }
        }
        let (code, codeKey) = try self.code()
        out.set("Code", code, keyRange: codeKey.map(keyRange) ?? idRange)
        out.set("Tags", tagList(), keyRange: self["Tags"] == nil ? idRange : keyRange("Tags"))
        if let tracing = self["Tracing"], document.string(expander.parameters.resolve(tracing, document)) != "Disabled" {
            out.set("TracingConfig", .map([SAMEntry("Mode", tracing, keyRange: keyRange("Tracing"))], at: range("Tracing")),
                    keyRange: keyRange("Tracing"))
        }
        if let dlq = self["DeadLetterQueue"], let target = expander.value("TargetArn", in: dlq) {
            out.set("DeadLetterConfig", .map([SAMEntry("TargetArn", target, keyRange: document.keyRange("TargetArn", in: dlq) ?? idRange)],
                                             at: range("DeadLetterQueue")), keyRange: keyRange("DeadLetterQueue"))
        }
        for key in Self.passedThroughAfter {
            if let value = self[key] { out.set(key, value, keyRange: keyRange(key)) }
        }
        if let config = self["CapacityProviderConfig"] {
            var inner = SAMMap(at: range("CapacityProviderConfig"))
            inner.set("CapacityProviderArn", expander.value("Arn", in: config), keyRange: document.keyRange("Arn", in: config))
            for key in ["PerExecutionEnvironmentMaxConcurrency", "ExecutionEnvironmentMemoryGiBPerVCpu"] {
                inner.set(key, expander.value(key, in: config), keyRange: document.keyRange(key, in: config))
            }
            out.set("CapacityProviderConfig", .map([SAMEntry("LambdaManagedInstancesCapacityProviderConfig", inner.value,
                                                             keyRange: keyRange("CapacityProviderConfig"))], at: range("CapacityProviderConfig")),
                    keyRange: keyRange("CapacityProviderConfig"))
        }
        for key in ["FunctionScalingConfig", "PublishToLatestPublished"] {
            if let value = self[key] { out.set(key, value, keyRange: keyRange(key)) }
        }
        try validatePackageType(out)
        return out
    }

    /// The `Code` of the function and the SAM property it comes from (`_construct_code_dict`).
    private func code() throws -> (SAMValue, String?) {
        let packageType = self["PackageType"].flatMap(document.string) ?? "Zip"
        if self["PackageType"] != nil, packageType != "Zip", packageType != "Image" {
            throw error("invalid 'PackageType' : \(packageType)", at: "PackageType")
        }
        var code: SAMValue
        var key: String
        if packageType == "Image" {
            guard let image = self["ImageUri"] else { throw error("'ImageUri' must be set.") }
            if !document.isTruthy(image) {
                throw error("'ImageUri' requires that a image hosted at a registry be specified.", at: "ImageUri")
            }
            code = .map([SAMEntry("ImageUri", image, keyRange: keyRange("ImageUri"))], at: range("ImageUri"))
            key = "ImageUri"
        } else if let inline = self["InlineCode"] {
            code = .map([SAMEntry("ZipFile", inline, keyRange: keyRange("InlineCode"))], at: range("InlineCode"))
            key = "InlineCode"
        } else if let uri = self["CodeUri"] {
            code = try SAMCodeLocation.s3Object(uri, property: "CodeUri", document, keyRange: keyRange("CodeUri"))
            key = "CodeUri"
        } else {
            throw error("Only one of 'InlineCode' or 'CodeUri' can be set.")
        }
        if let kms = self["SourceKMSKeyArn"], packageType == "Zip", var map = document.map(code) {
            map.set("SourceKMSKeyArn", kms, keyRange: keyRange("SourceKMSKeyArn"))
            code = map.value
        }
        return (code, key)
    }

    private func validatePackageType(_ function: SAMMap) throws {
        let packageType = self["PackageType"].flatMap(document.string) ?? "Zip"
        if packageType == "Zip" {
            if function["Runtime"] == nil || function["Handler"] == nil || !document.isTruthy(function["Runtime"]) || !document.isTruthy(function["Handler"]) {
                throw error("Runtime and Handler needs to be present when PackageType is of type `Zip`")
            }
            if self["ImageConfig"] != nil || (function["Code"].flatMap { document.value("ImageUri", in: $0) } != nil) {
                throw error("ImageUri or ImageConfig cannot be present when PackageType is of type `Zip`", at: "ImageConfig")
            }
        } else if self["Handler"] != nil || self["Runtime"] != nil || self["Layers"] != nil {
            throw error("Runtime, Handler, Layers cannot be present when PackageType is of type `Image`",
                        at: ["Runtime", "Handler", "Layers"].first { self[$0] != nil })
        }
    }

    // MARK: Version and alias

    /// `AutoPublishAlias` where the translator makes a version and alias (`if self.AutoPublishAlias:`,
    /// on the value as written): an empty string is no alias, while a parameter that resolves to one
    /// is the "Alias name is required" error. `VersionDeletionPolicy` only asks that the key be there.
    var publishedAlias: SAMValue? {
        self["AutoPublishAlias"].flatMap { document.isTruthy($0) ? $0 : nil }
    }

    private func aliasName(_ value: SAMValue) throws -> String {
        let resolved = expander.parameters.resolve(value, document)
        guard let name = document.string(resolved), document.intrinsic(resolved) == nil else {
            throw error("'AutoPublishAlias' must be a string or a Ref to a template parameter", at: "AutoPublishAlias")
        }
        guard !name.isEmpty else { throw error("Alias name is required to create an alias", at: "AutoPublishAlias") }
        let valid = name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
            && !name.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard valid else {
            throw error("AutoPublishAlias name ('\(name)') must contain only alphanumeric characters, hyphens, or underscores matching (?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.", at: "AutoPublishAlias")
        }
        return name
    }

    /// The Version, named `<Function>Version<hash>` where the hash is the translator's: SHA-1 of the
    /// code (parameters resolved), environment, memory size and SnapStart, or of every property with
    /// `AutoPublishAliasAllProperties`, or the given `AutoPublishCodeSha256`.
    private func version(_ function: inout SAMResource, codeSha256: String?) throws -> SAMResource {
        // The translator resolves parameters in the function's own Code while hashing it.
        if let code = function.properties["Code"] {
            function.properties.set("Code", expander.parameters.resolve(code, document))
        }
        let hash: String
        if let codeSha256 {
            hash = String(codeSha256.prefix(10))
        } else {
            var data: [(String, PythonValue)] = []
            if document.isTruthy(self["AutoPublishAliasAllProperties"]) {
                data = function.properties.entries.map { ($0.key, document.python($0.value)) }
                data += publishingLayers()
            } else {
                if let code = function.properties["Code"], case .dict(let entries) = document.python(code) { data = entries }
                if let environment = function.properties["Environment"], case .dict(let entries) = document.python(environment) {
                    data += entries
                }
                if let memory = function.properties["MemorySize"], document.isTruthy(memory) {
                    data.append(("MemorySize", document.python(memory)))
                }
                if let snapStart = function.properties["SnapStart"], case .dict(let entries) = document.python(snapStart),
                   (entries.last { $0.0 == "ApplyOn" }?.1 ?? .string("None")) != .string("None") {
                    data.append(("SnapStart", document.python(snapStart)))
                }
            }
            hash = data.isEmpty ? "" : String(SHA1.hexDigest(PythonValue.dict(data).compactSortedJSON).prefix(10))
        }
        var version = SAMResource("\(id)Version\(hash)", "AWS::Lambda::Version", at: idRange)
        version.attributes = passThroughAttributes()
        if version.attributes["DeletionPolicy"] == nil {
            if let policy = self["VersionDeletionPolicy"] {
                version.attributes.set("DeletionPolicy", policy, keyRange: keyRange("VersionDeletionPolicy"))
            } else {
                let policy = self["CapacityProviderConfig"] == nil ? "Retain" : "Delete"
                version.attributes.set("DeletionPolicy", .string(policy, at: keyRange("AutoPublishAlias")), keyRange: keyRange("AutoPublishAlias"))
            }
        }
        version.properties.set("FunctionName", .ref(id, at: idRange), keyRange: idRange)
        version.properties.set("Description", self["VersionDescription"], keyRange: keyRange("VersionDescription"))
        if self["CapacityProviderConfig"] != nil, let scaling = self["FunctionScalingConfig"] {
            version.properties.set("FunctionScalingConfig", scaling, keyRange: keyRange("FunctionScalingConfig"))
        }
        expander.derived["\(id).Version"] = version.logicalId
        return version
    }

    /// The properties of each layer of the template the function names (`Ref` or `Fn::GetAtt`) that
    /// sets `PublishLambdaVersion`, under the layer's logical ID: with `AutoPublishAliasAllProperties`,
    /// a change to such a layer publishes a new version (the translator reads the layer as written,
    /// `Globals` merged, before it is expanded).
    private func publishingLayers() -> [(String, PythonValue)] {
        guard let layers = self["Layers"].flatMap(document.elements) else { return [] }
        var result: [(String, PythonValue)] = []
        for layer in layers {
            guard let name = Self.referencedLogicalId(layer, document), let resource = expander.template.resource(named: name) else { continue }
            let properties = resource.type == "AWS::Serverless::LayerVersion"
                ? (try? expander.properties(of: resource, globals: "LayerVersion"))
                : resource.properties.flatMap { document.map(.node($0)) }
            guard let properties, document.isTruthy(properties["PublishLambdaVersion"]) else { continue }
            result.append((name, document.python(properties.value)))
        }
        return result
    }

    /// The logical ID a `Ref` or `Fn::GetAtt` names (`get_logical_id_from_intrinsic`).
    static func referencedLogicalId(_ value: SAMValue, _ document: SAMDocument) -> String? {
        guard let (function, argument) = document.intrinsic(value) else { return nil }
        switch function {
        case .ref: return document.string(argument)
        case .getAtt:
            if let parts = document.elements(argument) { return parts.count == 2 ? document.string(parts[0]) : nil }
            let parts = document.string(argument)?.split(separator: ".", omittingEmptySubsequences: false) ?? []
            return parts.count == 2 ? String(parts[0]) : nil
        default: return nil
        }
    }

    private func alias(_ name: String, version: SAMResource) throws -> SAMResource {
        let suffix = name.replacingOccurrences(of: "-", with: "D").replacingOccurrences(of: "_", with: "U")
        let at = keyRange("AutoPublishAlias")
        var alias = SAMResource("\(id)Alias\(suffix)", "AWS::Lambda::Alias", at: idRange)
        alias.attributes = passThroughAttributes()
        alias.properties.set("Name", .string(name, at: range("AutoPublishAlias")), keyRange: at)
        alias.properties.set("FunctionName", .ref(id, at: idRange), keyRange: idRange)
        alias.properties.set("FunctionVersion", .getAtt(version.logicalId, "Version", at: at), keyRange: at)
        alias.properties.set("ProvisionedConcurrencyConfig", self["ProvisionedConcurrencyConfig"], keyRange: keyRange("ProvisionedConcurrencyConfig"))
        expander.derived["\(id).Alias"] = alias.logicalId
        return alias
    }

    // MARK: Function URL

    private func functionURL(_ config: SAMValue, alias: SAMResource?) throws -> [SAMResource] {
        let at = keyRange("FunctionUrlConfig")
        let authType = expander.value("AuthType", in: config)
        let isIntrinsic = document.intrinsic(config) != nil
        if !isIntrinsic, !(authType.map { document.intrinsic($0) != nil } ?? false) {
            let text = authType.flatMap(document.string)
            guard text == "AWS_IAM" || text == "NONE" else {
                throw error("AuthType is required to configure function property `FunctionUrlConfig`. Please provide either AWS_IAM or NONE.")
            }
        }
        if let cors = expander.value("Cors", in: config), document.intrinsic(cors) == nil {
            guard let entries = document.entries(cors) else {
                throw SAMError("Property 'FunctionUrlConfig.Cors' should be a map.", at: document.range(cors))
            }
            let kinds: [String: String] = ["AllowOrigins": "list", "AllowMethods": "list", "AllowCredentials": "bool",
                                           "AllowHeaders": "list", "ExposeHeaders": "list", "MaxAge": "int"]
            for entry in entries {
                guard let kind = kinds[entry.key] else {
                    throw SAMError("\(entry.key) is not a valid property for configuring Cors.", at: entry.keyRange)
                }
                if document.intrinsic(entry.value) != nil { continue }
                let python = document.python(entry.value)
                let matches = switch (kind, python) {
                case ("list", .list), ("bool", .bool), ("int", .int), ("int", .bool): true
                default: false
                }
                if !matches { throw SAMError("\(entry.key) must be of type \(kind).", at: entry.keyRange) }
            }
        }
        let target: SAMValue = alias.map { .ref($0.logicalId, at: at) } ?? .ref(id, at: at)
        var url = SAMResource("\(id)Url", "AWS::Lambda::Url", at: idRange)
        url.attributes = passThroughAttributes()
        if let cors = expander.value("Cors", in: config), document.isTruthy(cors) {
            url.properties.set("Cors", cors, keyRange: document.keyRange("Cors", in: config))
        }
        url.properties.set("AuthType", authType, keyRange: document.keyRange("AuthType", in: config))
        url.properties.set("TargetFunctionArn", target, keyRange: at)
        url.properties.set("InvokeMode", expander.value("InvokeMode", in: config), keyRange: document.keyRange("InvokeMode", in: config))
        var resources = [url]
        if !isIntrinsic, authType.flatMap(document.string) == "NONE" {
            var permission = SAMResource("\(id)UrlPublicPermissions", "AWS::Lambda::Permission", at: idRange)
            permission.attributes = passThroughAttributes()
            permission.properties.set("Action", .string("lambda:InvokeFunctionUrl", at: at), keyRange: at)
            permission.properties.set("FunctionName", target, keyRange: at)
            permission.properties.set("Principal", .string("*", at: at), keyRange: at)
            permission.properties.set("FunctionUrlAuthType", authType, keyRange: at)
            var invoke = SAMResource("\(id)URLInvokeAllowPublicAccess", "AWS::Lambda::Permission", at: idRange)
            invoke.attributes = passThroughAttributes()
            invoke.properties.set("Action", .string("lambda:InvokeFunction", at: at), keyRange: at)
            invoke.properties.set("Principal", .string("*", at: at), keyRange: at)
            invoke.properties.set("FunctionName", target, keyRange: at)
            invoke.properties.set("InvokedViaFunctionUrl", .bool(true, at: at), keyRange: at)
            resources += [permission, invoke]
        }
        return resources
    }
}

extension Resource {
    /// The node of an attribute written by name (`DependsOn`, `Condition`, …), or nil.
    func node(_ attribute: String) -> NodeID? {
        Attribute(utf8: attribute.utf8).flatMap { self[$0] }
    }
}
