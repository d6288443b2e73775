import CFNLoader

/// One pass of a resolved value against a schema, collecting violations with the guard under which
/// each happens. Values are only judged where known; choices are followed into both branches.
struct SchemaWalk {
    let schema: ResourceSchema
    let resourceType: String
    let oracle: any ConditionOracle
    private(set) var violations: [SchemaViolation] = []

    init(schema: ResourceSchema, resourceType: String, oracle: any ConditionOracle) {
        self.schema = schema
        self.resourceType = resourceType
        self.oracle = oracle
    }

    /// Following `$ref` without descending into the value more than this many times is a cycle.
    private static let maxReferenceHops = 32
    /// Beyond this many combinations of `Fn::If` outcomes, counts and combinators are not judged.
    private static let maxCombinations = 256

    mutating func check(_ value: Resolved, against node: SchemaNode, at path: [PropertyPathComponent], when reached: Guard,
                        anchor: NodeID?, hops: Int = 0) {
        let anchor = value.node ?? anchor
        switch value.kind {
        case .unknown, .noValue:
            return
        case .choice(let condition, let then, let otherwise):
            for (branch, holds) in [(then, true), (otherwise, false)] {
                let branchGuard = reached.and(ConditionLiteral(condition, holds: holds))
                if oracle.isSatisfiable(branchGuard) {
                    check(branch, against: node, at: path, when: branchGuard, anchor: anchor, hops: hops)
                }
            }
            return
        case .scalar, .list, .map:
            break
        }
        if let ref = node.ref, hops < Self.maxReferenceHops, let target = schema.resolve(ref) {
            check(value, against: target, at: path, when: reached, anchor: anchor, hops: hops + 1)
        }
        if !node.types.isEmpty, !Self.admits(value, node.types) {
            report(SchemaRules.type, "\(path.displayName) must be \(Self.describe(node.types)) (got \(Self.describe(value)))",
                   when: reached, at: anchor, path: path)
            return
        }
        switch value.kind {
        case .scalar(let text, let isString):
            checkScalar(text, isString: isString, against: node, at: path, when: reached, anchor: anchor)
        case .list(let elements):
            checkList(elements, against: node, at: path, when: reached, anchor: anchor)
        case .map(let entries):
            checkMap(entries, against: node, at: path, when: reached, anchor: anchor)
        case .unknown, .noValue, .choice:
            break
        }
        for subschema in node.allOf {
            check(value, against: subschema, at: path, when: reached, anchor: anchor, hops: hops + 1)
        }
        if !node.anyOf.isEmpty {
            checkCombinator(node.anyOf, exactlyOne: false, value, at: path, when: reached, anchor: anchor, hops: hops)
        }
        if !node.oneOf.isEmpty {
            checkCombinator(node.oneOf, exactlyOne: true, value, at: path, when: reached, anchor: anchor, hops: hops)
        }
    }

    // MARK: Scalars

