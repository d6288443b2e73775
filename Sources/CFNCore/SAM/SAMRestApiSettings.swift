import CFNLoader

/// The translator's checks of a REST API's other settings (model/api/api_generator.py):
/// `GatewayResponses` (`_add_gateway_responses`, `ApiGatewayResponse`), `Models` (`_add_models`),
/// the custom `Domain` (`_construct_api_domain`) and `Auth.UsagePlan` (`_construct_usage_plan`).
extension SAMRestApi {
    /// What may be written without a `DefinitionBody` of one's own: SAM writes one unless `DefinitionUri` is given.
    private var hasBody: Bool { managesSwagger || document.isTruthy(self["DefinitionBody"]) }

    private func isValidBody() -> Bool {
        managesSwagger || self["DefinitionBody"].map { SAMSwagger.isValid($0, document) } ?? false
    }

    /// `GatewayResponses`: each response a mapping of `ResponseParameters` (`Headers`, `Paths`,
    /// `QueryStrings`), `ResponseTemplates` and a numeric `StatusCode`.
    func checkGatewayResponses() throws {
        guard let responses = self["GatewayResponses"], document.isTruthy(responses), let entries = document.entries(responses) else { return }
        let at = properties.entries.first { $0.key == "GatewayResponses" }?.keyRange ?? idRange
        guard hasBody else { throw SAMError("GatewayResponses works only with inline Swagger specified in 'DefinitionBody' property.", at: at) }
        for entry in entries {
            if document.intrinsic(entry.value) != nil {
                throw SAMError("Unable to set GatewayResponses attribute because intrinsic functions are not supported for this field.", at: document.range(entry.value))
            }
            guard let fields = document.entries(entry.value) else {
                let type = document.python(entry.value).pythonTypeName
                throw SAMError("Invalid property type '\(type)' for GatewayResponses. Expected an object of type 'GatewayResponse'.", at: document.range(entry.value))
            }
            for field in fields where !["ResponseParameters", "ResponseTemplates", "StatusCode"].contains(field.key) {
                throw SAMError("Invalid property '\(field.key)' in 'GatewayResponses' property '\(entry.key)'.", at: field.keyRange)
            }
        }
        guard isValidBody() else {
            throw SAMError("Unable to add Auth configuration because 'DefinitionBody' does not contain a valid Swagger definition.", at: at)
        }
        for entry in entries {
            if let parameters = document.value("ResponseParameters", in: entry.value), document.isTruthy(parameters) {
                guard let names = document.entries(parameters), document.intrinsic(parameters) == nil else {
                    throw SAMError("Property 'GatewayResponses.\(entry.key).ResponseParameters' should be a map.", at: document.range(parameters))
                }
                for name in names where !["Headers", "Paths", "QueryStrings"].contains(name.key) {
                    throw SAMError("Invalid gateway response parameter '\(name.key)'", at: name.keyRange)
                }
            }
            // `^[0-9]{1,3}$` over Python's `str()` of a given (truthy) status code.
            if let code = document.value("StatusCode", in: entry.value), document.isTruthy(code) {
                let text = Self.pythonString(document.python(code))
                guard document.intrinsic(code) == nil, (1...3).contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw SAMError("Property 'StatusCode' must be numeric", at: document.range(code))
                }
            }
        }
    }

    /// `Models`: a mapping of model schemas (mappings), for a body SAM can edit.
    func checkModels() throws {
        guard let models = self["Models"], document.isTruthy(models) else { return }
        let at = properties.entries.first { $0.key == "Models" }?.keyRange ?? idRange
        guard hasBody else { throw SAMError("Models works only with inline Swagger specified in 'DefinitionBody' property.", at: at) }
        guard isValidBody() else {
            throw SAMError("Unable to add Models definitions because 'DefinitionBody' does not contain a valid Swagger definition.", at: at)
        }
        if let entries = document.entries(models), let bad = entries.first(where: { document.entries($0.value) == nil }) {
            throw SAMError("Invalid value for 'Models' property", at: document.range(bad.value))
        }
    }

    /// A custom `Domain`: its name and certificate, endpoint type, mutual TLS, base paths and Route 53 settings.
    func checkDomain() throws {
        guard let given = self["Domain"], !document.isNull(given) else { return }
        let domain = expander.parameters.resolve(given, document)
        let at = properties.entries.first { $0.key == "Domain" }?.keyRange ?? idRange
        guard document.entries(domain) != nil else { throw SAMError("Property 'Domain' should be a map.", at: at) }
        let field = { (key: String) in document.value(key, in: domain).flatMap { document.isNull($0) ? nil : $0 } }
        for key in ["DomainName", "CertificateArn"] where field(key) == nil {
            throw SAMError("Property 'Domain.\(key)' is required.", at: at)
        }
        if let endpoint = field("EndpointConfiguration"), !["EDGE", "REGIONAL", "PRIVATE"].contains(document.text(endpoint) ?? "") {
            throw SAMError("EndpointConfiguration for Custom Domains must be one of ['EDGE', 'REGIONAL', 'PRIVATE'].", at: document.range(endpoint))
        }
        if let tls = field("MutualTlsAuthentication") {
            guard let keys = document.entries(tls), document.intrinsic(tls) == nil else {
                throw SAMError("Property 'Domain.MutualTlsAuthentication' should be a map.", at: document.range(tls))
            }
            if let bad = keys.first(where: { $0.key != "TruststoreUri" && $0.key != "TruststoreVersion" }) {
                throw SAMError("Available Domain.MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].", at: bad.keyRange)
            }
        }
        if let basePath = field("BasePath"), document.isTruthy(basePath), document.text(basePath) == nil {
            guard let paths = document.elements(basePath) else {
                throw SAMError("Property 'Domain.BasePath' should be a list.", at: document.range(basePath))
            }
            for (index, path) in paths.enumerated() where document.text(path) == nil {
                throw SAMError("Property 'Domain.BasePath[\(index)]' should be a string.", at: document.range(path))
            }
        }
        if let route53 = field("Route53") {
            guard document.entries(route53) != nil, document.intrinsic(route53) == nil else {
                throw SAMError("Property 'Domain.Route53' should be a map.", at: document.range(route53))
            }
            if ["HostedZoneId", "HostedZoneName"].allSatisfy({ document.value($0, in: route53).map(document.isNull) ?? true }) {
                throw SAMError("HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.", at: document.range(route53))
            }
            // `_construct_api_domain`: a truthy `SeparateRecordSetGroup` must be a boolean.
            if let separate = document.value("SeparateRecordSetGroup", in: route53), document.isTruthy(separate),
               document.intrinsic(separate) != nil || document.python(separate) != .bool(true) {
                throw SAMError("Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean.", at: document.range(separate))
            }
        }
    }

    /// `Auth.UsagePlan`: a mapping of the known keys with a `CreateUsagePlan` of `SHARED`, `PER_API` or `NONE`.
    func checkUsagePlan(_ auth: SAMValue?) throws {
        guard let auth, let plan = document.value("UsagePlan", in: auth), !document.isNull(plan) else { return }
        guard let keys = document.entries(plan), document.intrinsic(plan) == nil else {
            throw SAMError("'UsagePlan' must be a dictionary", at: document.range(plan))
        }
        let known: Set<String> = ["CreateUsagePlan", "Description", "Quota", "Tags", "Throttle", "UsagePlanName"]
        if let bad = keys.first(where: { !known.contains($0.key) }) {
            throw SAMError("Invalid property for 'UsagePlan'", at: bad.keyRange)
        }
        guard let create = document.value("CreateUsagePlan", in: plan), !document.isNull(create) else {
            throw SAMError("'CreateUsagePlan' is a required field for UsagePlan.", at: document.range(plan))
        }
        guard ["SHARED", "PER_API", "NONE"].contains(document.text(create) ?? "") else {
            throw SAMError("'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].", at: document.range(create))
        }
    }
}
