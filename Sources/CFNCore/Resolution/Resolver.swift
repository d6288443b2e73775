import CFNLoader

/// Evaluates intrinsic functions into `Resolved` values.
///
/// Every function evaluates to a known value when its inputs are known, else to an explicit unknown
/// that says why and what it depends on. `Fn::If` on a condition that is not known keeps both
/// branches. Malformed calls (a wrong number of arguments, say) resolve to unknown here; the
/// `intrinsic.*` rules report them.
public struct Resolver: Sendable {
    public let template: Template
    public let settings: ValidationSettings
    public let parameters: ParameterValues
    /// The template's conditions; without them every `Fn::If` keeps both branches.
    public let conditions: ConditionSet?

    /// `template.tree`, kept apart: reached through `template` on every node, it would be copied out each time.
    let tree: NodeTree
    private var cache = ResolutionCache()

    public init(template: Template, settings: ValidationSettings, parameters: ParameterValues, conditions: ConditionSet?) {
        self.template = template
        self.settings = settings
        self.parameters = parameters
        self.conditions = conditions
        self.tree = template.tree
    }

    /// The same resolver with a cache of its own: resolvers at work on several threads at once
    /// each keep their own instead of contending for one cache's lock (an eighth of the time of
    /// resolving a large template's Properties on two cores went to waiting for it).
    func withOwnCache() -> Resolver {
        var copy = self
        copy.cache = ResolutionCache()
        return copy
    }

    public func resolve(_ node: NodeID) -> Resolved {
        switch tree.kind(node) {
        case .scalar:
            return Resolved(.scalar(tree.string(node) ?? "", isString: tree.isExplicitString(node)), node: node)
        case .sequence:
            let nodes = tree.elements(node)
            var elements: [Resolved] = []
            elements.reserveCapacity(nodes.count)
            for element in nodes {
                let value = resolve(element)
                if case .noValue = value.kind { continue }
                elements.append(value)
            }
            return Resolved(.list(elements), node: node)
        case .mapping:
            let nodes = tree.entries(node)
            var entries: [ResolvedEntry] = []
            entries.reserveCapacity(nodes.count)
            // A repeated key (an error finding when loading) counts once, with its first value, as
            // `value(forKey:)` and `Resolved[key]` read it: a map has each key once.
            var seen: Set<[UInt8]>? = tree.hasRepeatedKeys(node) ? [] : nil
            for entry in nodes {
                if seen != nil, seen?.insert(Array(tree.bytes(entry.key) ?? [])).inserted == false { continue }
                let value = resolve(entry.value)
                if case .noValue = value.kind { continue }
                entries.append(ResolvedEntry(key: tree.string(entry.key) ?? "", keyNode: entry.key, value: value))
            }
            return Resolved(.map(entries), node: node)
        case .intrinsic:
            guard let (function, argument) = tree.intrinsic(node) else { return malformed(node, "intrinsic function") }
            return evaluate(function, argument, at: node)
        }
    }

    /// `Ref: name` — a parameter, a pseudo parameter or a resource.
    public func reference(_ name: String, at node: NodeID?) -> Resolved {
        if let known = cache.value(for: .reference(name), at: node) { return known }
        let value = lookUpReference(name, at: node)
        cache.store(value, for: .reference(name))
        return value
    }

    private func lookUpReference(_ name: String, at node: NodeID?) -> Resolved {
        if let value = parameters.resolve(name, at: node) { return value }
        if let value = PseudoParameters.resolve(name, settings: settings, at: node) { return value }
        if let resource = template.resource(named: name) {
            // Ref of a function is its name: known when FunctionName is a literal.
            if resource.type == LambdaFunction.type, let properties = resource.properties,
               let nameNode = tree.value(forKey: "FunctionName", in: properties), tree.kind(nameNode) == .scalar,
               let functionName = tree.string(nameNode) {
                return Resolved(.scalar(functionName, isString: true), node: node)
            }
            let what = switch resource.type {
            case LambdaFunction.type?: "the name Lambda generates for function \(name)"
            case LambdaLayerVersion.type?: "the ARN of layer version \(name), known after it is published"
            case LambdaLayerVersionPermission.type?: "the ID of layer permission \(name), known after deployment"
            default: "the physical ID of \(name) (\(resource.type ?? "resource")), known after deployment"
            }
            return Resolved(.unknown(Unknown(reason: "Ref \(name) is \(what)", dependsOn: [name], origin: .resource(name))), node: node)
        }
        return Resolved(.unknown(Unknown(reason: "no parameter or resource named '\(name)'", dependsOn: [name])), node: node)
    }

    // MARK: Functions