    private mutating func checkScalar(_ text: String, isString: Bool, against node: SchemaNode, at path: [PropertyPathComponent],
                                      when reached: Guard, anchor: NodeID?) {
        var name: String { path.displayName }  // built only for a report
        // `const` and a one-value `enum` (the S3 schema has both for the same property) read alike.
        var allowed = node.enumValues
        if let constant = node.constValue {
            allowed = (allowed ?? [constant]).filter { $0 == constant }
        }
        if let values = allowed, !values.contains(where: { Self.scalar(text, isString: isString, equals: $0) }) {
            let message = values.count == 1
                ? "\(name) must be \(values[0].text.map(quoted) ?? "a fixed value") (got \(quoted(text)))"
                : "\(name) \(quoted(text)) is not \(Self.describeChoices(values, near: text))"
            report(SchemaRules.enumeration, message, when: reached, at: anchor, path: path)
        }
        if node.types.isEmpty || node.types.contains(.string) {
            let length = text.unicodeScalars.count
            if let minimum = node.minLength, length < minimum {
                report(SchemaRules.length, "\(name) must be at least \(Self.characters(minimum)) long (got \(length))",
                       when: reached, at: anchor, path: path)
            }
            if let maximum = node.maxLength, length > maximum {
                report(SchemaRules.length, "\(name) must be at most \(Self.characters(maximum)) long (got \(length))",
                       when: reached, at: anchor, path: path)
            }
            if let pattern = node.pattern, !pattern.matches(text) {
                report(SchemaRules.pattern, "\(name) \(quoted(text)) does not match the pattern \(pattern.source)",
                       when: reached, at: anchor, path: path)
            }
        }
        let numeric = node.types.isEmpty || node.types.contains(.integer) || node.types.contains(.number)
        guard numeric, let number = ScalarText.number(text) else { return }
        func bound(_ limit: Double?, _ relation: String, violatedBy violated: (Double, Double) -> Bool) {
            guard let limit, violated(number, limit) else { return }
            report(SchemaRules.range, "\(name) must be \(relation) \(JSONValue.format(limit)) (got \(text))",
                   when: reached, at: anchor, path: path)
        }
        bound(node.minimum, "at least", violatedBy: <)
        bound(node.exclusiveMinimum, "more than", violatedBy: <=)
        bound(node.maximum, "at most", violatedBy: >)
        bound(node.exclusiveMaximum, "less than", violatedBy: >=)
    }

    // MARK: Lists

    private mutating func checkList(_ elements: [Resolved], against node: SchemaNode, at path: [PropertyPathComponent],
                                    when reached: Guard, anchor: NodeID?) {
        if node.minItems != nil || node.maxItems != nil {
            checkCount(elements, against: node, at: path, when: reached, anchor: anchor)
        }
        if node.uniqueItems {
            var first: [String: Int] = [:]
            for (index, element) in elements.enumerated() {
                guard let key = Self.canonical(element) else { continue }
                if let earlier = first[key] {
                    report(SchemaRules.uniqueItems,
                           "\((path + [.index(index)]).displayName) repeats \((path + [.index(earlier)]).displayName) (the items of \(path.displayName) must be unique)",
                           when: reached, at: element.node ?? anchor, path: path + [.index(index)])
                } else {
                    first[key] = index
                }
            }
        }
        if let items = node.items {
            for (index, element) in elements.enumerated() {
                check(element, against: items, at: path + [.index(index)], when: reached, anchor: anchor)
            }
        }
    }

    /// minItems/maxItems over every combination of the items' `Fn::If` outcomes that removes an item.
    private mutating func checkCount(_ elements: [Resolved], against node: SchemaNode, at path: [PropertyPathComponent],
                                     when reached: Guard, anchor: NodeID?) {
        var combinations: [(conditions: Guard, count: Int)] = [(reached, 0)]
        for element in elements {
            let outcomes = presence(of: element, when: reached)
            if outcomes.allSatisfy(\.present) {
                combinations = combinations.map { ($0.conditions, $0.count + 1) }
                continue
            }
            combinations = combinations.flatMap { combination in
                outcomes.compactMap { outcome -> (conditions: Guard, count: Int)? in
                    let conditions = combination.conditions.and(outcome.conditions)
                    guard oracle.isSatisfiable(conditions) else { return nil }
                    return (conditions, combination.count + (outcome.present ? 1 : 0))
                }
            }
            if combinations.count > Self.maxCombinations { return }
        }
        var name: String { path.displayName }
        for (conditions, count) in combinations {
            if let minimum = node.minItems, count < minimum {
                report(SchemaRules.items, "\(name) must have at least \(Self.items(minimum)) (got \(count))",
                       when: conditions, at: anchor, path: path)
            }
            if let maximum = node.maxItems, count > maximum {
                report(SchemaRules.items, "\(name) must have at most \(Self.items(maximum)) (got \(count))",
                       when: conditions, at: anchor, path: path)
            }
        }
    }

    // MARK: Mappings

