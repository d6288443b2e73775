import CFNLoader

/// What the custom domain of an HTTP or WebSocket API makes alike (`_construct_api_domain`,
/// `_construct_basepath_mappings` and `_construct_record_sets_for_domain` in
/// samtranslator/model/api/apiv2_generator.py).
enum SAMApiV2Domain {
    /// `DomainNameConfigurations[0]`: the certificate, the endpoint type (only `REGIONAL`), the
    /// ownership verification certificate and the security policy.
    static func configuration(_ config: SAMMap, _ document: SAMDocument, at: SourceRange) throws -> SAMValue {
        let given = { (key: String) in config[key].flatMap { document.isNull($0) ? nil : $0 } }
        let keyRange = { (key: String) in config.entries.first { $0.key == key }?.keyRange ?? at }
        var configuration = SAMMap(at: at)
        configuration.set("CertificateArn", given("CertificateArn"), keyRange: keyRange("CertificateArn"))
        if let endpoint = given("EndpointConfiguration"), document.text(endpoint) != "REGIONAL" {
            throw SAMError("EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].", at: document.range(endpoint))
        }
        configuration.set("EndpointType", given("EndpointConfiguration") ?? .string("REGIONAL", at: at), keyRange: keyRange("EndpointConfiguration"))
        for key in ["OwnershipVerificationCertificateArn", "SecurityPolicy"] {
            if let value = config[key], document.isTruthy(value) { configuration.set(key, value, keyRange: keyRange(key)) }
        }
        return configuration.value
    }

    /// An `AWS::ApiGatewayV2::ApiMapping` per `BasePath` (`<Api><path less -_/>ApiMapping`), or one
    /// `<Api>ApiMapping` without a key.
    static func mappings(api: String, domainId: String, stageId: String, _ config: SAMMap, attributes: SAMMap,
                         _ document: SAMDocument, at: SourceRange) throws -> [SAMResource] {
        var paths: [SAMValue]?
        if let basePath = config["BasePath"], document.isTruthy(basePath) {
            if case .string = document.python(basePath) { paths = [basePath] } else if let elements = document.elements(basePath) { paths = elements }
        }
        func mapping(_ logicalId: String, key: SAMValue?, at range: SourceRange) -> SAMResource {
            var made = SAMResource(logicalId, "AWS::ApiGatewayV2::ApiMapping", at: range)
            made.attributes = attributes
            made.properties.set("ApiId", .ref(api, at: range), keyRange: range)
            made.properties.set("ApiMappingKey", key, keyRange: range)
            made.properties.set("DomainName", .ref(domainId, at: range), keyRange: range)
            made.properties.set("Stage", .ref(stageId, at: range), keyRange: range)
            return made
        }
        guard let paths else { return [mapping(api + "ApiMapping", key: nil, at: at)] }
        return try paths.map { path in
            let range = document.range(path)
            guard case .string(let text) = document.python(path) else { throw SAMError("Basepath must be a string.", at: range) }
            let allowed = { (c: Unicode.Scalar) in c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "/-_".unicodeScalars.contains(c)) }
            guard text.unicodeScalars.allSatisfy(allowed) else { throw SAMError("Invalid Basepath name provided.", at: range) }
            let stripped = String(String.UnicodeScalarView(text.unicodeScalars.filter { !"-_/".unicodeScalars.contains($0) }))
            var key = Substring(text)
            while key.first == "/" { key = key.dropFirst() }
            while key.last == "/" { key = key.dropLast() }
            return mapping(api + stripped + "ApiMapping", key: .string(String(key), at: range), at: range)
        }
    }

    /// The A (and with `IpV6: true` the AAAA) record aliasing the domain's regional name.
    static func records(_ name: SAMValue, nameRange: SourceRange, _ zone: SAMMap, domainId: String, _ document: SAMDocument, at: SourceRange) -> [SAMValue] {
        let present = { (key: String) in zone[key].flatMap { document.isNull($0) ? nil : $0 } }
        let zoneKey = { (key: String) in zone.entries.first { $0.key == key }?.keyRange ?? at }
        let types = present("IpV6").map { document.python($0) == .bool(true) } == true ? ["A", "AAAA"] : ["A"]
        return types.map { type in
            var target = SAMMap(at: at)
            target.set("EvaluateTargetHealth", present("EvaluateTargetHealth"), keyRange: zoneKey("EvaluateTargetHealth"))
            target.set("HostedZoneId", .getAtt(domainId, "RegionalHostedZoneId", at: at), keyRange: at)
            target.set("DNSName", .getAtt(domainId, "RegionalDomainName", at: at), keyRange: at)
            var record = SAMMap(at: at)
            record.set("Name", name, keyRange: nameRange)
            record.set("Type", .string(type, at: at), keyRange: at)
            record.set("AliasTarget", target.value, keyRange: at)
            record.set("Region", present("Region"), keyRange: zoneKey("Region"))
            record.set("SetIdentifier", present("SetIdentifier"), keyRange: zoneKey("SetIdentifier"))
            return record.value
        }
    }

    /// `RecordSetGroup<hash of the zone's ID or name>`, with the zone's ID or name; throws
    /// without either.
    static func recordSetGroup(_ zone: SAMMap, attributes: SAMMap, _ document: SAMDocument, at: SourceRange) throws -> SAMResource {
        let field = { (key: String) in zone[key].flatMap { document.isNull($0) ? nil : $0 } }
        guard let hashed = [field("HostedZoneId"), field("HostedZoneName")].compactMap({ $0 }).first(where: { document.isTruthy($0) })
                ?? field("HostedZoneId") ?? field("HostedZoneName") else {
            throw SAMError("HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.", at: at)
        }
        var group = SAMResource("RecordSetGroup" + SAMWebSocketDomain.hash(hashed, document), "AWS::Route53::RecordSetGroup", at: at)
        group.attributes = attributes
        if zone["HostedZoneId"] != nil {
            group.properties.set("HostedZoneId", field("HostedZoneId"), keyRange: zone.entries.first { $0.key == "HostedZoneId" }?.keyRange)
        } else {
            group.properties.set("HostedZoneName", field("HostedZoneName"), keyRange: zone.entries.first { $0.key == "HostedZoneName" }?.keyRange)
        }
        return group
    }
}
