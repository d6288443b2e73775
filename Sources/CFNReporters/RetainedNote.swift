import CFNCore

/// The words for a removal the account keeps (`ResourceChange.retained`), shared by the text and
/// Markdown plans: the resource leaves the stack but stays, and a function, version or layer
/// version keeps its code in Lambda-managed storage.
enum RetainedNote {
    static let codeHolders: Set<String> = ["AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::LayerVersion"]

    /// `kept by its DeletionPolicy; its code keeps counting`, or why a kept version goes all the
    /// same; nil when nothing is kept.
    static func text(_ change: ResourceChange) -> String? {
        guard change.retained == true else { return nil }
        // Replaced under a new logical ID, the old resource is deleted under its own: DeletionPolicy decides.
        let replacePolicy = change.logicalIdFromPackaging ? "DeletionPolicy" : "UpdateReplacePolicy"
        if let function = change.deletedWithFunction {
            return change.action == .delete
                ? "its DeletionPolicy keeps the resource, but Lambda deletes the version with function \(function)"
                : "its \(replacePolicy) keeps the old resource, but Lambda deletes the old version with function \(function)"
        }
        let counting = codeHolders.contains(change.type) ? "; its code keeps counting" : ""
        switch change.action {
        case .delete: return "kept by its DeletionPolicy" + counting
        case .replace: return "the old one is kept by its \(replacePolicy)" + counting
        case .create, .update, .none: return nil
        }
    }
}

/// The words for a resource whose logical ID packaging decides (`ResourceChange.logicalIdFromPackaging`).
enum PackagedIdNote {
    static let text = "under a new logical ID that packaging decides"
}
