import CFNLoader

/// A function's `DeploymentPreference` as the translator reads it
/// (samtranslator/model/preferences/deployment_preference.py): what the shared CodeDeploy
/// resources need to know of it once every function is expanded.
struct SAMDeploymentPreference {
    let function: String
    let enabled: Bool
    /// The function's `Condition`, when `PassthroughCondition` carries it to the CodeDeploy resources.
    let condition: String?
    /// The service role given (`Role`); none means CodeDeploy's role is made.
    let role: SAMValue?
    /// The function's tags, when `PropagateTags` carries them to the CodeDeploy resources.
    let tags: [SAMEntry]
    /// Where findings about the CodeDeploy resources point: the `DeploymentPreference` key.
    let range: SourceRange

    static let applicationId = "ServerlessDeploymentApplication"
    static let serviceRoleId = "CodeDeployServiceRole"
    static let conditionName = "ServerlessCodeDeployCondition"
    /// CodeDeploy's predefined Lambda configurations, written as `CodeDeployDefault.Lambda<Name>`
    /// (`CODEDEPLOY_PREDEFINED_CONFIGURATIONS_LIST`).
    static let predefinedConfigurations: Set<String> = [
        "Canary10Percent5Minutes", "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes",
        "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes",
        "Linear10PercentEvery10Minutes", "AllAtOnce",
    ]
}