    private mutating func checkMap(_ entries: [ResolvedEntry], against node: SchemaNode, at path: [PropertyPathComponent],
                                   when reached: Guard, anchor: NodeID?) {
        var owner: String { path.isEmpty ? "of \(resourceType)" : "in \(path.displayName)" }  // only for a report
        func entry(_ key: String) -> ResolvedEntry? { entries.first { $0.key == key } }

        for key in node.required {
            for conditions in absence(of: entry(key)?.value, when: reached) {
                // Removed with AWS::NoValue under some conditions: at its Fn::If; absent: at the mapping.
                var at = anchor
                if let value = entry(key)?.value, case .choice = value.kind { at = value.node ?? anchor }
                report(SchemaRules.required, "missing required property '\(key)' \(owner)", when: conditions, at: at, path: path + [.key(key)])
            }
        }
        for entry in entries {
            if case .noValue = entry.value.kind { continue }
            let entryPath = path + [.key(entry.key)]
            let entryAnchor = entry.value.node ?? entry.keyNode ?? anchor
            var described = false
            if let property = node.properties[entry.key] {
                described = true
                check(entry.value, against: property, at: entryPath, when: reached, anchor: entryAnchor)
            }
            for (pattern, property) in node.patternProperties where pattern.matches(entry.key) {
                described = true
                check(entry.value, against: property, at: entryPath, when: reached, anchor: entryAnchor)
            }
            guard !described else { continue }
            switch node.additionalProperties {
            case .allowed:
                break
            case .schema(let additional):
                check(entry.value, against: additional, at: entryPath, when: reached, anchor: entryAnchor)
            case .forbidden:
                let message = unknownPropertyMessage(entry.key, of: node, owner: owner, at: path)
                for outcome in presence(of: entry.value, when: reached) where outcome.present {
                    report(SchemaRules.additionalProperty, message, when: outcome.conditions,
                           at: entry.keyNode ?? entryAnchor, path: entryPath)
                }
            }
        }
        let ownerSuffix = path.isEmpty ? "" : " in \(path.displayName)"
        for (key, excluded) in node.dependentExcluded.sorted(by: { $0.key < $1.key }) {
            guard let source = entry(key) else { continue }
            for other in excluded {
                guard let target = entry(other) else { continue }
                for sourceOutcome in presence(of: source.value, when: reached) where sourceOutcome.present {
                    for targetOutcome in presence(of: target.value, when: sourceOutcome.conditions) where targetOutcome.present {
                        report(SchemaRules.dependency, "\(other) cannot be used together with \(key)\(ownerSuffix)",
                               when: targetOutcome.conditions, at: target.keyNode ?? target.value.node ?? anchor,
                               path: path + [.key(other)])
                    }
                }
            }
        }
        for (key, needed) in node.dependentRequired.sorted(by: { $0.key < $1.key }) {
            guard let source = entry(key) else { continue }
            for sourceOutcome in presence(of: source.value, when: reached) where sourceOutcome.present {
                for other in needed {
                    for conditions in absence(of: entry(other)?.value, when: sourceOutcome.conditions) {
                        report(SchemaRules.dependency, "\(key) requires \(other)\(ownerSuffix)",
                               when: conditions, at: source.keyNode ?? source.value.node ?? anchor, path: path + [.key(key)])
                    }
                }
            }
        }
    }

