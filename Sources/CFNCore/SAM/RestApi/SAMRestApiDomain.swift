import CFNLoader

/// A REST API's custom `Domain` (`EDGE` or `REGIONAL`) as the translator makes it
/// (model/api/api_generator.py `_construct_api_domain`, `_create_basepath_mapping`,
/// `_construct_record_sets_for_domain`, `_construct_alias_target`): the
/// `AWS::ApiGateway::DomainName` `ApiGatewayDomainName<hash of the name>`, a `BasePathMapping` per
/// base path (or one), and the Route 53 records in the `RecordSetGroup<hash of the zone>` that the
/// APIs of one hosted zone share (or one of its own with `SeparateRecordSetGroup`).
struct SAMRestApiDomain {
    /// `Domain`, with parameters resolved.
    let domain: SAMValue
    let api: String
    let stage: String
    let attributes: SAMMap
    let range: SourceRange
    let document: SAMDocument

    private func field(_ key: String, in value: SAMValue? = nil) -> SAMValue? {
        document.value(key, in: value ?? domain).flatMap { document.isNull($0) ? nil : $0 }
    }

    private func truthy(_ key: String, in value: SAMValue? = nil) -> SAMValue? {
        field(key, in: value).flatMap { document.isTruthy($0) ? $0 : nil }
    }

    /// The endpoint type, `REGIONAL` by default.
    var endpoint: String { field("EndpointConfiguration").flatMap(document.text) ?? "REGIONAL" }

    var domainId: String {
        "ApiGatewayDomainName" + SAMWebSocketDomain.hash(field("DomainName") ?? .string("", at: range), document)
    }

    /// `json.dumps` of `Domain` as the translator leaves it once the domain is made (the deployment
    /// hashes it): `ApiDomainName` added, `EndpointConfiguration` defaulted, and for an `EDGE` domain
    /// with `Route53` the distribution's name.
    var hashText: String? {
        guard document.isTruthy(domain), case .dict(var dict) = PyValue.converted(domain, document) else { return nil }
        let isNone = { (value: PyValue?) -> Bool in
            guard let value else { return true }
            if case .scalar(.null, _) = value { return true }
            return false
        }
        dict.set("ApiDomainName", .text(domainId, unicode: false, at: range))
        if isNone(dict["EndpointConfiguration"]) { dict.set("EndpointConfiguration", .text("REGIONAL", unicode: false, at: range)) }
        if endpoint == "EDGE", case .dict(var route53)? = dict["Route53"], isNone(route53["DistributionDomainName"]) {
            var getAtt = PyDict(py27: false, at: range)
            getAtt.set("Fn::GetAtt", .list([.text(domainId, unicode: false, at: range), .text("DistributionDomainName", unicode: false, at: range)], at: range))
            route53.set("DistributionDomainName", .dict(getAtt))
            dict.set("Route53", .dict(route53))
        }
        return PyValue.dict(dict).json
    }

    /// The domain name and its base path mappings.
    func resources() -> [SAMResource] {
        let at = range
        var made = SAMResource(domainId, "AWS::ApiGateway::DomainName", at: at)
        made.attributes = attributes
        made.properties.set("DomainName", field("DomainName"), keyRange: at)
        made.properties.set(endpoint == "REGIONAL" ? "RegionalCertificateArn" : "CertificateArn", field("CertificateArn"), keyRange: at)
        var configuration = SAMMap(at: at)
        configuration.set("Types", .list([.string(endpoint, at: at)], at: at), keyRange: at)
        configuration.set("IpAddressType", truthy("IpAddressType"), keyRange: at)
        made.properties.set("EndpointConfiguration", configuration.value, keyRange: at)
        if let tls = truthy("MutualTlsAuthentication") {
            var authentication = SAMMap(at: at)
            for key in ["TruststoreUri", "TruststoreVersion"] { authentication.set(key, truthy(key, in: tls), keyRange: at) }
            made.properties.set("MutualTlsAuthentication", authentication.value, keyRange: at)
        }
        for key in ["SecurityPolicy", "EndpointAccessMode", "Policy", "OwnershipVerificationCertificateArn"] {
            made.properties.set(key, truthy(key), keyRange: at)
        }
        return [made] + mappings()
    }

    /// `_create_basepath_mapping` for each base path: its letters and digits name it, and are the
    /// path unless `NormalizeBasePath: false`.
    private func mappings() -> [SAMResource] {
        func mapping(_ logicalId: String, _ path: SAMValue?) -> SAMResource {
            var made = SAMResource(logicalId, "AWS::ApiGateway::BasePathMapping", at: range)
            made.attributes = attributes
            made.properties.set("DomainName", .ref(domainId, at: range), keyRange: range)
            made.properties.set("RestApiId", .ref(api, at: range), keyRange: range)
            made.properties.set("Stage", .ref(stage, at: range), keyRange: range)
            made.properties.set("BasePath", path, keyRange: range)
            return made
        }
        var paths: [SAMValue]?
        if let basePath = truthy("BasePath") { paths = document.text(basePath) != nil ? [basePath] : document.elements(basePath) }
        guard let paths else { return [mapping(api + "BasePathMapping", nil)] }
        let normalize = document.value("NormalizeBasePath", in: domain).map(document.isTruthy) ?? true
        var made: [SAMResource] = []
        for path in paths {
            let text = document.text(path) ?? ""
            let letters = String(text.filter { $0.isLetter || $0.isNumber })
            let logicalId = api + letters + "BasePathMapping"
            made.removeAll { $0.logicalId == logicalId }
            made.append(mapping(logicalId, normalize ? .string(letters, at: document.range(path)) : path))
        }
        return made
    }

