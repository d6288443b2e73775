import CFNLoader

/// One pass of a resolved value against a schema, collecting violations with the guard under which
/// each happens. Values are only judged where known; choices are followed into both branches.
struct SchemaWalk {
    let schema: ResourceSchema
    let resourceType: String
    let oracle: any ConditionOracle
    private(set) var violations: [SchemaViolation] = []
    /// Where the value being checked is, below `Properties`: one stack, pushed and popped on the way
    /// down, copied only into a violation.
    private var path: [PropertyPathComponent] = []
    /// The key whose value is being checked (`Properties`, `VpcConfig`), nil inside a list: a
    /// missing required property is reported there, not at the mapping's first entry.
    var mappingKey: NodeID?

    init(schema: ResourceSchema, resourceType: String, oracle: any ConditionOracle) {
        self.schema = schema
        self.resourceType = resourceType
        self.oracle = oracle
    }

    /// Following `$ref` without descending into the value more than this many times is a cycle.
    private static let maxReferenceHops = 32
    /// Beyond this many combinations of `Fn::If` outcomes, counts and combinators are not judged.
    private static let maxCombinations = 256

    /// Checks a value at the current path.
    mutating func check(_ value: Resolved, against node: SchemaNode, when reached: Guard, anchor: NodeID?, hops: Int = 0) {
        let anchor = value.node ?? anchor
        switch value.kind {
        case .unknown, .noValue:
            return
        case .choice(let condition, let then, let otherwise):
            // A branch written as a mapping is the mapping that lacks a property, not the key above.
            let key = mappingKey
            mappingKey = nil
            for (branch, holds) in [(then, true), (otherwise, false)] {
                let branchGuard = reached.and(ConditionLiteral(condition, holds: holds))
                if oracle.isSatisfiable(branchGuard) {
                    check(branch, against: node, when: branchGuard, anchor: anchor, hops: hops)
                }
            }
            mappingKey = key
            return
        case .scalar, .list, .map:
            break
        }
        if let ref = node.ref, hops < Self.maxReferenceHops, let target = schema.resolve(ref) {
            check(value, against: target, when: reached, anchor: anchor, hops: hops + 1)
        }
        if !node.types.isEmpty, !Self.admits(value, node.types) {
            report(SchemaRules.type, "\(path.displayName) must be \(Self.describe(node.types)) (got \(Self.describe(value)))",
                   when: reached, at: anchor)
            return
        }
        switch value.kind {
        case .scalar(let text, let isString):
            checkScalar(text, isString: isString, against: node, when: reached, anchor: anchor)
        case .list(let elements):
            checkList(elements, against: node, when: reached, anchor: anchor)
        case .map(let entries):
            checkMap(entries, against: node, when: reached, anchor: anchor)
        case .unknown, .noValue, .choice:
            break
        }
        for subschema in node.allOf {
            check(value, against: subschema, when: reached, anchor: anchor, hops: hops + 1)
        }
        if !node.anyOf.isEmpty {
            checkCombinator(node.anyOf, exactlyOne: false, value, when: reached, anchor: anchor, hops: hops)
        }
        if !node.oneOf.isEmpty {
            checkCombinator(node.oneOf, exactlyOne: true, value, when: reached, anchor: anchor, hops: hops)
        }
    }

    // MARK: Scalars

