import CFNLoader

/// The HTTP API's stage and custom domain (`_construct_stage` in
/// samtranslator/model/api/http_api_generator.py, `_construct_api_domain` in apiv2_generator.py).
extension SAMHttpApi {
    /// `StageName` (`$default` when not given or empty).
    var stageName: SAMValue {
        properties["StageName"].flatMap { document.isTruthy($0) ? $0 : nil } ?? .string(SAMOpenApiEditor.defaultPath, at: idRange)
    }

    /// `<Api><Name>Stage` for an alphanumeric name, `<Api>ApiGatewayDefaultStage` for `$default`, else
    /// `<Api>Stage` and the hash of the name (none when it is not text).
    var stageId: String {
        let name = document.text(stageName) ?? ""
        if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { return id + name + "Stage" }
        if name == SAMOpenApiEditor.defaultPath { return id + "ApiGatewayDefaultStage" }
        return id + "Stage" + (name.isEmpty ? "" : String(SHA1.hexDigest(name).prefix(10)))
    }

    func stage() -> SAMResource {
        var stage = SAMResource(stageId, "AWS::ApiGatewayV2::Stage", at: idRange)
        stage.attributes = passThrough(at: idRange)
        stage.properties.set("ApiId", .ref(id, at: idRange), keyRange: idRange)
        stage.properties.set("StageName", stageName, keyRange: keyRange("StageName"))
        for key in ["StageVariables", "AccessLogSettings", "DefaultRouteSettings"] {
            stage.properties.set(key, properties[key], keyRange: keyRange(key))
        }
        stage.properties.set("Tags", propagatedTags ?? stageTags, keyRange: keyRange("Tags"))
        stage.properties.set("AutoDeploy", .bool(true, at: idRange), keyRange: idRange)
        stage.properties.set("RouteSettings", properties["RouteSettings"], keyRange: keyRange("RouteSettings"))
        return stage
    }

    /// `propagate_tags(resources, Tags, DefinitionBody is not None)`: with a body, the API's tags
    /// (with `httpapi:createdBy` once SAM has added it to them) go to its stage and domain.
    var propagatedTags: SAMValue? {
        guard document.isTruthy(properties["Tags"]), bodyValue != nil else { return nil }
        return stageTags
    }

    /// The domain, its API mappings and the Route 53 record set group (shared by the HTTP APIs of a hosted zone).
    func domain() throws -> [SAMResource] {
        guard let given = properties["Domain"] else { return [] }
        let resolved = expander.parameters.resolve(given, document)
        guard let config = document.map(resolved) else { return [] }
        let at = keyRange("Domain")
        let value = { (key: String) in config[key].flatMap { document.isNull($0) ? nil : $0 } }
        let keyRange = { (key: String) in config.entries.first { $0.key == key }?.keyRange ?? at }
        guard let name = value("DomainName"), value("CertificateArn") != nil else {
            throw SAMError("Custom Domains only works if both DomainName and CertificateArn are provided.", at: at)
        }
        let domainId = "ApiGatewayDomainNameV2" + SAMWebSocketDomain.hash(name, document)
        var domain = SAMResource(domainId, "AWS::ApiGatewayV2::DomainName", at: keyRange("DomainName"))
        domain.attributes = passThrough(at: at)
        domain.properties.set("DomainName", name, keyRange: keyRange("DomainName"))
        domain.properties.set("DomainNameConfigurations", .list([try SAMApiV2Domain.configuration(config, document, at: at)], at: at), keyRange: at)
        if let mtls = value("MutualTlsAuthentication"), document.isTruthy(mtls) {
            guard let fields = document.entries(mtls) else {
                throw SAMError("MutualTlsAuthentication must be a map with at least one of the following fields ['TruststoreUri', 'TruststoreVersion'].",
                               at: document.range(mtls))
            }
            let unknown = fields.map(\.key).filter { $0 != "TruststoreUri" && $0 != "TruststoreVersion" }.sorted()
            if !unknown.isEmpty {
                throw SAMError("Resource with id [\(unknown.joined(separator: ","))] is invalid. Available MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].",
                               at: document.range(mtls))
            }
            domain.properties.set("MutualTlsAuthentication", .map(fields.filter { document.isTruthy($0.value) }, at: document.range(mtls)), keyRange: keyRange("MutualTlsAuthentication"))
        }
        domain.properties.set("Tags", propagatedTags ?? .map([SAMEntry(Self.tagName, .string("SAM", at: at), keyRange: at)], at: at), keyRange: at)
        var made = [domain]
        made += try SAMApiV2Domain.mappings(api: id, domainId: domainId, stageId: stageId, config, attributes: passThrough(at: at), document, at: at)
        if let route53 = value("Route53"), let group = try addRecordSets(route53, name: name, domainId: domainId, at: keyRange("Route53")) {
            made.append(group)
        }
        expander.derived[id + ".DomainName"] = domainId
        return made
    }

    /// `_construct_route53_recordsetgroup`: the group of the hosted zone (made by the first API that
    /// names it, with that API's attributes) gets this domain's A (and AAAA) records.
    private func addRecordSets(_ route53: SAMValue, name: SAMValue, domainId: String, at: SourceRange) throws -> SAMResource? {
        // The implicit API's resources are listed under the function that makes it.
        let owner = id == Self.implicitId ? routes.map(\.function).first { expander.expansions[$0] != nil } ?? id : id
        guard let zone = document.map(route53) else { throw SAMError("Property 'Domain.Route53' should be a map.", at: document.range(route53)) }
        var group = try SAMApiV2Domain.recordSetGroup(zone, attributes: passThrough(at: at), document, at: at)
        let records = SAMApiV2Domain.records(name, nameRange: document.range(name), zone, domainId: domainId, document, at: at)
        let groupId = group.logicalId
        if let owner = expander.recordSetGroupOwners[groupId],
           let index = expander.expansions[owner]?.firstIndex(where: { $0.logicalId == groupId }),
           var existing = expander.expansions[owner]?[index] {
            let earlier = existing.properties["RecordSets"].flatMap(document.elements) ?? []
            existing.properties.set("RecordSets", .list(earlier + records, at: at))
            expander.expansions[owner]?[index] = existing
            return nil
        }
        expander.recordSetGroupOwners[groupId] = owner
        group.properties.set("RecordSets", .list(records, at: at), keyRange: at)
        return group
    }
}
