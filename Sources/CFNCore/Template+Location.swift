import CFNLoader

extension Template {
    /// Where a byte offset falls in the template: the resource it is in, if any, and the path of keys
    /// and indexes to the innermost node around it (`["Resources", "Fn", "Properties", "Handler"]`).
    ///
    /// Used to place loader findings (a duplicate key, an unknown tag) in the template's terms.
    /// Iterative: cost is the depth times the width of the mappings on the way.
    public func location(of offset: UInt32) -> (resource: Resource?, path: [String]) {
        var path: [String] = []
        var node = root
        while true {
            switch tree.kind(node) {
            case .mapping:
                var best: MappingEntries.Entry?
                for entry in tree.entries(node) where tree.range(entry.key).start <= offset {
                    if best.map({ tree.range($0.key).start < tree.range(entry.key).start }) ?? true { best = entry }
                }
                guard let entry = best, offset < max(tree.range(entry.key).end, tree.range(entry.value).end) else {
                    return finish(path)
                }
                path.append(tree.string(entry.key) ?? "")
                guard offset >= tree.range(entry.value).start, entry.value != node else { return finish(path) }
                node = entry.value
            case .sequence:
                // The first element not yet over; an offset just before it (its tag or anchor) is its own.
                guard let (index, element) = tree.elements(node).enumerated().first(where: { offset < tree.range($0.element).end }),
                      offset >= tree.range(node).start, element != node else {
                    return finish(path)
                }
                path.append(String(index))
                node = element
            case .intrinsic:
                guard let (function, argument) = tree.intrinsic(node), argument != node,
                      tree.range(argument).start <= offset, offset < tree.range(argument).end else {
                    return finish(path)
                }
                path.append(function.longName)
                node = argument
            case .scalar:
                return finish(path)
            }
        }
    }

    private func finish(_ path: [String]) -> (resource: Resource?, path: [String]) {
        guard path.count >= 2, path[0] == Section.resources.rawValue else { return (nil, path) }
        return (resource(named: path[1]), path)
    }
}