    func evaluate(_ function: IntrinsicFunction, _ argument: NodeID, at node: NodeID) -> Resolved {
        let arguments = tree.kind(argument) == .sequence ? Array(tree.elements(argument)) : []
        switch function {
        case .ref:
            guard let name = tree.string(argument) else { return malformed(node, "Ref") }
            return reference(name, at: node)
        case .getAtt:
            guard arguments.count == 2, let resource = tree.string(arguments[0]) else { return malformed(node, "Fn::GetAtt") }
            let attribute = tree.string(arguments[1]) ?? resolve(arguments[1]).text ?? "?"
            if let known = cache.value(for: .attribute(resource: resource, attribute: attribute), at: node) { return known }
            let value = Resolved(.unknown(Unknown(reason: "\(resource).\(attribute) is known after deployment", dependsOn: [resource],
                                                  origin: .attribute(resource: resource, attribute: attribute))), node: node)
            cache.store(value, for: .attribute(resource: resource, attribute: attribute))
            return value
        case .sub:
            return substitute(argument, arguments, at: node)
        case .join:
            guard arguments.count == 2, let delimiter = resolve(arguments[0]).text else { return malformed(node, "Fn::Join") }
            let list = resolve(arguments[1])
            guard let elements = list.elements else { return unknownFrom(list, node, "Fn::Join of a list that is not known") }
            var texts: [String] = []
            for element in elements {
                guard let text = element.text else { return unknownFrom(element, node, "Fn::Join of an element that is not known") }
                texts.append(text)
            }
            return Resolved(.scalar(texts.joined(separator: delimiter), isString: true), node: node)
        case .select:
            guard arguments.count == 2 else { return malformed(node, "Fn::Select") }
            let index = resolve(arguments[0])
            let list = resolve(arguments[1])
            guard let text = index.text, let position = Int(text) else { return unknownFrom(index, node, "Fn::Select index not known") }
            guard let elements = list.elements else { return unknownFrom(list, node, "Fn::Select from a list that is not known") }
            guard position >= 0, position < elements.count else { return malformed(node, "Fn::Select index \(position) out of range") }
            var element = elements[position]
            element.node = node
            return element
        case .split:
            guard arguments.count == 2, let delimiter = resolve(arguments[0]).text, !delimiter.isEmpty else {
                return malformed(node, "Fn::Split")
            }
            let source = resolve(arguments[1])
            guard let text = source.text else { return unknownFrom(source, node, "Fn::Split of text that is not known") }
            let parts = text.components(splitAt: delimiter)
            return Resolved(.list(parts.map { Resolved(.scalar($0, isString: true), node: node) }), node: node)
        case .if:
            guard arguments.count == 3, let condition = tree.string(arguments[0]) else { return malformed(node, "Fn::If") }
            switch conditions?.value(of: condition) {
            case true?: return resolve(arguments[1])
            case false?: return resolve(arguments[2])
            case nil: return Resolved(.choice(condition: condition, then: resolve(arguments[1]), else: resolve(arguments[2])), node: node)
            }
        case .equals, .and, .or, .not, .condition:
            guard let conditions, let formula = conditions.formula(ofInline: node, resolver: self),
                  case .constant(let value) = formula else {
                return Resolved(.unknown(Unknown(reason: "\(function.longName) depends on values not known")), node: node)
            }
            return Resolved(.scalar(value ? "true" : "false", isString: false), node: node)
        case .findInMap:
            return findInMap(arguments, at: node)
        case .length:
            let list = resolve(argument)
            guard let elements = list.elements else { return unknownFrom(list, node, "Fn::Length of a list that is not known") }
            return Resolved(.scalar(String(elements.count), isString: false), node: node)
        case .base64:
            let value = resolve(argument)
            guard let text = value.text else { return unknownFrom(value, node, "Fn::Base64 of text that is not known") }
            return Resolved(.scalar(Base64.encode(Array(text.utf8)), isString: true), node: node)
        case .toJsonString:
            let value = resolve(argument)
            guard let json = JSONText.render(value) else { return unknownFrom(value, node, "Fn::ToJsonString of a value not fully known") }
            return Resolved(.scalar(json, isString: true), node: node)
        case .importValue:
            let name = resolve(argument).text.map { " '\($0)'" } ?? ""
            return deployTime(node, "Fn::ImportValue\(name) is read from another stack's exports at deploy time")
        case .getAZs:
            return deployTime(node, "Fn::GetAZs depends on the account and region")
        case .cidr:
            return deployTime(node, "Fn::Cidr is not evaluated")
        case .transform:
            return deployTime(node, "Fn::Transform runs a macro at deploy time")
        case .contains, .eachMemberEquals, .eachMemberIn, .refAll, .valueOf, .valueOfAll:
            return deployTime(node, "\(function.longName) is a rule function, evaluated when the stack is created or updated")
        }
    }

