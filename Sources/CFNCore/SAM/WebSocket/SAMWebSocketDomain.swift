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
        guard let name = given("DomainName"), let certificate = given("CertificateArn") else {
            throw SAMError("Custom Domains only works if both DomainName and CertificateArn are provided.", at: at)
        }
        let domainId = "ApiGatewayDomainNameV2" + Self.hash(name, document)
        var domain = SAMResource(domainId, "AWS::ApiGatewayV2::DomainName", at: keyRange("DomainName"))
        domain.properties.set("DomainName", name, keyRange: keyRange("DomainName"))

        var configuration = SAMMap(at: at)
        configuration.set("CertificateArn", certificate, keyRange: keyRange("CertificateArn"))
        if let endpoint = given("EndpointConfiguration"), document.text(endpoint) != "REGIONAL" {
            throw SAMError("EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].", at: document.range(endpoint))
        }
        configuration.set("EndpointType", given("EndpointConfiguration") ?? .string("REGIONAL", at: at), keyRange: keyRange("EndpointConfiguration"))
        for key in ["OwnershipVerificationCertificateArn", "SecurityPolicy"] {
            if let value = config[key], document.isTruthy(value) { configuration.set(key, value, keyRange: keyRange(key)) }
        }
        domain.properties.set("DomainNameConfigurations", .list([configuration.value], at: at), keyRange: at)
        domain.properties.set("Tags", .map([SAMEntry(SAMWebSocketApi.tagName, .string("SAM", at: at), keyRange: at)], at: at), keyRange: at)

        var made = [domain]
        made += try mappings(domainId)
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

    private func mappings(_ domainId: String) throws -> [SAMResource] {
        let apiId = api.id
        let at = api.keyRange("Domain")
        var paths: [SAMValue]?
        if let basePath = config["BasePath"], document.isTruthy(basePath) {
            if case .string = document.python(basePath) {
                paths = [basePath]
            } else if let elements = document.elements(basePath) {
                paths = elements
            }
        }
        func mapping(_ logicalId: String, key: SAMValue?, at range: SourceRange) -> SAMResource {
            var made = SAMResource(logicalId, "AWS::ApiGatewayV2::ApiMapping", at: range)
            made.properties.set("ApiId", .ref(apiId, at: range), keyRange: range)
            made.properties.set("ApiMappingKey", key, keyRange: range)
            made.properties.set("DomainName", .ref(domainId, at: range), keyRange: range)
            made.properties.set("Stage", .ref(stageId, at: range), keyRange: range)
            return made
        }
        guard let paths else { return [mapping(apiId + "ApiMapping", key: nil, at: at)] }
        var made: [SAMResource] = []
        for path in paths {
            let range = document.range(path)
            guard case .string(let text) = document.python(path) else { throw SAMError("Basepath must be a string.", at: range) }
            let allowed = { (c: Unicode.Scalar) in c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "/-_".unicodeScalars.contains(c)) }
            guard text.unicodeScalars.allSatisfy(allowed) else { throw SAMError("Invalid Basepath name provided.", at: range) }
            let stripped = text.unicodeScalars.filter { !"-_/".unicodeScalars.contains($0) }
            var key = Substring(text)
            while key.first == "/" { key = key.dropFirst() }
            while key.last == "/" { key = key.dropLast() }
            made.append(mapping(apiId + String(String.UnicodeScalarView(stripped)) + "ApiMapping", key: .string(String(key), at: range), at: range))
        }
        return made
    }

    private func recordSetGroup(_ name: SAMValue, _ domainId: String) throws -> SAMResource? {
        guard let route53 = given("Route53") else { return nil }
        guard let zone = document.map(route53) else {
            throw SAMError("Property 'Domain.Route53' should be a map.", at: document.range(route53))
        }
        let at = keyRange("Route53")
        let zoneId = zone["HostedZoneId"].flatMap { document.isNull($0) ? nil : $0 }
        let zoneName = zone["HostedZoneName"].flatMap { document.isNull($0) ? nil : $0 }
        guard let hashed = [zoneId, zoneName].compactMap({ $0 }).first(where: { document.isTruthy($0) }) ?? zoneId ?? zoneName else {
            throw SAMError("HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.", at: at)
        }
        var group = SAMResource("RecordSetGroup" + Self.hash(hashed, document), "AWS::Route53::RecordSetGroup", at: at)
        if zone["HostedZoneId"] != nil {
            group.properties.set("HostedZoneId", zoneId, keyRange: zone.entries.first { $0.key == "HostedZoneId" }?.keyRange)
        } else {
            group.properties.set("HostedZoneName", zoneName, keyRange: zone.entries.first { $0.key == "HostedZoneName" }?.keyRange)
        }
        var records = [record(name, type: "A", zone, domainId, at: at)]
        if let ipv6 = zone["IpV6"], document.python(ipv6) == .bool(true) {
            records.append(record(name, type: "AAAA", zone, domainId, at: at))
        }
        group.properties.set("RecordSets", .list(records, at: at), keyRange: at)
        return group
    }

    private func record(_ name: SAMValue, type: String, _ zone: SAMMap, _ domainId: String, at: SourceRange) -> SAMValue {
        let present = { (key: String) in zone[key].flatMap { document.isNull($0) ? nil : $0 } }
        let zoneKey = { (key: String) in zone.entries.first { $0.key == key }?.keyRange ?? at }
        var target = SAMMap(at: at)
        target.set("EvaluateTargetHealth", present("EvaluateTargetHealth"), keyRange: zoneKey("EvaluateTargetHealth"))
        target.set("HostedZoneId", .getAtt(domainId, "RegionalHostedZoneId", at: at), keyRange: at)
        target.set("DNSName", .getAtt(domainId, "RegionalDomainName", at: at), keyRange: at)
        var record = SAMMap(at: at)
        record.set("Name", name, keyRange: keyRange("DomainName"))
        record.set("Type", .string(type, at: at), keyRange: at)
        record.set("AliasTarget", target.value, keyRange: at)
        record.set("Region", present("Region"), keyRange: zoneKey("Region"))
        record.set("SetIdentifier", present("SetIdentifier"), keyRange: zoneKey("SetIdentifier"))
        return record.value
    }
}
