import CFNLoader

/// `AWS::Serverless::CapacityProvider` → an `AWS::Lambda::CapacityProvider` under the same logical
/// ID and, unless `OperatorRole` is given, its operator role `<Id>OperatorRole` with the
/// `AWSLambdaManagedEC2ResourceOperator` managed policy (aws-sam-translator 1.110:
/// `SamCapacityProvider` in samtranslator/model/sam_resources.py, model/capacity_provider/generators.py
/// and the schema internal/schema_source/aws_serverless_capacity_provider.py; read, not ported).
struct SAMCapacityProvider {
    static let type = "AWS::Serverless::CapacityProvider"
    static let propertyTypes = SAMPropertyTypes(type: type, properties: [
        ("CapacityProviderName", .stringOrMap), ("VpcConfig", .map), ("OperatorRole", .stringOrMap), ("Tags", .map),
        ("PropagateTags", .bool), ("InstanceRequirements", .map), ("ScalingConfig", .map), ("KmsKeyArn", .stringOrMap),
    ], required: ["VpcConfig"], withoutIntrinsics: [
        "CapacityProviderName", "VpcConfig", "OperatorRole", "Tags", "PropagateTags", "InstanceRequirements", "ScalingConfig", "KmsKeyArn",
    ])

    /// What a field of the schema's nested models holds: a list of texts (or an intrinsic function,
    /// each element too), an integer or a number (or an intrinsic function).
    enum Field { case texts, integer, number }

    /// The schema's nested models in its order, each field with whether it is required.
    static let models: [(property: String, fields: [(name: String, kind: Field, required: Bool)])] = [
        ("VpcConfig", [("SecurityGroupIds", .texts, false), ("SubnetIds", .texts, true)]),
        ("InstanceRequirements", [("Architectures", .texts, false), ("AllowedTypes", .texts, false), ("ExcludedTypes", .texts, false)]),
        ("ScalingConfig", [("MaxVCpuCount", .integer, false), ("AverageCPUUtilization", .number, false)]),
    ]

    let expander: SAMExpander
    let resource: Resource
    var document: SAMDocument { expander.document }

    init(_ expander: SAMExpander, _ resource: Resource) {
        self.expander = expander
        self.resource = resource
    }

    func expand() throws -> [SAMResource] {
        let idRange = resource.idRange
        let properties = try expander.properties(of: resource, globals: "CapacityProvider")
        try Self.propertyTypes.validate(properties, document, idRange: idRange)
        let keyRange = { (key: String) in properties.entries.last { $0.key == key }?.keyRange ?? idRange }
        let models = try checked(properties, keyRange: keyRange)
        if let requirements = models["InstanceRequirements"], requirements["AllowedTypes"] != nil, requirements["ExcludedTypes"] != nil {
            throw SAMError("Cannot specify 'InstanceRequirements.AllowedTypes' and 'InstanceRequirements.ExcludedTypes' together.",
                           at: requirements.entries.last { $0.key == "ExcludedTypes" }?.keyRange ?? keyRange("InstanceRequirements"))
        }
        let truthy = { (key: String) in properties[key].flatMap { document.isTruthy($0) ? $0 : nil } }

        var provider = SAMResource(resource.logicalId, "AWS::Lambda::CapacityProvider", at: idRange)
        copyAttributes(["DependsOn", "DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"], to: &provider)
        provider.properties.set("CapacityProviderName", truthy("CapacityProviderName"), keyRange: keyRange("CapacityProviderName"))
        if let vpc = models["VpcConfig"] {
            provider.properties.set("VpcConfig", Self.renamed(vpc, [("SubnetIds", "SubnetIds"), ("SecurityGroupIds", "SecurityGroupIds")]),
                                    keyRange: keyRange("VpcConfig"))
        }
        var made: [SAMResource] = []
        var operatorRole = truthy("OperatorRole")
        if operatorRole == nil {
            var role = SAMResource(resource.logicalId + "OperatorRole", "AWS::IAM::Role", at: idRange)
            copyAttributes(["Condition", "DeletionPolicy", "UpdateReplacePolicy"], to: &role)
            role.properties.set("AssumeRolePolicyDocument", SAMFunctionRole.lambdaTrustPolicy(at: idRange), keyRange: idRange)
            role.properties.set("ManagedPolicyArns", .list([.string(expander.managedPolicyArn("AWSLambdaManagedEC2ResourceOperator"), at: idRange)], at: idRange),
                                keyRange: idRange)
            made.append(role)
            operatorRole = .getAtt(role.logicalId, "Arn", at: idRange)
        }
        if let operatorRole {
            provider.properties.set("PermissionsConfig", .map([SAMEntry("CapacityProviderOperatorRoleArn", operatorRole, keyRange: keyRange("OperatorRole"))],
                                                               at: keyRange("OperatorRole")), keyRange: keyRange("OperatorRole"))
        }
        if let requirements = models["InstanceRequirements"], !requirements.entries.isEmpty {
            provider.properties.set("InstanceRequirements", Self.renamed(requirements, [
                ("Architectures", "Architectures"), ("AllowedTypes", "AllowedInstanceTypes"), ("ExcludedTypes", "ExcludedInstanceTypes"),
            ]), keyRange: keyRange("InstanceRequirements"))
        }
        if let scaling = models["ScalingConfig"], !scaling.entries.isEmpty {
            provider.properties.set("CapacityProviderScalingConfig", Self.scalingConfig(scaling), keyRange: keyRange("ScalingConfig"))
        }
        provider.properties.set("KmsKeyArn", truthy("KmsKeyArn"), keyRange: keyRange("KmsKeyArn"))

        // The provider's tags are the given ones with `lambda:createdBy: SAM` set (in its place when
        // given); `PropagateTags` adds the given ones to the role's, the later value of a key winning.
        let given = truthy("Tags").map(tagEntries) ?? []
        let samTag = SAMEntry("lambda:createdBy", .string("SAM", at: idRange), keyRange: idRange)
        let propagates = properties["PropagateTags"].map { document.python($0) == .bool(true) } ?? false
        let propagated = propagates ? given : []
        provider.properties.set("Tags", Self.tagList(Self.merged(Self.merged(given, [samTag]), propagated), at: keyRange("Tags")),
                                keyRange: keyRange("Tags"))
        if !made.isEmpty {
            made[0].properties.set("Tags", Self.tagList(Self.merged([samTag], propagated), at: keyRange("Tags")), keyRange: keyRange("Tags"))
        }
        return made + [provider]
    }