    private mutating func checkScalar(_ text: String, isString: Bool, against node: SchemaNode, when reached: Guard, anchor: NodeID?) {
        // `const` and a one-value `enum` (the S3 schema has both for the same property) read alike.
        var allowed = node.enumValues
        if let constant = node.constValue {
            allowed = (allowed ?? [constant]).filter { $0 == constant }
        }
        if let values = allowed, !values.contains(where: { Self.scalar(text, isString: isString, equals: $0) }) {
            let message = values.count == 1
                ? "\(pathName) must be \(values[0].text.map(quoted) ?? "a fixed value") (got \(quoted(text)))"
                : "\(pathName) \(quoted(text)) is not \(Self.describeChoices(values, near: text))"
            report(SchemaRules.enumeration, message, when: reached, at: anchor)
        }
        if node.types.isEmpty || node.types.contains(.string) {
            if node.minLength != nil || node.maxLength != nil {
                checkLength(text, against: node, when: reached, anchor: anchor)
            }
            if let pattern = node.pattern, !pattern.matches(text) {
                report(SchemaRules.pattern, "\(pathName) \(quoted(text)) does not match the pattern \(pattern.source)",
                       when: reached, at: anchor)
            }
        }
        let numeric = node.types.isEmpty || node.types.contains(.integer) || node.types.contains(.number)
        guard numeric, node.minimum != nil || node.exclusiveMinimum != nil || node.maximum != nil || node.exclusiveMaximum != nil,
              let number = ScalarText.number(text) else { return }
        if let limit = node.minimum, number < limit { reportRange("at least", limit, text, when: reached, at: anchor) }
        if let limit = node.exclusiveMinimum, number <= limit { reportRange("more than", limit, text, when: reached, at: anchor) }
        if let limit = node.maximum, number > limit { reportRange("at most", limit, text, when: reached, at: anchor) }
        if let limit = node.exclusiveMaximum, number >= limit { reportRange("less than", limit, text, when: reached, at: anchor) }
    }

    private mutating func reportRange(_ relation: String, _ limit: Double, _ text: String, when reached: Guard, at anchor: NodeID?) {
        report(SchemaRules.range, "\(pathName) must be \(relation) \(JSONValue.format(limit)) (got \(text))", when: reached, at: anchor)
    }

    /// minLength/maxLength in characters (Unicode scalars). Text has between a quarter of its UTF-8
    /// bytes and all of them, so most text is judged without counting.
    private mutating func checkLength(_ text: String, against node: SchemaNode, when reached: Guard, anchor: NodeID?) {
        let bytes = text.utf8.count
        let fitsMinimum = node.minLength.map { (bytes + 3) / 4 >= $0 } ?? true
        let fitsMaximum = node.maxLength.map { bytes <= $0 } ?? true
        if fitsMinimum, fitsMaximum { return }
        let name = path.displayName
        let length = text.unicodeScalars.count
        if let minimum = node.minLength, length < minimum {
            report(SchemaRules.length, "\(name) must be at least \(Self.characters(minimum)) long (got \(length))",
                   when: reached, at: anchor)
        }
        if let maximum = node.maxLength, length > maximum {
            report(SchemaRules.length, "\(name) must be at most \(Self.characters(maximum)) long (got \(length))",
                   when: reached, at: anchor)
        }
    }

    // MARK: Lists

    private mutating func checkList(_ elements: [Resolved], against node: SchemaNode, when reached: Guard, anchor: NodeID?) {
        if node.minItems != nil || node.maxItems != nil {
            checkCount(elements, against: node, when: reached, anchor: anchor)
        }
        if node.uniqueItems, elements.count > 1 {
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
            let key = mappingKey
            mappingKey = nil
            for (index, element) in elements.enumerated() {
                path.append(.index(index))
                check(element, against: items, when: reached, anchor: anchor)
                path.removeLast()
            }
            mappingKey = key
        }
    }

