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
        var work: [([String], Resolved?, Resolved?)] = [([], before, after)]
        while let (path, left, right) = work.popLast() {
            // Equal and fully known: nothing below differs (the common case; no text is rendered).
            if isIdentical(left, right) { continue }
            if let leftEntries = left?.entries, let rightEntries = right?.entries {
                // The keys of both, sorted and unique.
                var keys = leftEntries.map(\.key)
                if !rightEntries.elementsEqual(keys, by: { $0.key == $1 }) { keys += rightEntries.map(\.key) }
                keys.sort()
                for index in keys.indices.reversed() where index == keys.startIndex || keys[index] != keys[index - 1] {
                    let key = keys[index]
                    work.append((path + [key], left?[key], right?[key]))
                }
                continue
            }
            let pathText = path.joined(separator: "/")
            if ValueText.render(left, path: pathText) != ValueText.render(right, path: pathText) {
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
        guard let left, let right else { return left == nil && right == nil }
        switch (left.kind, right.kind) {
        case (.scalar(let leftText, let leftIsString), .scalar(let rightText, let rightIsString)):
            return leftIsString == rightIsString && leftText == rightText
        case (.list(let leftElements), .list(let rightElements)):
            return leftElements.count == rightElements.count
                && zip(leftElements, rightElements).allSatisfy { isIdentical($0, $1) }
        case (.map(let leftEntries), .map(let rightEntries)):
            return leftEntries.count == rightEntries.count
                && zip(leftEntries, rightEntries).allSatisfy { $0.key == $1.key && isIdentical($0.value, $1.value) }
        case (.noValue, .noValue):
            return true
        case (.choice(let leftCondition, let leftThen, let leftElse), .choice(let rightCondition, let rightThen, let rightElse)):
            return leftCondition == rightCondition && isIdentical(leftThen, rightThen) && isIdentical(leftElse, rightElse)
        default:
            return false
        }
    }
}