extension SAMFunction {
    /// Reads `DeploymentPreference`; when enabled, sets the alias's `UpdatePolicy` and returns the
    /// function's deployment group (`_validate_deployment_preference_and_add_update_policy`).
    func deploymentGroup(_ preference: SAMValue, alias: inout SAMResource?) throws -> SAMResource? {
        let at = keyRange("DeploymentPreference")
        let resolve = { (value: SAMValue) in expander.mappingValue(expander.parameters.resolve(value, document)) }
        let enabled = expander.value("Enabled", in: preference).map(resolve)
        // PassthroughCondition is resolved, and checked, before `Enabled` is looked at.
        let passthrough = try expander.value("PassthroughCondition", in: preference).map { try passthroughCondition(resolve($0)) } ?? false
        if let enabled, !document.isTruthy(enabled) || [.string("false"), .string("False")].contains(document.python(enabled)) {
            expander.deploymentPreferences.append(SAMDeploymentPreference(function: id, enabled: false, condition: nil, role: nil, tags: [], range: at))
            return nil
        }
        guard let type = expander.value("Type", in: preference).map(resolve) else {
            throw error("'DeploymentPreference' is missing required Property 'Type'", at: "DeploymentPreference")
        }
        let hooks = expander.value("Hooks", in: preference)
        if let hooks, document.entries(hooks) == nil, document.intrinsic(hooks) == nil {
            throw error("'Hooks' property of 'DeploymentPreference' must be a dictionary", at: "DeploymentPreference")
        }
        let condition = passthrough ? resource.node("Condition").flatMap { document.string(.node($0)) } : nil
        let role = expander.value("Role", in: preference).flatMap { document.isNull($0) ? nil : $0 }
        let tags = document.isTruthy(self["PropagateTags"]) ? self["Tags"].flatMap(document.entries) ?? [] : []
        expander.deploymentPreferences.append(SAMDeploymentPreference(function: id, enabled: true, condition: condition,
                                                                      role: document.isTruthy(role) ? role : nil, tags: tags, range: at))
        guard alias != nil else {
            throw error("'DeploymentPreference' requires AutoPublishAlias property to be specified.", at: "DeploymentPreference")
        }

        let groupId = id + "DeploymentGroup"
        var group = SAMResource(groupId, "AWS::CodeDeploy::DeploymentGroup", at: at)
        let props = { (key: String) in self.expander.value(key, in: preference).flatMap { self.document.isNull($0) ? nil : $0 } }
        let propRange = { (key: String) in self.document.keyRange(key, in: preference) ?? at }
        group.properties.set("AlarmConfiguration", try alarmConfiguration(props("Alarms")), keyRange: propRange("Alarms"))
        group.properties.set("ApplicationName", .ref(SAMDeploymentPreference.applicationId, at: at), keyRange: at)
        group.properties.set("AutoRollbackConfiguration", .map([
            SAMEntry("Enabled", .bool(true, at: at), keyRange: at),
            SAMEntry("Events", .list(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"].map { .string($0, at: at) }, at: at), keyRange: at),
        ], at: at), keyRange: at)
        group.properties.set("DeploymentConfigName", deploymentConfigName(type, inSub: false), keyRange: propRange("Type"))
        group.properties.set("DeploymentStyle", .map([
            SAMEntry("DeploymentType", .string("BLUE_GREEN", at: at), keyRange: at),
            SAMEntry("DeploymentOption", .string("WITH_TRAFFIC_CONTROL", at: at), keyRange: at),
        ], at: at), keyRange: at)
        group.properties.set("ServiceRoleArn", document.isTruthy(role) ? role : .getAtt(SAMDeploymentPreference.serviceRoleId, "Arn", at: at),
                             keyRange: propRange("Role"))
        if let triggers = props("TriggerConfigurations"), document.isTruthy(triggers) {
            group.properties.set("TriggerConfigurations", triggers, keyRange: propRange("TriggerConfigurations"))
        }
        if !tags.isEmpty {
            group.properties.set("Tags", SAMDeploymentPreference.tagList(tags, at: keyRange("Tags")), keyRange: keyRange("Tags"))
        }
        if let condition { group.attributes.set("Condition", .string(condition, at: attributeKeyRange("Condition")), keyRange: at) }

        var update = SAMMap(at: at)
        update.set("ApplicationName", .ref(SAMDeploymentPreference.applicationId, at: at), keyRange: at)
        update.set("DeploymentGroupName", .ref(groupId, at: at), keyRange: at)
        for (key, hook) in [("BeforeAllowTrafficHook", "PreTraffic"), ("AfterAllowTrafficHook", "PostTraffic")] {
            if let hooks, let value = expander.value(hook, in: hooks), !document.isNull(value) {
                update.set(key, value, keyRange: document.keyRange(hook, in: hooks) ?? at)
            }
        }
        alias?.attributes.set("UpdatePolicy", .map([SAMEntry("CodeDeployLambdaAliasUpdate", update.value, keyRange: at)], at: at), keyRange: at)
        return group
    }

    /// `PassthroughCondition` resolved to a boolean, or the translator's error (`_resolve_property_to_boolean`).
    private func passthroughCondition(_ value: SAMValue) throws -> Bool {
        switch document.python(value) {
        case .bool(true), .string("true"), .string("True"), .int("1"): return true
        case .bool(false), .string("false"), .string("False"), .int("0"): return false
        default:
            if document.intrinsic(value) != nil {
                throw error("Unsupported intrinsic: the only intrinsic functions supported for property PassthroughCondition are FindInMap and parameter Refs.",
                            at: "DeploymentPreference")
            }
            throw error("Invalid value for property PassthroughCondition.", at: "DeploymentPreference")
        }
    }

    /// `Alarms` as the group's `AlarmConfiguration`; each branch of an `Fn::If` too (`_convert_alarms`).
    private func alarmConfiguration(_ alarms: SAMValue?) throws -> SAMValue? {
        guard let alarms, document.isTruthy(alarms), !document.isNoValue(alarms) else { return nil }
        if let (function, argument) = document.intrinsic(alarms), function == .if {
            guard let parts = document.elements(argument), parts.count == 3 else {
                throw error("Fn::If requires 3 arguments", at: "DeploymentPreference")
            }
            return .intrinsic(.if, .list([parts[0], try alarmList(parts[1]), try alarmList(parts[2])], at: document.range(argument)),
                              at: document.range(alarms))
        }
        return try alarmList(alarms)
    }

    private func alarmList(_ alarms: SAMValue) throws -> SAMValue {
        let at = document.range(alarms)
        guard let elements = document.elements(alarms) else { throw error("Alarms must be a list", at: "DeploymentPreference") }
        guard let first = elements.first, !document.isNoValue(first) else { return .map([], at: at) }
        return .map([
            SAMEntry("Enabled", .bool(true, at: at), keyRange: at),
            SAMEntry("Alarms", .list(elements.map { .map([SAMEntry("Name", $0, keyRange: document.range($0))], at: document.range($0)) }, at: at), keyRange: at),
        ], at: at)
    }

    /// `Type` with each predefined configuration name as `CodeDeployDefault.Lambda<Name>`, through
    /// lists and intrinsics (`_replace_deployment_types`); inside an `Fn::Sub` the Sub's own arguments.
    private func deploymentConfigName(_ value: SAMValue, inSub: Bool) -> SAMValue {
        let at = document.range(value)
        if let elements = document.elements(value) {
            return .list(elements.map { deploymentConfigName($0, inSub: false) }, at: at)
        }
        if let (function, argument) = document.intrinsic(value) {
            return .intrinsic(function, deploymentConfigName(argument, inSub: function == .sub), at: at)
        }
        guard let name = document.text(value), SAMDeploymentPreference.predefinedConfigurations.contains(name) else { return value }
        let arguments = SAMValue.list([.string("CodeDeployDefault.Lambda${ConfigName}", at: at),
                                       .map([SAMEntry("ConfigName", .string(name, at: at), keyRange: at)], at: at)], at: at)
        return inSub ? arguments : .intrinsic(.sub, arguments, at: at)
    }
}

extension SAMDeploymentPreference {
    /// `[{Key, Value}]` of tags, a null value as the empty string.
    static func tagList(_ tags: [SAMEntry], at range: SourceRange) -> SAMValue {
        .list(tags.map { entry in
            .map([SAMEntry("Key", .string(entry.key, at: entry.keyRange), keyRange: entry.keyRange),
                  SAMEntry("Value", entry.value, keyRange: entry.keyRange)], at: entry.keyRange)
        }, at: range)
    }
}

extension SAMExpander {
    /// After every function: the CodeDeploy application and, unless every enabled preference gives
    /// its `Role`, CodeDeploy's service role, made with the first function that deploys through
    /// them; conditional when every enabled preference passes its function's condition through
    /// (`DeploymentPreferenceCollection`, translator.py).
    func addCodeDeployResources() {
        let enabled = deploymentPreferences.filter(\.enabled)
        guard let first = enabled.first, expansions[first.function] != nil else { return }
        let at = first.range
        var condition: String?
        if enabled.allSatisfy({ $0.condition != nil }) {
            let names = Set(deploymentPreferences.compactMap(\.condition)).sorted()
            condition = names.count == 1 ? names[0] : SAMDeploymentPreference.conditionName
            if names.count > 1 { addCombinedCondition(names, at: at) }
        }
        // Tags of every function that propagates them, a key set again keeping its first place.
        var tags = SAMMap(at: at)
        for preference in enabled { for tag in preference.tags { tags.set(tag.key, tag.value, keyRange: tag.keyRange) } }

        var application = SAMResource(SAMDeploymentPreference.applicationId, "AWS::CodeDeploy::Application", at: at)
        application.properties.set("ComputePlatform", .string("Lambda", at: at), keyRange: at)
        if !tags.entries.isEmpty { application.properties.set("Tags", SAMDeploymentPreference.tagList(tags.entries, at: at), keyRange: at) }
        if let condition { application.attributes.set("Condition", .string(condition, at: at), keyRange: at) }
        var made = [application]
        if !enabled.allSatisfy({ $0.role != nil }) {
            var role = SAMResource(SAMDeploymentPreference.serviceRoleId, "AWS::IAM::Role", at: at)
            let service = SAMValue.map([SAMEntry("Service", .list([.string("codedeploy.amazonaws.com", at: at)], at: at), keyRange: at)], at: at)
            let statement = SAMValue.map([
                SAMEntry("Action", .list([.string("sts:AssumeRole", at: at)], at: at), keyRange: at),
                SAMEntry("Effect", .string("Allow", at: at), keyRange: at),
                SAMEntry("Principal", service, keyRange: at),
            ], at: at)
            role.properties.set("AssumeRolePolicyDocument", .map([
                SAMEntry("Version", .string("2012-10-17", at: at), keyRange: at),
                SAMEntry("Statement", .list([statement], at: at), keyRange: at),
            ], at: at), keyRange: at)
            // The isolated partitions keep the older, narrower policy (get_codedeploy_iam_role).
            let policy = ["aws-iso", "aws-iso-b"].contains(partition) ? "AWSCodeDeployRoleForLambdaLimited" : "AWSCodeDeployRoleForLambda"
            role.properties.set("ManagedPolicyArns", .list([.string(managedPolicyArn("service-role/" + policy), at: at)], at: at), keyRange: at)
            if let condition { role.attributes.set("Condition", .string(condition, at: at), keyRange: at) }
            if !tags.entries.isEmpty { role.properties.set("Tags", SAMDeploymentPreference.tagList(tags.entries, at: at), keyRange: at) }
            made.append(role)
        }
        expansions[first.function, default: []] += made
    }

    /// `ServerlessCodeDeployCondition` as `Fn::Or` of the conditions, ten at most in each, chained
    /// through numbered conditions when there are more (`make_combined_condition`).
    private func addCombinedCondition(_ names: [String], at range: SourceRange) {
        var pending = names
        let maximum = 10
        var remaining = 1 + (names.count - 2) / (maximum - 1) - 1
        while pending.count > 1 {
            var name = SAMDeploymentPreference.conditionName
            if remaining > 0 {
                name += "\(remaining)"
                remaining -= 1
            }
            let or = SAMValue.intrinsic(.or, .list(pending.prefix(maximum).map {
                .intrinsic(.condition, .string($0, at: range), at: range)
            }, at: range), at: range)
            pending = Array(pending.dropFirst(maximum)) + [name]
            if !conditions.contains(where: { $0.key == name }) { conditions.append(SAMEntry(name, or, keyRange: range)) }
        }
    }

    /// `Fn::FindInMap` of three text arguments found in the template's `Mappings`, as its value;
    /// anything else as it is (the translator's `FindInMapAction`, after parameters are resolved).
    func mappingValue(_ value: SAMValue) -> SAMValue {
        guard let (function, argument) = document.intrinsic(value), function == .findInMap,
              let keys = document.elements(argument), keys.count == 3 else { return value }
        let names = keys.map { mappingValue($0) }.compactMap(document.text)
        let tree = template.tree
        guard names.count == 3, var node = template.section(.mappings) else { return value }
        for name in names {
            guard tree.kind(node) == .mapping, let next = tree.value(forKey: name, in: node) else { return value }
            node = next
        }
        return .node(node)
    }
}