    /// minItems/maxItems over every combination of the items' `Fn::If` outcomes that removes an item.
    private mutating func checkCount(_ elements: [Resolved], against node: SchemaNode, when reached: Guard, anchor: NodeID?) {
        // Items that are not `Fn::If` choices or `AWS::NoValue` are there whatever the conditions: they
        // add one to every combination, so they are counted first.
        let unconditional = elements.reduce(0) { $0 + (Self.isUnconditional($1) ? 1 : 0) }
        var combinations: [(conditions: Guard, count: Int)] = [(reached, unconditional)]
        for element in elements where !Self.isUnconditional(element) {
            let outcomes = Self.presence(of: element, when: reached, oracle: oracle)
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
        for (conditions, count) in combinations {
            if let minimum = node.minItems, count < minimum {
                report(SchemaRules.items, "\(pathName) must have at least \(Self.items(minimum)) (got \(count))",
                       when: conditions, at: anchor)
            }
            if let maximum = node.maxItems, count > maximum {
                report(SchemaRules.items, "\(pathName) must have at most \(Self.items(maximum)) (got \(count))",
                       when: conditions, at: anchor)
            }
        }
    }

    // MARK: Mappings

    private mutating func checkMap(_ entries: [ResolvedEntry], against node: SchemaNode, when reached: Guard, anchor: NodeID?) {
        func entry(_ key: String) -> ResolvedEntry? { entries.index(ofKey: key).map { entries[$0] } }

        for key in node.required {
            for conditions in Self.absence(of: entry(key)?.value, when: reached, oracle: oracle) {
                // Removed with AWS::NoValue under some conditions: at its Fn::If; absent: at the mapping's key.
                var at = mappingKey ?? anchor
                if let value = entry(key)?.value, case .choice = value.kind { at = value.node ?? anchor }
                report(SchemaRules.required, "missing required property '\(key)' \(owner)", when: conditions, at: at,
                       path: path + [.key(key)])
            }
        }
        // By index: `for entry in entries` would copy each entry out.
        for index in entries.indices {
            if case .noValue = entries[index].value.kind { continue }
            let key = entries[index].key
            let entryAnchor = entries[index].value.node ?? entries[index].keyNode ?? anchor
            var described = false
            path.append(.key(key))
            let outerKey = mappingKey
            mappingKey = entries[index].keyNode
            if let property = node.propertyTable[key] {
                described = true
                check(entries[index].value, against: property, when: reached, anchor: entryAnchor)
            }
            for (pattern, property) in node.patternProperties where pattern.matches(key) {
                described = true
                check(entries[index].value, against: property, when: reached, anchor: entryAnchor)
            }
            if !described, case .schema(let additional) = node.additionalProperties {
                check(entries[index].value, against: additional, when: reached, anchor: entryAnchor)
            }
            mappingKey = outerKey
            path.removeLast()
            if !described, case .forbidden = node.additionalProperties {
                let message = unknownPropertyMessage(key, of: node, owner: owner, at: path)
                for outcome in Self.presence(of: entries[index].value, when: reached, oracle: oracle) where outcome.present {
                    report(SchemaRules.additionalProperty, message, when: outcome.conditions,
                           at: entries[index].keyNode ?? entryAnchor, path: path + [.key(key)])
                }
            }
        }
        for (key, excluded) in node.dependentExcluded.isEmpty ? [] : node.dependentExcluded.sorted(by: { $0.key < $1.key }) {
            guard let source = entry(key) else { continue }
            for other in excluded {
                guard let target = entry(other) else { continue }
                for sourceOutcome in Self.presence(of: source.value, when: reached, oracle: oracle) where sourceOutcome.present {
                    let targetOutcomes = Self.presence(of: target.value, when: sourceOutcome.conditions, oracle: oracle)
                    for targetOutcome in targetOutcomes where targetOutcome.present {
                        report(SchemaRules.dependency, "\(other) cannot be used together with \(key)\(ownerSuffix)",
                               when: targetOutcome.conditions, at: target.keyNode ?? target.value.node ?? anchor,
                               path: path + [.key(other)])
                    }
                }
            }
        }
        for (key, needed) in node.dependentRequired.isEmpty ? [] : node.dependentRequired.sorted(by: { $0.key < $1.key }) {
            guard let source = entry(key) else { continue }
            for sourceOutcome in Self.presence(of: source.value, when: reached, oracle: oracle) where sourceOutcome.present {
                for other in needed {
                    for conditions in Self.absence(of: entry(other)?.value, when: sourceOutcome.conditions, oracle: oracle) {
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
                                          when reached: Guard, anchor: NodeID?, hops: Int) {
        let results = subschemas.map { subschema -> [SchemaViolation] in
            var branch = self
            branch.violations = []
            branch.check(value, against: subschema, when: reached, anchor: anchor, hops: hops + 1)
            return branch.violations
        }
        let valid = results.filter(\.isEmpty).count
        if valid == 0 {
            // When the value has the required properties of one subschema only, and every other one fails
            // whatever the conditions, that subschema's own violations are the ones to fix.
            if let entries = value.entries {
                let candidates = subschemas.indices.filter { index in
                    subschemas[index].required.allSatisfy { key in
                        entries.contains { $0.key == key && Self.absence(of: $0.value, when: reached, oracle: oracle).isEmpty }
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
                report(SchemaRules.combinator, "\(subject) \(Self.form(of: subschemas, exactlyOne: exactlyOne))",
                       when: conditions, at: anchor)
            }
        } else if exactlyOne, valid > 1, Self.isFullyKnown(value) {
            report(SchemaRules.combinator, "\(subject) \(Self.form(of: subschemas, exactlyOne: exactlyOne)), not \(valid)",
                   when: reached, at: anchor)
        }
    }

    /// "needs at least one of Users, Groups, Roles", or "does not match any of the 3 allowed forms".
    private static func form(of subschemas: [SchemaNode], exactlyOne: Bool) -> String {
        let names = subschemas.allSatisfy { !$0.required.isEmpty }
            ? subschemas.flatMap(\.required).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            : []
        return names.isEmpty
            ? "does not match \(exactlyOne ? "exactly one" : "any") of the \(subschemas.count) allowed forms"
            : "needs \(exactlyOne ? "exactly one" : "at least one") of \(names.joined(separator: ", "))"
    }

    // MARK: Presence under conditions

    // Static, as `absence` is: an instance method called from a mutating one would copy the walk.

    /// The guards under which a value is there (`present`) or removed with `AWS::NoValue`: the leaves
    /// of its `Fn::If` choices that can be reached.
    private static func presence(of value: Resolved, when reached: Guard, oracle: any ConditionOracle)
        -> [(conditions: Guard, present: Bool)] {
        switch value.kind {
        case .noValue:
            return [(reached, false)]
        case .choice(let condition, let then, let otherwise):
            return [(then, true), (otherwise, false)].flatMap { branch, holds -> [(conditions: Guard, present: Bool)] in
                let conditions = reached.and(ConditionLiteral(condition, holds: holds))
                return oracle.isSatisfiable(conditions) ? presence(of: branch, when: conditions, oracle: oracle) : []
            }
        case .scalar, .list, .map, .unknown:
            return [(reached, true)]
        }
    }

    /// The guards under which a property (nil: not written) is missing.
    private static func absence(of value: Resolved?, when reached: Guard, oracle: any ConditionOracle) -> [Guard] {
        guard let value else { return [reached] }
        if isUnconditional(value) { return [] }
        return presence(of: value, when: reached, oracle: oracle).filter { !$0.present }.map(\.conditions)
    }

    // MARK: Reporting

    // Names for messages, built only for a report.

    /// `MemorySize`, `Code.S3Bucket`.
    private var pathName: String { path.displayName }
    /// The value being checked, in a combinator's message.
    private var subject: String { path.isEmpty ? resourceType : path.displayName }
    /// Where a property is missing or unknown: "of AWS::Lambda::Function", "in Code".
    private var owner: String { path.isEmpty ? "of \(resourceType)" : "in \(path.displayName)" }
    /// Where properties depend on each other: "", " in Code".
    private var ownerSuffix: String { path.isEmpty ? "" : " in \(path.displayName)" }

    /// A violation at the current path, or at `path` when given.
    private mutating func report(_ rule: RuleDescriptor, _ message: String, when conditions: Guard, at node: NodeID?,
                                 path: [PropertyPathComponent]? = nil) {
        guard oracle.isSatisfiable(conditions) else { return }
        violations.append(SchemaViolation(rule: rule, message: message, conditions: conditions, node: node, path: path ?? self.path))
    }

    /// A value that is there whatever the conditions: not an `Fn::If` choice, not `AWS::NoValue`.
    private static func isUnconditional(_ value: Resolved) -> Bool {
        switch value.kind {
        case .scalar, .list, .map, .unknown: true
        case .noValue, .choice: false
        }
    }

    private func quoted(_ text: String) -> String { Self.quoted(text) }
}
