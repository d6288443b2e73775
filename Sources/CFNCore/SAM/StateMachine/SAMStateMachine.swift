import CFNLoader

/// `AWS::Serverless::StateMachine` → `AWS::StepFunctions::StateMachine` under its own logical ID,
/// its execution role `<StateMachine>Role`, the version and alias `AutoPublishAlias` makes, and what
/// its events make (`SamStateMachine` in samtranslator/model/sam_resources.py, `StateMachineGenerator`
/// in samtranslator/model/stepfunctions/generators.py).
struct SAMStateMachine: SAMMacroResource {
    static let type = "AWS::Serverless::StateMachine"
    static let createdByTag = "stateMachine:createdBy"

    /// The translator's `property_types`, in its order.
    static let propertyTypes = SAMPropertyTypes(type: type, properties: [
        ("Definition", .map), ("DefinitionUri", .stringOrMap), ("Logging", .map), ("Role", .string), ("RolePath", .any),
        ("DefinitionSubstitutions", .map), ("Events", .mapOfMaps), ("Name", .string), ("Type", .string), ("Tags", .map),
        ("PropagateTags", .bool), ("Policies", .stringOrListOfStringsOrMaps), ("Tracing", .map), ("PermissionsBoundary", .string),
        ("AutoPublishAlias", .any), ("DeploymentPreference", .any), ("UseAliasAsEventTarget", .bool),
    ], withoutIntrinsics: ["UseAliasAsEventTarget"])

    let expander: SAMExpander
    let resource: Resource
    let id: String
    let idRange: SourceRange
    let document: SAMDocument
    /// The properties with `Globals.StateMachine` merged in; YAML nulls dropped.
    let properties: SAMMap

    init(_ expander: SAMExpander, _ resource: Resource) throws {
        self.expander = expander
        self.resource = resource
        document = expander.document
        id = resource.logicalId
        idRange = resource.idRange
        properties = try expander.properties(of: resource, globals: "StateMachine")
    }

    func error(_ message: String, at key: String? = nil) -> SAMError {
        SAMError(message, at: key.map(keyRange) ?? idRange)
    }

    func expand() throws -> [SAMResource] {
        try Self.propertyTypes.validate(properties, document, idRange: idRange)
        var machine = SAMResource(id, "AWS::StepFunctions::StateMachine", at: idRange)
        for attribute in ["DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata", "DependsOn"] {
            if let node = resource.node(attribute) { machine.attributes.set(attribute, .node(node), keyRange: attributeKeyRange(attribute)) }
        }
        var resources: [SAMResource] = []
        let substitutions = self["DefinitionSubstitutions"].flatMap { document.isTruthy($0) ? $0 : nil }
        machine.properties.set("DefinitionSubstitutions", substitutions, keyRange: keyRange("DefinitionSubstitutions"))
        let definition = self["Definition"].flatMap { document.isTruthy($0) ? $0 : nil }
        let definitionUri = self["DefinitionUri"].flatMap { document.isTruthy($0) ? $0 : nil }
        if definition != nil, definitionUri != nil {
            throw error("Specify either 'Definition' or 'DefinitionUri' property and not both.", at: "DefinitionUri")
        }
        if let definition {
            var writer = SAMStateMachineDefinition(document)
            machine.properties.set("DefinitionString", writer.definitionString(definition), keyRange: keyRange("Definition"))
            if !writer.substitutions.isEmpty {
                var all = substitutions.flatMap(document.map) ?? SAMMap(at: keyRange("Definition"))
                for entry in writer.substitutions { all.set(entry.key, entry.value, keyRange: entry.keyRange) }
                machine.properties.set("DefinitionSubstitutions", all.value, keyRange: keyRange("DefinitionSubstitutions"))
            }
        } else if let definitionUri {
            machine.properties.set("DefinitionS3Location", try definitionLocation(definitionUri), keyRange: keyRange("DefinitionUri"))
        } else {
            throw error("Either 'Definition' or 'DefinitionUri' property must be specified.")
        }

        let role = self["Role"].flatMap { document.isTruthy($0) ? $0 : nil }
        if role != nil, document.isTruthy(self["Policies"]) {
            throw error("Specify either 'Role' or 'Policies' (but not both at the same time) or neither of them", at: "Policies")
        }
        if let role {
            machine.properties.set("RoleArn", role, keyRange: keyRange("Role"))
        } else {
            let made = try executionRole()
            machine.properties.set("RoleArn", .getAtt(made.logicalId, "Arn", at: idRange), keyRange: idRange)
            resources.append(made)
        }
        machine.properties.set("StateMachineName", self["Name"], keyRange: keyRange("Name"))
        machine.properties.set("StateMachineType", self["Type"], keyRange: keyRange("Type"))
        machine.properties.set("LoggingConfiguration", self["Logging"], keyRange: keyRange("Logging"))
        machine.properties.set("TracingConfiguration", self["Tracing"], keyRange: keyRange("Tracing"))
        machine.properties.set("Tags", tagList(), keyRange: self["Tags"] == nil ? idRange : keyRange("Tags"))
        // The translator lists the role after the state machine.
        resources.insert(machine, at: 0)

        let alias = try versionAndAlias()
        resources += alias
        let target: SAMValue = document.isTruthy(self["UseAliasAsEventTarget"]) && !alias.isEmpty
            ? .ref(alias[1].logicalId, at: idRange) : .ref(id, at: idRange)
        resources += try SAMStateMachineEvents(self, target: target).make()

        if document.isTruthy(self["PropagateTags"]), let tags = self["Tags"], document.isTruthy(tags) {
            // `assign_tags` replaces the tags of each made resource that takes them, SAM's own included.
            for index in resources.indices where Self.taggedTypes.contains(resources[index].type) {
                resources[index].properties.set("Tags", tagList(withSAMTag: false), keyRange: keyRange("Tags"))
            }
        }
        return resources
    }