    private func copyAttributes(_ names: [String], to made: inout SAMResource) {
        for attribute in names {
            if let node = resource.node(attribute) {
                made.attributes.set(attribute, .node(node), keyRange: document.keyRange(attribute, in: .node(resource.node)) ?? resource.idRange)
            }
        }
    }

    /// `MaxVCpuCount`, and the scaling mode: `Manual` with a CPU target policy for `AverageCPUUtilization`, else `Auto`.
    private static func scalingConfig(_ scaling: SAMMap) -> SAMValue {
        var out = SAMMap(at: scaling.range)
        let keyRange = { (key: String) in scaling.entries.last { $0.key == key }?.keyRange ?? scaling.range }
        out.set("MaxVCpuCount", scaling["MaxVCpuCount"], keyRange: keyRange("MaxVCpuCount"))
        if let target = scaling["AverageCPUUtilization"] {
            let at = keyRange("AverageCPUUtilization")
            out.set("ScalingMode", .string("Manual", at: at), keyRange: at)
            out.set("ScalingPolicies", .list([.map([
                SAMEntry("PredefinedMetricType", .string("LambdaCapacityProviderAverageCPUUtilization", at: at), keyRange: at),
                SAMEntry("TargetValue", target, keyRange: at),
            ], at: at)], at: at), keyRange: at)
        } else {
            out.set("ScalingMode", .string("Auto", at: scaling.range), keyRange: scaling.range)
        }
        return out.value
    }

    /// The fields of `model` present, under their CloudFormation names, in the given order.
    private static func renamed(_ model: SAMMap, _ names: [(sam: String, cloudFormation: String)]) -> SAMValue {
        var out = SAMMap(at: model.range)
        for (sam, cloudFormation) in names {
            out.set(cloudFormation, model[sam], keyRange: model.entries.last { $0.key == sam }?.keyRange)
        }
        return out.value
    }

    // MARK: Tags

    /// The given tags as entries, a null value as `""` (`get_tag_list`); an intrinsic function is one tag, as Python reads it.
    private func tagEntries(_ tags: SAMValue) -> [SAMEntry] {
        let entries = document.entries(tags)
            ?? document.intrinsic(tags).map { [SAMEntry($0.function.longName, $0.argument, keyRange: document.range(tags))] } ?? []
        return entries.map { entry in
            document.isNull(entry.value) ? SAMEntry(entry.key, .string("", at: document.range(entry.value)), keyRange: entry.keyRange) : entry
        }
    }

    /// `first` then `second` as one Python dict: a key keeps its first place and takes its last value.
    private static func merged(_ first: [SAMEntry], _ second: [SAMEntry]) -> [SAMEntry] {
        var result = first
        for entry in second {
            if let index = result.firstIndex(where: { $0.key == entry.key }) { result[index].value = entry.value } else { result.append(entry) }
        }
        return result
    }

    private static func tagList(_ entries: [SAMEntry], at range: SourceRange) -> SAMValue {
        .list(entries.map { .map([SAMEntry("Key", .string($0.key, at: $0.keyRange), keyRange: $0.keyRange),
                                  SAMEntry("Value", $0.value, keyRange: $0.keyRange)], at: $0.keyRange) }, at: range)
    }

    // MARK: The schema's checks