    /// `Route53`: the zone's group (nil when another API made it: `records` go into it) and the records.
    func route53() -> (groupId: String, group: SAMResource, records: [SAMValue], separate: Bool)? {
        guard let route53 = field("Route53") else { return nil }
        let zoneId = document.value("HostedZoneId", in: route53), zoneName = document.value("HostedZoneName", in: route53)
        let zone = [zoneId, zoneName].compactMap { $0 }.first { document.isTruthy($0) } ?? zoneName ?? zoneId ?? .string("", at: range)
        let separate = truthy("SeparateRecordSetGroup", in: route53) != nil
        let groupId = separate
            ? "RecordSetGroup" + SAMWebSocketDomain.hash(.list([zone, field("DomainName") ?? .scalar("null", isString: false, at: range)], at: range), document)
            : "RecordSetGroup" + SAMWebSocketDomain.hash(zone, document)
        var group = SAMResource(groupId, "AWS::Route53::RecordSetGroup", at: range)
        group.attributes = attributes
        // A separate group writes a truthy zone; a shared one every zone key given.
        for (key, value) in [("HostedZoneId", zoneId), ("HostedZoneName", zoneName)] {
            guard let value, separate ? document.isTruthy(value) : true else { continue }
            group.properties.set(key, value, keyRange: range)
        }
        return (groupId, group, records(route53), separate)
    }

    /// `_construct_record_sets_for_domain`: an A record (and an AAAA one with `IpV6: true`) aliasing the domain.
    private func records(_ route53: SAMValue) -> [SAMValue] {
        var target = SAMMap(at: range)
        target.set("EvaluateTargetHealth", field("EvaluateTargetHealth", in: route53), keyRange: range)
        switch endpoint {
        case "REGIONAL":
            target.set("HostedZoneId", .getAtt(domainId, "RegionalHostedZoneId", at: range), keyRange: range)
            target.set("DNSName", .getAtt(domainId, "RegionalDomainName", at: range), keyRange: range)
        case "EDGE":
            // CloudFront's hosted zone, the same for every distribution.
            target.set("HostedZoneId", .string("Z2FDTNDATAQYW2", at: range), keyRange: range)
            target.set("DNSName", field("DistributionDomainName", in: route53) ?? .getAtt(domainId, "DistributionDomainName", at: range), keyRange: range)
        default:
            target.set("HostedZoneId", field("VpcEndpointHostedZoneId", in: route53), keyRange: range)
            target.set("DNSName", field("VpcEndpointDomainName", in: route53), keyRange: range)
        }
        let ipv6 = field("IpV6", in: route53).map { document.python($0) == .bool(true) && document.intrinsic($0) == nil } ?? false
        return (ipv6 ? ["A", "AAAA"] : ["A"]).map { type in
            var record = SAMMap(at: range)
            record.set("Name", field("DomainName"), keyRange: range)
            record.set("Type", .string(type, at: range), keyRange: range)
            record.set("AliasTarget", target.value, keyRange: range)
            record.set("Region", field("Region", in: route53), keyRange: range)
            record.set("SetIdentifier", field("SetIdentifier", in: route53), keyRange: range)
            return record.value
        }
    }
}

extension SAMRestApiResources {
    /// The custom domain's resources; the records of a shared zone go into the group made before.
    func domain(stage: String) -> SAMRestApiDomain? {
        guard let given = api["Domain"], !document.isNull(given) else { return nil }
        return SAMRestApiDomain(domain: expander.parameters.resolve(given, document), api: api.id, stage: stage,
                                attributes: passthrough, range: api.properties.entries.first { $0.key == "Domain" }?.keyRange ?? api.idRange,
                                document: document)
    }

    func domainResources(stage: String, owner: String) -> [SAMResource] {
        guard let domain = domain(stage: stage) else { return [] }
        var made = domain.resources()
        guard let route53 = domain.route53() else { return made }
        var group = route53.group
        if !route53.separate, let owner = expander.recordSetGroupOwners[route53.groupId],
           let index = expander.expansions[owner]?.firstIndex(where: { $0.logicalId == route53.groupId }),
           var existing = expander.expansions[owner]?[index] {
            let earlier = existing.properties["RecordSets"].flatMap(document.elements) ?? []
            existing.properties.set("RecordSets", .list(earlier + route53.records, at: domain.range))
            expander.expansions[owner]?[index] = existing
            return made
        }
        if !route53.separate { expander.recordSetGroupOwners[route53.groupId] = owner }
        group.properties.set("RecordSets", .list(route53.records, at: domain.range), keyRange: domain.range)
        made.append(group)
        return made
    }
}