    /// The made types with `Tags` among their `property_types`.
    static let taggedTypes: Set<String> = ["AWS::StepFunctions::StateMachine", "AWS::IAM::Role", "AWS::SQS::Queue"]

    /// `DefinitionUri` → `{Bucket, Key[, Version]}` (`_construct_definition_uri`); a local path, which
    /// `sam package` uploads, as the S3 location `SAMCodeLocation` writes for one.
    private func definitionLocation(_ uri: SAMValue) throws -> SAMValue {
        let at = keyRange("DefinitionUri")
        let code = try SAMCodeLocation.s3Object(uri, property: "DefinitionUri", document, keyRange: at)
        let names = ["S3Bucket": "Bucket", "S3Key": "Key", "S3ObjectVersion": "Version"]
        let entries = (document.entries(code) ?? []).compactMap { entry in names[entry.key].map { SAMEntry($0, entry.value, keyRange: entry.keyRange) } }
        return .map(entries, at: document.range(uri))
    }

    /// `<StateMachine>Role`, assumed by Step Functions (`_construct_role`): `Policies`, then the X-Ray
    /// policy when `Tracing.Enabled` is true.
    private func executionRole() throws -> SAMResource {
        var role = SAMResource("\(id)Role", "AWS::IAM::Role", at: idRange)
        role.attributes = passThroughAttributes()
        role.properties.set("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy("states.amazonaws.com", at: idRange), keyRange: idRange)
        var managed = ManagedPolicies()
        var documents: [SAMValue] = []
        try SAMRolePolicies(expander: expander, roleId: role.logicalId, given: self["Policies"]).add(to: &managed, &documents)
        if let enabled = self["Tracing"].flatMap({ expander.value("Enabled", in: $0) }), document.python(enabled) == .bool(true) {
            let name = expander.partition == "aws" ? "AWSXrayWriteOnlyAccess" : "AWSXRayDaemonWriteAccess"
            let arn = expander.data.managedPolicyArn(named: name, partition: expander.partition) ?? name
            managed.add(.string(arn, at: keyRange("Tracing")), document)
        }
        role.properties.set("ManagedPolicyArns", .list(managed.values, at: keyRange("Policies")), keyRange: keyRange("Policies"))
        if !documents.isEmpty {
            role.properties.set("Policies", .list(documents, at: keyRange("Policies")), keyRange: keyRange("Policies"))
        }
        role.properties.set("Path", self["RolePath"], keyRange: keyRange("RolePath"))
        role.properties.set("PermissionsBoundary", self["PermissionsBoundary"], keyRange: keyRange("PermissionsBoundary"))
        role.properties.set("Tags", tagList(), keyRange: self["Tags"] == nil ? idRange : keyRange("Tags"))
        return role
    }

    /// `AutoPublishAlias`: the `<StateMachine>Version` (retained: gradual deployments shift from it)
    /// and the `<StateMachine>Alias<name>` deploying it (`_construct_version`, `_construct_alias`).
    private func versionAndAlias() throws -> [SAMResource] {
        // A parameter's value, as `AWS::LanguageExtensions` or the function's alias resolves it.
        let name = self["AutoPublishAlias"].map { expander.parameters.resolve($0, document) }.flatMap { document.isTruthy($0) ? $0 : nil }
        let preference = self["DeploymentPreference"].flatMap { document.isTruthy($0) ? $0 : nil }
        if name == nil, document.isTruthy(self["UseAliasAsEventTarget"]) {
            throw error("'UseAliasAsEventTarget' requires 'AutoPublishAlias' property to be specified.", at: "UseAliasAsEventTarget")
        }
        guard let name else {
            if preference != nil { throw error("'DeploymentPreference' requires 'AutoPublishAlias' property to be specified.", at: "DeploymentPreference") }
            return []
        }
        let at = keyRange("AutoPublishAlias")
        var version = SAMResource("\(id)Version", "AWS::StepFunctions::StateMachineVersion", at: idRange)
        version.attributes = passThroughAttributes()
        for policy in ["DeletionPolicy", "UpdateReplacePolicy"] where version.attributes[policy] == nil {
            version.attributes.set(policy, .string("Retain", at: at), keyRange: at)
        }
        version.properties.set("StateMachineArn", .ref(id, at: idRange), keyRange: idRange)
        version.properties.set("StateMachineRevisionId", .getAtt(id, "StateMachineRevisionId", at: idRange), keyRange: idRange)

        guard let text = document.string(name) ?? document.python(name).scalarText else {
            throw error("Type of property 'AutoPublishAlias' is invalid.", at: "AutoPublishAlias")
        }
        var alias = SAMResource("\(id)Alias\(text)", "AWS::StepFunctions::StateMachineAlias", at: idRange)
        alias.attributes = passThroughAttributes()
        alias.properties.set("Name", name, keyRange: at)
        var deployment = preference.flatMap(document.map) ?? SAMMap(at: at)
        if preference == nil { deployment.set("Type", .string("ALL_AT_ONCE", at: at), keyRange: at) }
        deployment.set("StateMachineVersionArn", .ref(version.logicalId, at: at), keyRange: at)
        alias.properties.set("DeploymentPreference", deployment.value, keyRange: preference == nil ? at : keyRange("DeploymentPreference"))
        return [version, alias]
    }
}

private extension PythonValue {
    /// A scalar's text as `str()` writes it into a logical ID.
    var scalarText: String? {
        switch self {
        case .int(let text): text
        case .bool(let value): value ? "True" : "False"
        default: nil
        }
    }
}
