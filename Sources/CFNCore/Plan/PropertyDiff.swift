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
            let pathText = path.joined(separator: "/")
            if let leftEntries = left?.entries, let rightEntries = right?.entries {
                let keys = Set(leftEntries.map(\.key)).union(rightEntries.map(\.key)).sorted().reversed()
                for key in keys {
                    work.append((path + [key], left?[key], right?[key]))
                }
                continue
            }
            if ValueText.render(left, path: pathText) != ValueText.render(right, path: pathText) {
                result.append(Difference(path: path, before: left, after: right))
            } else if let left, let right, ResourcePlanner.containsUnknown(left), !sameSource(left, right) {
                result.append(Difference(path: path, before: left, after: right))
            }
        }
        return result.sorted { $0.path.joined(separator: "/") < $1.path.joined(separator: "/") }
    }
}
