import CFNLoader

extension SAMExpander {
    /// The template's HTTP APIs, then the implicit `ServerlessHttpApi`, once every function's
    /// `HttpApi` events have added their routes (the translator makes functions before APIs).
    func expandHttpApis() {
        for resource in httpApis {
            do {
                var api = try SAMHttpApi(self, resource)
                expansions[resource.logicalId] = try api.expand()
            } catch {
                record(error, resource: resource.logicalId, at: resource.idRange)
            }
        }
        let routes = httpApiEvents[SAMHttpApi.implicitId]?.filter(\.implicit) ?? []
        guard let first = routes.first, !template.hasResource(named: SAMHttpApi.implicitId) else { return }
        let owner = routes.map(\.function).first { expansions[$0] != nil }
        do {
            var api = try SAMHttpApi(implicit: self, routes: routes, attributes: implicitHttpApiAttributes(routes, at: first.keyRange))
            let made = try api.expand()
            if let owner { expansions[owner, default: []] += made }
        } catch {
            record(error, resource: SAMHttpApi.implicitId, at: first.keyRange)
        }
    }

    private func record(_ error: any Error, resource: String, at range: SourceRange) {
        switch error {
        case let error as SAMError: errors.append((error.resource ?? resource, error))
        case let error as SAMTemplateError: errors.append((error.resource, error.error))
        default: errors.append((resource, SAMError("\(error)", at: range)))
        }
    }

    /// `_maybe_add_condition_to_implicit_api` and the two policies (implicit_api_plugin.py): the
    /// functions' condition when every route has one (`ServerlessHttpApiCondition` when they
    /// differ), `Retain` over `Delete`, `Retain` over `Snapshot` over `Delete`.
    private func implicitHttpApiAttributes(_ routes: [SAMHttpApiRoute], at range: SourceRange) -> SAMMap {
        var attributes = SAMMap(at: range)
        var byMethod: [String: String?] = [:]
        for route in routes { byMethod[route.path + "\u{0}" + route.method] = route.condition.flatMap(document.string) }
        let conditions = Set(byMethod.values.compactMap { $0 })
        if !conditions.isEmpty, !byMethod.values.contains(where: { $0 == nil }) {
            if conditions.count == 1, let only = conditions.first {
                attributes.set("Condition", .string(only, at: range), keyRange: range)
            } else {
                let name = SAMHttpApi.implicitId + "Condition"
                attributes.set("Condition", .string(name, at: range), keyRange: range)
                SAMImplicitRestApi.addCombinedCondition(name, conditions.sorted(), self, at: range)
            }
        }
        let deletion = routes.compactMap(\.deletionPolicy)
        if let policy = ["Retain", "Delete"].first(where: deletion.contains) {
            attributes.set("DeletionPolicy", .string(policy, at: range), keyRange: range)
        }
        let replace = routes.compactMap(\.updateReplacePolicy)
        if let policy = ["Retain", "Snapshot", "Delete"].first(where: replace.contains) {
            attributes.set("UpdateReplacePolicy", .string(policy, at: range), keyRange: range)
        }
        return attributes
    }
}
