import CFNLoader

extension RuleContext {
    /// The `Transform` entry naming the SAM transform (AWS::Serverless-2016-10-31), if the template has one.
    public var serverlessTransformNode: NodeID? {
        guard let node = template.section(.transform) else { return nil }
        let names = tree.kind(node) == .sequence ? Array(tree.elements(node)) : [node]
        return names.first { tree.scalar($0, equals: ServerlessTransformRule.transform) }
    }

    /// Whether the SAM transform may make a resource of this logical ID, so that a reference to it
    /// is not undefined although the template does not declare it. The resources SAM generates are
    /// named after the SAM resource they come from (`FnRole`, `FnVersion…`, `Fn.Alias` of `Fn`) or
    /// are the implicit APIs (`ServerlessRestApi…`, `ServerlessHttpApi…`); cfn-lambda does not
    /// expand the transform, so those names are not known.
    public func mayBeMadeBySAM(_ name: String) -> Bool {
        guard serverlessTransformNode != nil else { return false }
        if name.hasPrefix("ServerlessRestApi") || name.hasPrefix("ServerlessHttpApi") { return true }
        return template.resources.contains { resource in
            resource.type?.hasPrefix("AWS::Serverless::") == true && name.hasPrefix(resource.logicalId)
        }
    }
}
