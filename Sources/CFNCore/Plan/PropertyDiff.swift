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

    static func differences(_ before: Resolved?, _ after: Resolved?) -> [Difference] {
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
            }
        }
        return result.sorted { $0.path.joined(separator: "/") < $1.path.joined(separator: "/") }
    }
}