    func substitute(_ argument: NodeID, _ arguments: [NodeID], at node: NodeID) -> Resolved {
        let stringNode: NodeID
        var variables: [String: Resolved] = [:]
        if tree.kind(argument) == .scalar {
            stringNode = argument
        } else if arguments.count == 2, tree.kind(arguments[0]) == .scalar {
            stringNode = arguments[0]
            for entry in tree.entries(arguments[1]) {
                if let name = tree.string(entry.key) { variables[name] = resolve(entry.value) }
            }
        } else {
            return malformed(node, "Fn::Sub")
        }
        guard case .success(let sub) = SubTemplate.parse(tree.string(stringNode) ?? "") else {
            return malformed(node, "Fn::Sub string")
        }
        var text = ""
        var unknown: [String] = []
        for part in sub.parts {
            switch part {
            case .text(let literal):
                text += literal
            case .variable(let name, _):
                let value: Resolved
                if let given = variables[name] {
                    value = given
                } else if let dot = name.firstIndex(ofASCII: "."), template.hasResource(named: String(name[..<dot])) {
                    value = .unknown("\(name) is known after deployment", dependsOn: [String(name[..<dot])])
                } else {
                    value = reference(name, at: node)
                }
                if let known = value.text { text += known } else { unknown.append(name) }
            }
        }
        if !unknown.isEmpty {
            return Resolved(.unknown(Unknown(reason: "Fn::Sub uses values not known: \(unknown.joined(separator: ", "))",
                                             dependsOn: unknown)), node: node)
        }
        return Resolved(.scalar(text, isString: true), node: node)
    }

    func findInMap(_ arguments: [NodeID], at node: NodeID) -> Resolved {
        guard arguments.count == 3 || arguments.count == 4 else { return malformed(node, "Fn::FindInMap") }
        let keys = arguments.prefix(3).map(resolve)
        guard let mapName = keys[0].text else { return unknownFrom(keys[0], node, "Fn::FindInMap map name not known") }
        guard let mappings = template.section(.mappings), let map = tree.value(forKey: mapName, in: mappings) else {
            return malformed(node, "Fn::FindInMap of mapping '\(mapName)', which is not declared")
        }
        // The fourth item is `{DefaultValue: value}`: the value is the default, not the mapping.
        let fallback = arguments.count == 4 ? tree.value(forKey: "DefaultValue", in: arguments[3]) : nil
        return lookUp(map, keys: Array(keys[1...]), fallback: fallback, at: node, path: [mapName])
    }

    /// One level of a mapping lookup. A key that is a parameter without a value becomes a choice over
    /// the values it can take (its AllowedValues, else the mapping's keys), each under the synthetic
    /// condition "Parameter=Value", so rules see every value the lookup can give.
    func lookUp(_ level: NodeID, keys: [Resolved], fallback: NodeID?, at node: NodeID, path: [String]) -> Resolved {
        guard let key = keys.first else {
            var resolved = resolve(level)
            resolved.node = node
            return resolved
        }
        if let text = key.text {
            guard let next = tree.value(forKey: text, in: level) else {
                if let fallback { return resolve(fallback) }  // DefaultValue (AWS::LanguageExtensions)
                return malformed(node, "Fn::FindInMap [\((path + [text]).joined(separator: ", "))] finds nothing")
            }
            return lookUp(next, keys: Array(keys.dropFirst()), fallback: fallback, at: node, path: path + [text])
        }
        guard case .unknown(let why) = key.kind, conditions != nil else {
            return unknownFrom(key, node, "Fn::FindInMap key not known")
        }
        let parameter: String
        switch why.origin {
        case .parameter(let name)?, .pseudo(let name)?: parameter = name
        default: return unknownFrom(key, node, "Fn::FindInMap key not known")
        }
        let candidates = parameters.declarations[parameter]?.allowedValues
            ?? tree.entries(level).compactMap { tree.string($0.key) }
        var result = unknownFrom(key, node, "Fn::FindInMap key not known")
        for value in candidates.reversed() {
            let branch = lookUp(level, keys: [Resolved(.scalar(value, isString: true), node: key.node)] + keys.dropFirst(),
                                fallback: fallback, at: node, path: path)
            result = Resolved(.choice(condition: ConditionSet.valueCondition(parameter: parameter, value: value),
                                      then: branch, else: result), node: node)
        }
        return result
    }

    // MARK: Unknowns

    func malformed(_ node: NodeID, _ what: String) -> Resolved {
        Resolved(.unknown(Unknown(reason: "malformed \(what)")), node: node)
    }

    func deployTime(_ node: NodeID, _ reason: String) -> Resolved {
        Resolved(.unknown(Unknown(reason: reason, origin: .deployTime(reason))), node: node)
    }

    /// An unknown result that keeps the unknown input's reason and dependencies.
    func unknownFrom(_ input: Resolved, _ node: NodeID, _ reason: String) -> Resolved {
        if case .unknown(let inner) = input.kind {
            return Resolved(.unknown(Unknown(reason: inner.reason, dependsOn: inner.dependsOn)), node: node)
        }
        return Resolved(.unknown(Unknown(reason: reason)), node: node)
    }
}