    private func unknownPropertyMessage(_ key: String, of node: SchemaNode, owner: String, at path: [PropertyPathComponent]) -> String {
        if node.properties.isEmpty, !node.patternProperties.isEmpty {
            let patterns = node.patternProperties.map(\.pattern.source).joined(separator: " or ")
            return "key '\(key)' in \(path.displayName) does not match \(patterns)"
        }
        if node.properties.isEmpty {
            return "unknown property '\(key)' \(owner) (it takes no properties)"
        }
        let suggestion = Self.closest(to: key, among: node.properties.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown property '\(key)' \(owner)\(suggestion)"
    }

    // MARK: Combinators

    /// anyOf (at least one subschema holds) or oneOf (exactly one). The value fails where every
    /// subschema fails: the conjunction of one failing guard from each.
    private mutating func checkCombinator(_ subschemas: [SchemaNode], exactlyOne: Bool, _ value: Resolved,
                                          at path: [PropertyPathComponent], when reached: Guard, anchor: NodeID?, hops: Int) {
        let results = subschemas.map { subschema -> [SchemaViolation] in
            var branch = self
            branch.violations = []
            branch.check(value, against: subschema, at: path, when: reached, anchor: anchor, hops: hops + 1)
            return branch.violations
        }
        let subject = path.isEmpty ? resourceType : path.displayName
        let names = subschemas.allSatisfy { !$0.required.isEmpty }
            ? subschemas.flatMap(\.required).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            : []
        let form = names.isEmpty
            ? "does not match \(exactlyOne ? "exactly one" : "any") of the \(subschemas.count) allowed forms"
            : "needs \(exactlyOne ? "exactly one" : "at least one") of \(names.joined(separator: ", "))"
        let valid = results.filter(\.isEmpty).count
        if valid == 0 {
            // When the value has the required properties of one subschema only, and every other one fails
            // whatever the conditions, that subschema's own violations are the ones to fix.
            if let entries = value.entries {
                let candidates = subschemas.indices.filter { index in
                    subschemas[index].required.allSatisfy { key in
                        entries.contains { $0.key == key && absence(of: $0.value, when: reached).isEmpty }
                    }
                }
                if candidates.count == 1, let chosen = candidates.first,
                   results.indices.allSatisfy({ $0 == chosen || results[$0].contains { $0.conditions == reached } }) {
                    violations += results[chosen]
                    return
                }
            }
            var failing: [Guard] = [reached]
            for result in results {
                let guards = Set(result.map(\.conditions))
                failing = Self.minimal(failing.flatMap { current in guards.map { current.and($0) } }.filter(oracle.isSatisfiable))
                if failing.count > Self.maxCombinations { return }
            }
            for conditions in failing {
                report(SchemaRules.combinator, "\(subject) \(form)", when: conditions, at: anchor, path: path)
            }
        } else if exactlyOne, valid > 1, Self.isFullyKnown(value) {
            report(SchemaRules.combinator, "\(subject) \(form), not \(valid)", when: reached, at: anchor, path: path)
        }
    }

    // MARK: Presence under conditions

    /// The guards under which a value is there (`present`) or removed with `AWS::NoValue`: the leaves
    /// of its `Fn::If` choices that can be reached.
    private func presence(of value: Resolved, when reached: Guard) -> [(conditions: Guard, present: Bool)] {
        switch value.kind {
        case .noValue:
            return [(reached, false)]
        case .choice(let condition, let then, let otherwise):
            return [(then, true), (otherwise, false)].flatMap { branch, holds -> [(conditions: Guard, present: Bool)] in
                let conditions = reached.and(ConditionLiteral(condition, holds: holds))
                return oracle.isSatisfiable(conditions) ? presence(of: branch, when: conditions) : []
            }
        case .scalar, .list, .map, .unknown:
            return [(reached, true)]
        }
    }

    /// The guards under which a property (nil: not written) is missing.
    private func absence(of value: Resolved?, when reached: Guard) -> [Guard] {
        guard let value else { return [reached] }
        return presence(of: value, when: reached).filter { !$0.present }.map(\.conditions)
    }

    // MARK: Reporting

    private mutating func report(_ rule: RuleDescriptor, _ message: String, when conditions: Guard, at node: NodeID?,
                                 path: [PropertyPathComponent]) {
        guard oracle.isSatisfiable(conditions) else { return }
        violations.append(SchemaViolation(rule: rule, message: message, conditions: conditions, node: node, path: path))
    }

    private func quoted(_ text: String) -> String { Self.quoted(text) }
}
