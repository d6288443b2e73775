/// Which removals CloudFormation leaves in the account: sets `ResourceChange.retained` from
/// `PlanRetention`: the `DeletionPolicy` of a deletion (HEAD's when HEAD still has the resource
/// under a condition that does not hold, as `StoragePlanner` reads it, else BASE's), HEAD's
/// `UpdateReplacePolicy` for the old resource of a replacement.
enum RemovalRetention {
    static func mark(_ changes: inout [ResourceChange], base: ResolvedTemplate, head: ResolvedTemplate) {
        for index in changes.indices {
            let id = changes[index].logicalId
            let retention: PlanRetention
            switch changes[index].action {
            case .replace where changes[index].logicalIdFromPackaging,
                 .delete:
                // Replaced under a new logical ID that packaging decides, the old resource is deleted.
                retention = head.template.resource(named: id).map { PlanRetention(.deletionPolicy, of: $0, in: head) }
                    ?? PlanRetention.onDelete(id, base: base)
            case .replace: retention = PlanRetention.onReplace(id, head: head)
            case .create, .update, .none: continue
            }
            changes[index].retained = switch retention {
            case .retained: true
            case .deleted: false
            case .unknown: nil
            }
        }
        markVersionsDeletedWithTheirFunction(&changes, base: base)
    }

    /// A version CloudFormation keeps goes all the same when its function is deleted (or replaced,
    /// the old function deleted): Lambda's DeleteFunction without a qualifier deletes every version.
    static func markVersionsDeletedWithTheirFunction(_ changes: inout [ResourceChange], base: ResolvedTemplate) {
        let byId = Dictionary(changes.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        for index in changes.indices where changes[index].type == VersionCode.type && changes[index].retained == true {
            guard let function = VersionCode.function(of: changes[index].logicalId, in: base),
                  let functionChange = byId[function], functionChange.retained == false,
                  functionChange.action == .delete || functionChange.action == .replace else { continue }
            changes[index].deletedWithFunction = function
        }
    }
}
