import CFNLoader

/// A WebSocket API's `Domain`: the `AWS::ApiGatewayV2::DomainName`
/// `ApiGatewayDomainNameV2<hash of the name>`, an `ApiMapping` per base path and, with `Route53`, the
/// `AWS::Route53::RecordSetGroup` `RecordSetGroup<hash of the zone>` (`_construct_api_domain` in
/// samtranslator/model/api/apiv2_generator.py).
///
/// The translator hands each WebSocket API a record set group of its own (it reads the shared ones
/// under a key that is never set), so that of two APIs in one hosted zone the later one's group,
/// with only its own records, is the one written.
struct SAMWebSocketDomain {
    let api: SAMWebSocketApi
    let config: SAMMap
    let stageId: String
    var document: SAMDocument { api.document }

    init(_ api: SAMWebSocketApi, _ config: SAMMap, stageId: String) {
        self.api = api
        self.config = config
        self.stageId = stageId
    }

    private func given(_ key: String) -> SAMValue? {
        config[key].flatMap { document.isNull($0) ? nil : $0 }
    }

    private func keyRange(_ key: String) -> SourceRange {
        config.entries.first { $0.key == key }?.keyRange ?? api.keyRange("Domain")
    }

    func make() throws -> [SAMResource] {
        let at = api.keyRange("Domain")
        guard let name = given("DomainName"), given("CertificateArn") != nil else {
            throw SAMError("Custom Domains only works if both DomainName and CertificateArn are provided.", at: at)
        }
        let domainId = "ApiGatewayDomainNameV2" + Self.hash(name, document)
        var domain = SAMResource(domainId, "AWS::ApiGatewayV2::DomainName", at: keyRange("DomainName"))
        domain.properties.set("DomainName", name, keyRange: keyRange("DomainName"))

        let configuration = try SAMApiV2Domain.configuration(config, document, at: at)
        domain.properties.set("DomainNameConfigurations", .list([configuration], at: at), keyRange: at)
        domain.properties.set("Tags", .map([SAMEntry(SAMWebSocketApi.tagName, .string("SAM", at: at), keyRange: at)], at: at), keyRange: at)

        var made = [domain]
        made += try SAMApiV2Domain.mappings(api: api.id, domainId: domainId, stageId: stageId, config, attributes: SAMMap(at: api.keyRange("Domain")),
                                            document, at: api.keyRange("Domain"))
        if let group = try recordSetGroup(name, domainId) { made.append(group) }
        return made
    }

    /// `LogicalIdGenerator("", value).gen()`: a string hashed as it is, anything else as compact sorted JSON.
    static func hash(_ value: SAMValue, _ document: SAMDocument) -> String {
        guard document.isTruthy(value) else { return "" }
        let python = document.python(value)
        let text: String
        if case .string(let string) = python { text = string } else { text = python.compactSortedJSON }
        return String(SHA1.hexDigest(text).prefix(10))
    }

    private func recordSetGroup(_ name: SAMValue, _ domainId: String) throws -> SAMResource? {
        guard let route53 = given("Route53") else { return nil }
        guard let zone = document.map(route53) else {
            throw SAMError("Property 'Domain.Route53' should be a map.", at: document.range(route53))
        }
        let at = keyRange("Route53")
        var group = try SAMApiV2Domain.recordSetGroup(zone, attributes: SAMMap(at: at), document, at: at)
        let records = SAMApiV2Domain.records(name, nameRange: keyRange("DomainName"), zone, domainId: domainId, document, at: at)
        group.properties.set("RecordSets", .list(records, at: at), keyRange: at)
        return group
    }
}
