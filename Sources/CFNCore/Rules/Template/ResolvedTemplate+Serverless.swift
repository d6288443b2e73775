import CFNLoader

extension ResolvedTemplate {
    /// The `Transform` entry naming the SAM transform (AWS::Serverless-2016-10-31), if the template has one.
    public var serverlessTransformNode: NodeID? {
        guard let node = template.section(.transform) else { return nil }
        let names = tree.kind(node) == .sequence ? Array(tree.elements(node)) : [node]
        return names.first { tree.scalar($0, equals: SAMTransform.name) }
    }

    /// Logical IDs the SAM transform gives the resources it makes once per template: the implicit
    /// APIs (and their stages and deployments) and the CodeDeploy application and role of
    /// DeploymentPreference (samtranslator deployment_preference_collection.py).
    static let samSharedNamePrefixes = ["ServerlessRestApi", "ServerlessHttpApi", "ServerlessDeploymentApplication", "CodeDeployServiceRole"]

    /// Whether the SAM transform may make a resource of this logical ID, so that a reference to it
    /// is not undefined although the template does not declare it. The resources SAM generates are
    /// named after the SAM resource they come from (`FnRole`, `FnVersion…`, `Fn.Alias` of `Fn`) or
    /// are shared (`samSharedNamePrefixes`). The SAM transform stage keeps the `Transform` section
    /// only where part of the template is left unexpanded, so these names are the ones it did not make.
    public func mayBeMadeBySAM(_ name: String) -> Bool {
        guard serverlessTransformNode != nil else { return false }
        if Self.samSharedNamePrefixes.contains(where: { name.hasPrefix($0) }) { return true }
        return template.resources.contains { resource in
            resource.type?.hasPrefix("AWS::Serverless::") == true && name.hasPrefix(resource.logicalId)
        }
    }
}
