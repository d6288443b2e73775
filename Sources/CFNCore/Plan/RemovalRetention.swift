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
            case .delete:
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
    }
}