    /// The nested models checked as the translator's pydantic schema checks them, with every
    /// problem in one message as the translator joins them (located at the first), and their
    /// values as pydantic converts them (numbers in text lists as text, numeric text as numbers).
    private func checked(_ properties: SAMMap, keyRange: (String) -> SourceRange) throws -> [String: SAMMap] {
        var problems: [(message: String, range: SourceRange)] = []
        var models: [String: SAMMap] = [:]
        for (property, fields) in Self.models {
            guard let value = properties[property] else { continue }
            // An intrinsic function is a mapping of one key to the schema.
            let entries = document.entries(value)
                ?? document.intrinsic(value).map { [SAMEntry($0.function.longName, $0.argument, keyRange: document.range(value))] } ?? []
            var model = SAMMap(at: document.range(value))
            for field in fields {
                let path = "\(property).\(field.name)"
                guard let entry = entries.last(where: { $0.key == field.name }) else {
                    if field.required { problems.append(("Property '\(path)' is required.", keyRange(property))) }
                    continue
                }
                if document.isNull(entry.value) {
                    if field.required { problems.append(("Property '\(path)' none is not an allowed value.", entry.keyRange)) }
                    continue
                }
                switch convert(entry.value, field.kind, path: path, at: entry.keyRange) {
                case .success(let converted): model.set(field.name, converted, keyRange: entry.keyRange)
                case .failure(let found): problems += found.list
                }
            }
            let known = Set(fields.map(\.name))
            for extra in Set(entries.map(\.key)).subtracting(known).sorted() {
                let at = entries.last { $0.key == extra }?.keyRange ?? keyRange(property)
                problems.append(("Property '\(property).\(extra)' is an invalid property.", at))
            }
            models[property] = model
        }
        if let first = problems.first {
            throw SAMError(problems.map(\.message).joined(separator: " "), at: first.range)
        }
        return models
    }

    struct Problems: Error { var list: [(message: String, range: SourceRange)] }

    private func isMapping(_ value: SAMValue) -> Bool {
        document.entries(value) != nil || document.intrinsic(value) != nil
    }

    private func convert(_ value: SAMValue, _ kind: Field, path: String, at keyRange: SourceRange) -> Result<SAMValue, Problems> {
        if isMapping(value) { return .success(value) }
        let range = document.range(value)
        switch kind {
        case .texts:
            guard let elements = document.elements(value) else {
                return .failure(Problems(list: [("Property '\(path)' value must be dictionary or list.", keyRange)]))
            }
            var converted: [SAMValue] = []
            var bad: [(message: String, range: SourceRange)] = []
            for (index, element) in elements.enumerated() {
                if isMapping(element) {
                    converted.append(element)
                    continue
                }
                switch document.python(element) {
                case .string: converted.append(element)
                case .int(let text): converted.append(.string(text, at: document.range(element)))
                case .float(let number): converted.append(.string("\(number)", at: document.range(element)))
                case .bool(let flag): converted.append(.string(flag ? "True" : "False", at: document.range(element)))
                case .null: bad.append(("Property '\(path).\(index)' none is not an allowed value.", document.range(element)))
                case .list, .dict: bad.append(("Property '\(path).\(index)' value is not a valid dict.", document.range(element)))
                }
            }
            guard bad.isEmpty else { return .failure(Problems(list: [("Property '\(path)' value is not a valid dict.", keyRange)] + bad)) }
            return .success(.list(converted, at: range))
        case .integer:
            let text: String? = switch document.python(value) {
            case .int(let digits): digits
            case .bool(let flag): flag ? "1" : "0"
            case .float(let number): number.isFinite && abs(number) < 9e18 ? String(Int(number.rounded(.towardZero))) : nil
            case .string(let written): Self.pythonInt(written)
            default: nil
            }
            guard let text else { return .failure(Problems(list: [("Property '\(path)' value must be dictionary or integer.", keyRange)])) }
            return .success(.scalar(text, isString: false, at: range))
        case .number:
            let number: Double? = switch document.python(value) {
            case .int(let digits): Double(digits)
            case .bool(let flag): flag ? 1 : 0
            case .float(let number): number
            case .string(let written): Double(String(Self.trimmed(written).filter { $0 != "_" }))
            default: nil
            }
            guard let number else { return .failure(Problems(list: [("Property '\(path)' value must be dictionary or number.", keyRange)])) }
            // Python writes a float with its `.0`; a value JSON cannot hold stays as written.
            return .success(number.isFinite ? .scalar("\(number)", isString: false, at: range) : value)
        }
    }

    private static func trimmed(_ text: String) -> String {
        let space: Set<Character> = [" ", "\t", "\n", "\r"]
        return String(text.drop { space.contains($0) }.reversed().drop { space.contains($0) }.reversed())
    }

    /// Python's `int(text)`: spaces around, a sign, decimal digits (`_` between them); its decimal text.
    static func pythonInt(_ text: String) -> String? {
        var body = Substring(trimmed(text))
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber, let last = body.last, last.isASCII, last.isNumber,
              !body.contains("__"), body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return nil }
        let digits = body.filter { $0 != "_" }.drop { $0 == "0" }
        return digits.isEmpty ? "0" : sign + digits
    }
}
