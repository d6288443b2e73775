extension PlanValue {
    /// Property paths (below Properties, `/`-joined) whose lists are sets in AWS.
    static let setPaths: Set<String> = ["VpcConfig/SecurityGroupIds", "VpcConfig/SubnetIds", "Architectures"]

    /// The plan's form of a resolved value at `path` (below Properties): plain scalars that read as
    /// numbers or booleans are numbers and booleans, maps are sorted by key, and lists that AWS treats
    /// as sets are sorted, so reordering them is no change. Nil when absent (`AWS::NoValue`).
    init?(_ value: Resolved?, path: String = "") {
        guard let value else { return nil }
        switch value.kind {
        case .scalar(let text, let isString):
            if !isString, text == "true" || text == "false" {
                self = .bool(text == "true")
            } else if !isString, Double(text) != nil {
                self = .number(text)
            } else {
                self = .string(text)
            }
        case .list(let elements):
            var values = elements.map { PlanValue($0, path: path) }
            if Self.setPaths.contains(path) { values.sort(by: Self.precedes) }
            self = .list(values)
        case .map(let entries):
            self = .map(entries.sorted { $0.key < $1.key }.map { entry in
                Member(key: entry.key, value: PlanValue(entry.value, path: path.isEmpty ? entry.key : path + "/" + entry.key))
            })
        case .unknown(let why):
            self = .unknown(Unknown(dependsOn: why.dependsOn, reason: why.reason))
        case .noValue:
            return nil
        case .choice(let condition, let then, let otherwise):
            self = .choice(condition: condition, then: PlanValue(then, path: path), else: PlanValue(otherwise, path: path))
        }
    }

    /// This value with every unknown part that depends on `logicalId` taken as the new ID of that
    /// resource, which the plan replaces; nil when no part depends on it.
    func replacing(_ logicalId: String) -> PlanValue? {
        switch self {
        case .string, .number, .bool:
            return nil
        case .unknown(let unknown):
            return unknown.dependsOn.contains(logicalId) ? .replacement(of: logicalId) : nil
        case .list(let elements):
            let replaced = elements.map { $0?.replacing(logicalId) }
            guard replaced.contains(where: { $0 != nil }) else { return nil }
            return .list(zip(elements, replaced).map { $1 ?? $0 })
        case .map(let members):
            let replaced = members.map { $0.value?.replacing(logicalId) }
            guard replaced.contains(where: { $0 != nil }) else { return nil }
            return .map(zip(members, replaced).map { Member(key: $0.key, value: $1 ?? $0.value) })
        case .choice(let condition, let then, let otherwise):
            let (newThen, newElse) = (then?.replacing(logicalId), otherwise?.replacing(logicalId))
            guard newThen != nil || newElse != nil else { return nil }
            return .choice(condition: condition, then: newThen ?? then, else: newElse ?? otherwise)
        }
    }
}
