import CFNLoader

/// The differences between two resolved property maps, as leaf paths below `Properties`.
/// Maps are compared key by key; anything else (a scalar, a list, an unknown, a choice) is
/// compared whole at its path.
struct PropertyDiff {
    struct Difference {
        let path: [String]
        let before: Resolved?
        let after: Resolved?
    }

    /// `sameSource` tells whether two values are written the same way in their templates; two values
    /// that are not known compare by their source (`Fn::Sub` of another string is a change even
    /// when both depend on the same unknown pseudo parameter).
    static func differences(_ before: Resolved?, _ after: Resolved?,
                            sameSource: (Resolved, Resolved) -> Bool = { _, _ in true }) -> [Difference] {
        var result: [Difference] = []
        // Equal and fully known: nothing below differs (the common case; no plan value is made).
        if isIdentical(before, after) { return [] }
        var work: [([String], Resolved?, Resolved?)] = [([], before, after)]
        while let (path, left, right) = work.popLast() {
            if let leftEntries = left?.entries, let rightEntries = right?.entries {
                // The keys of both, sorted and unique; identical values are not followed.
                var keys = leftEntries.map(\.key)
                if !rightEntries.elementsEqual(keys, by: { $0.key == $1 }) { keys += rightEntries.map(\.key) }
                keys.sort()
                for index in keys.indices.reversed() where index == keys.startIndex || keys[index] != keys[index - 1] {
                    let key = keys[index]
                    let (leftValue, rightValue) = (left?[key], right?[key])
                    if isIdentical(leftValue, rightValue) { continue }
                    work.append((path + [key], leftValue, rightValue))
                }
                continue
            }
            let rendersAlike: Bool
            if isAlike(left, right) {
                rendersAlike = true
            } else {
                let pathText = path.joined(separator: "/")
                rendersAlike = PlanValue(left, path: pathText) == PlanValue(right, path: pathText)
            }
            if !rendersAlike {
                result.append(Difference(path: path, before: left, after: right))
            } else if let left, let right, ResourcePlanner.containsUnknown(left), !sameSource(left, right) {
                result.append(Difference(path: path, before: left, after: right))
            }
        }
        return result.sorted { $0.path.joined(separator: "/") < $1.path.joined(separator: "/") }
    }

    /// Whether two values are the same, written alike, with nothing unknown in them: then they
    /// render the same at any path, and no part of them is a difference. (Where they are not, the
    /// caller compares them as before.)
    static func isIdentical(_ left: Resolved?, _ right: Resolved?) -> Bool {
        isAlike(left, right, unknowns: false)
    }

    /// Whether two values certainly have the same `PlanValue`: the same and written alike, and,
    /// when `unknowns` is true, unknown values that name the same dependencies in the same order (or
    /// none, and the same reason). False says nothing: the texts may still be equal.
    static func isAlike(_ left: Resolved?, _ right: Resolved?, unknowns: Bool = true) -> Bool {
        guard let left, let right else { return left == nil && right == nil }
        switch (left.kind, right.kind) {
        case (.scalar(let leftText, let leftIsString), .scalar(let rightText, let rightIsString)):
            return leftIsString == rightIsString && leftText == rightText
        case (.list(let leftElements), .list(let rightElements)):
            return leftElements.count == rightElements.count
                && zip(leftElements, rightElements).allSatisfy { isAlike($0, $1, unknowns: unknowns) }
        case (.map(let leftEntries), .map(let rightEntries)):
            return leftEntries.count == rightEntries.count
                && zip(leftEntries, rightEntries).allSatisfy { $0.key == $1.key && isAlike($0.value, $1.value, unknowns: unknowns) }
        case (.noValue, .noValue):
            return true
        case (.choice(let leftCondition, let leftThen, let leftElse), .choice(let rightCondition, let rightThen, let rightElse)):
            return leftCondition == rightCondition && isAlike(leftThen, rightThen, unknowns: unknowns)
                && isAlike(leftElse, rightElse, unknowns: unknowns)
        case (.unknown(let leftWhy), .unknown(let rightWhy)):
            guard unknowns else { return false }
            return leftWhy.dependsOn.isEmpty ? rightWhy.dependsOn.isEmpty && leftWhy.reason == rightWhy.reason
                : leftWhy.dependsOn == rightWhy.dependsOn
        default:
            return false
        }
    }
}
