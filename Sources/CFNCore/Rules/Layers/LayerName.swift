/// How a finding names a layer version of the template: by the logical ID the user wrote. SAM
/// makes `AWS::Serverless::LayerVersion` `Deps` into `Deps<hash>`, a hash of the layer's content
/// written nowhere, which changes with each content change.
enum LayerName {
    static func of(_ logicalId: String, in template: Template) -> String {
        guard let source = template.sources[logicalId], source.type == "AWS::Serverless::LayerVersion" else { return logicalId }
        return source.resource
    }

    static func of(_ identity: LayerIdentity, in template: Template) -> String {
        guard case .resource(let name) = identity else { return identity.description }
        return of(name, in: template)
    }
}
