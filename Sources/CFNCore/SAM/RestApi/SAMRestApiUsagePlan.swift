import CFNLoader

/// A REST API's `Auth.UsagePlan` as the translator makes it (model/api/api_generator.py
/// `_construct_usage_plan`, `_construct_api_key`, `_construct_usage_plan_key`, `SharedApiUsagePlan`):
/// `PER_API` makes `<Api>UsagePlan`, `<Api>ApiKey` and `<Api>UsagePlanKey`; `SHARED` makes one
/// `ServerlessUsagePlan`, `ServerlessApiKey` and `ServerlessUsagePlanKey` for every API that shares
/// it, with their stages, combined attributes and `SharedUsagePlanCondition`; `NONE` makes nothing.
struct SAMRestApiUsagePlan {
    let shared: Bool
    /// `Auth.UsagePlan`, with parameters resolved.
    let plan: SAMValue
    let api: String
    let stage: String
    /// The API's `Condition`, `DeletionPolicy` and `UpdateReplacePolicy` (`passthrough_resource_attributes`).
    let attributes: SAMMap
    let range: SourceRange

    static let sharedCondition = "SharedUsagePlanCondition"

    /// The usage plan an API's resolved `Auth` asks for; nil for none or `NONE`.
    init?(auth: SAMValue?, api: String, stage: String, attributes: SAMMap, range: SourceRange, _ document: SAMDocument) {
        guard let auth, let plan = document.value("UsagePlan", in: auth), document.entries(plan) != nil,
              let create = document.value("CreateUsagePlan", in: plan).flatMap(document.text), create == "SHARED" || create == "PER_API"
        else { return nil }
        shared = create == "SHARED"
        self.plan = plan
        self.api = api
        self.stage = stage
        self.attributes = attributes
        self.range = range
    }

    private func ref(_ name: String) -> SAMValue { .ref(name, at: range) }

    private func pair(_ first: String, _ api: String, _ second: String, _ stage: String) -> SAMValue {
        .map([SAMEntry(first, ref(api), keyRange: range), SAMEntry(second, ref(stage), keyRange: range)], at: range)
    }

    /// `ApiStages` and `StageKeys` entries of this API.
    var apiStage: SAMValue { pair("ApiId", api, "Stage", stage) }
    var stageKey: SAMValue { pair("RestApiId", api, "StageName", stage) }

    /// The three resources, under the given logical IDs, with the given attributes and lists.
    private func resources(planId: String, keyId: String, linkId: String, attributes: SAMMap, dependsOn: [String],
                           apiStages: [SAMValue], stageKeys: [SAMValue], _ document: SAMDocument) -> [SAMResource] {
        let names = { (list: [String]) in SAMValue.list(list.map { .string($0, at: self.range) }, at: self.range) }
        var usagePlan = SAMResource(planId, "AWS::ApiGateway::UsagePlan", at: range)
        usagePlan.attributes = attributes
        usagePlan.attributes.set("DependsOn", names(dependsOn), keyRange: range)
        usagePlan.properties.set("ApiStages", .list(apiStages, at: range), keyRange: range)
        for name in ["UsagePlanName", "Description", "Quota", "Tags", "Throttle"] {
            guard let entry = document.entries(plan)?.last(where: { $0.key == name }), document.isTruthy(entry.value) else { continue }
            usagePlan.properties.set(name, entry.value, keyRange: entry.keyRange)
        }
        var apiKey = SAMResource(keyId, "AWS::ApiGateway::ApiKey", at: range)
        apiKey.attributes = attributes
        apiKey.attributes.set("DependsOn", names([planId]), keyRange: range)
        apiKey.properties.set("Enabled", .bool(true, at: range), keyRange: range)
        apiKey.properties.set("StageKeys", .list(stageKeys, at: range), keyRange: range)
        var link = SAMResource(linkId, "AWS::ApiGateway::UsagePlanKey", at: range)
        link.attributes = attributes
        link.attributes.set("DependsOn", names([keyId]), keyRange: range)
        link.properties.set("KeyId", ref(keyId), keyRange: range)
        link.properties.set("KeyType", .string("API_KEY", at: range), keyRange: range)
        link.properties.set("UsagePlanId", ref(planId), keyRange: range)
        return [usagePlan, apiKey, link]
    }

    /// `PER_API`: the API's own plan, key and link, with the API's attributes.
    func perApi(_ document: SAMDocument) -> [SAMResource] {
        resources(planId: api + "UsagePlan", keyId: api + "ApiKey", linkId: api + "UsagePlanKey", attributes: attributes,
                  dependsOn: [api], apiStages: [apiStage], stageKeys: [stageKey], document)
    }

    /// `SHARED`: the resources the last API (in the translator's order) makes, holding every sharing
    /// API's stage; their attributes combined (`get_combined_resource_attributes`: `Retain` wins,
    /// `Condition` only while every API has one) and `SharedUsagePlanCondition` set in `conditions`.
    static func shared(_ plans: [SAMRestApiUsagePlan], _ document: SAMDocument, conditions: inout [SAMEntry]) -> [SAMResource] {
        guard let last = plans.last else { return [] }
        let range = last.range
        var deletion: String?, replace: String?
        var names: [String] = []
        var withoutCondition = false
        var hadCondition = false
        for plan in plans {
            let attribute = { (key: String) in plan.attributes[key].flatMap(document.text) }
            if let policy = attribute("DeletionPolicy"), !policy.isEmpty, deletion == nil || policy == "Retain" { deletion = policy }
            if let policy = attribute("UpdateReplacePolicy"), !policy.isEmpty,
               replace == nil || policy == "Retain" || (policy == "Snapshot" && replace == "Delete") { replace = policy }
            guard !withoutCondition else { continue }
            if let condition = attribute("Condition"), !condition.isEmpty {
                if !names.contains(condition) { names.append(condition); hadCondition = true }
            } else if plan.attributes["Condition"] == nil {
                withoutCondition = true
            }
        }
        var attributes = SAMMap(at: range)
        if let deletion { attributes.set("DeletionPolicy", .string(deletion, at: range), keyRange: range) }
        if let replace { attributes.set("UpdateReplacePolicy", .string(replace, at: range), keyRange: range) }
        if hadCondition {
            conditions.removeAll { $0.key == sharedCondition }
            if !withoutCondition {
                attributes.set("Condition", .string(sharedCondition, at: range), keyRange: range)
                // One condition is written as its name, as the translator writes it; several as an `Fn::Or` (a set: sorted here).
                let value: SAMValue = names.count == 1 ? .string(names[0], at: range)
                    : .intrinsic(.or, .list(names.sorted().map { .intrinsic(.condition, .string($0, at: range), at: range) }, at: range), at: range)
                conditions.append(SAMEntry(sharedCondition, value, keyRange: range))
            }
        }
        var apis: [String] = [], stages: [SAMValue] = [], keys: [SAMValue] = []
        var seen: Set<String> = []
        for plan in plans where seen.insert(plan.api + "\u{0}" + plan.stage).inserted {
            if !apis.contains(plan.api) { apis.append(plan.api) }
            stages.append(plan.apiStage)
            keys.append(plan.stageKey)
        }
        return last.resources(planId: "ServerlessUsagePlan", keyId: "ServerlessApiKey", linkId: "ServerlessUsagePlanKey",
                              attributes: attributes, dependsOn: apis, apiStages: stages, stageKeys: keys, document)
    }
}
