import CFNLoader

extension ResourcePlanner {
    /// Each change with the resource a transform made it from and where the user edits it in
    /// HEAD: a SAM template's generated resources point at their SAM resource, also when HEAD no
    /// longer has them (a version SAM replaced under a new hashed logical ID).
    func locate(_ changes: [ResourceChange]) -> [ResourceChange] {
        let headSources = head.template.sources
        // The range in HEAD of each source resource, read from the first resource made from it
        // (every generated resource's logical ID carries its source's range).
        var sourceRanges: [String: SourceRange] = [:]
        if !headSources.isEmpty {
            for resource in head.template.resources {
                if let source = headSources[resource.logicalId], sourceRanges[source.resource] == nil {
                    sourceRanges[source.resource] = resource.idRange
                }
            }
        }
        let baseSources = base?.template.sources ?? [:]
        return changes.map { change in
            var located = change
            if let resource = head.template.resource(named: change.logicalId) {
                located.source = headSources[change.logicalId]
                located.range = resource.idRange
            } else {
                located.source = baseSources[change.logicalId]
                located.range = located.source.flatMap { sourceRanges[$0.resource] }
            }
            return located
        }
    }
}
